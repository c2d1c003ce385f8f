package io.shroud.core.detect.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.NerSettings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Positive and negative cases for every detector of the catalogue, through the default scanner. */
class CatalogueTest {
  /** The pattern catalogue alone: NER has its own tests (ner.NerDetectorTest, ner.NerQualityTest). */
  private final TextScanner scanner = TextScanner.standard(
      DetectionSettings.DEFAULTS.withNer(NerSettings.DISABLED));

  private List<String> found(String text) {
    return found(text, DetectionContext.NONE);
  }

  private List<String> found(String text, DetectionContext context) {
    return scanner.scan(text, context).stream().map(f -> f.type() + ":" + text.substring(f.start(), f.end())).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // Contact
      "see https://example.com/a?b=1 now|URL:https://example.com/a?b=1",
      "visit www.example.org.|URL:www.example.org",
      "docs at example.co.uk/help today|URL:example.co.uk/help",
      "mac 00:1A:2B:3C:4D:5E here|MAC_ADDRESS:00:1A:2B:3C:4D:5E",
      "cisco 0012.3456.789A here|MAC_ADDRESS:0012.3456.789A",
      "cidr 10.0.0.0/8 route|IP_ADDRESS:10.0.0.0/8",
      // Financial
      "IBAN GB82 WEST 1234 5698 7654 32 ok|IBAN:GB82 WEST 1234 5698 7654 32",
      "pay DE89370400440532013000 now|IBAN:DE89370400440532013000",
      "checking account 123456789012 closed|US_BANK_ACCOUNT:123456789012",
      "routing 021000021 please|ABA_ROUTING:021000021",
      "cheque 0711-0130-7 printed|ABA_ROUTING:0711-0130-7",
      "SWIFT: DEUTDEFF500|SWIFT_BIC:DEUTDEFF500",
      "card exp 12/27 thanks|CREDIT_CARD_EXPIRY:12/27",
      "the cvv 123 was wrong|CVV:123",
      // Government ids
      "ITIN 912-70-1234 filed|US_ITIN:912-70-1234",
      "passport number 912803456 issued|US_PASSPORT:912803456",
      "driver's license D1234567 expired|US_DRIVER_LICENSE:D1234567",
      "NINO AB 12 34 56 C on file|UK_NINO:AB 12 34 56 C",
      "NHS 401 023 2137 patient|UK_NHS:401 023 2137",
      "my SIN is 130-692-544|CA_SIN:130-692-544",
      "DNI 12345678Z vigente|ES_NIF:12345678Z",
      "NIE X9613851N vigente|ES_NIE:X9613851N",
      "CF RSSMRA85T10A562S ok|IT_FISCAL_CODE:RSSMRA85T10A562S",
      "aadhaar 3123 4567 8909 linked|IN_AADHAAR:3123 4567 8909",
      "pesel 44051401458|PL_PESEL:44051401458",
      "Steuer-ID 86095742719 liegt vor|DE_TAX_ID:86095742719",
      "TFN 876 543 210 lodged|AU_TFN:876 543 210",
      "ABN 51 824 753 556 registered|AU_ABN:51 824 753 556",
      "medicare 2123 45670 1 card|AU_MEDICARE:2123 45670 1",
      // Credentials
      "key AKIAIOSFODNN7EXAMPLE leaked|AWS_ACCESS_KEY_ID:AKIAIOSFODNN7EXAMPLE",
      "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY|AWS_SECRET_ACCESS_KEY:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      "token eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl end|JSON_WEB_TOKEN:eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
      "Authorization: Basic dXNlcjpwYXNzd29yZA==|HTTP_BASIC_AUTH:dXNlcjpwYXNzd29yZA==",
      "export GH=ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8|API_TOKEN:ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8",
      "slack xoxb-123456789012-abcdefABCDEF01 bot|API_TOKEN:xoxb-123456789012-abcdefABCDEF01",
      "stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc|API_TOKEN:sk_live_4eC39HqLyjWDarjtT1zdp7dc",
      "maps AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q ok|API_TOKEN:AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q",
      // Personal
      "she was born 1990-05-17 in Oslo|DATE_OF_BIRTH:1990-05-17",
      "DOB: 05/17/1990|DATE_OF_BIRTH:05/17/1990",
      "date of birth: May 17, 1990|DATE_OF_BIRTH:May 17, 1990",
      "ship to 1600 Pennsylvania Avenue, Apt 4B today|ADDRESS:1600 Pennsylvania Avenue, Apt 4B",
      "lives at 12 Maple St now|ADDRESS:12 Maple St",
      "zip 94105-1234 please|POSTAL_CODE:94105-1234",
      "postcode SW1A 1AA please|POSTAL_CODE:SW1A 1AA",
      "postal code K1A 0B1 please|POSTAL_CODE:K1A 0B1",
      "pin at 40.7128, -74.0060 now|LATITUDE_LONGITUDE:40.7128, -74.0060",
      "VIN 1HGCM82633A004352 sold|VEHICLE_IDENTIFICATION_NUMBER:1HGCM82633A004352",
      "send to 16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ now|CRYPTO_WALLET:16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ",
      "segwit bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq ok|CRYPTO_WALLET:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
      "eth wallet 0x52908400098527886E0F7030069857D2E4169EE7|CRYPTO_WALLET:0x52908400098527886E0F7030069857D2E4169EE7",
  })
  void findsEachEntity(String text, String expected) {
    assertThat(found(text)).containsExactly(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "run deploy.sh and read README.md",
      "http://localhost:8080/health",
      "e.g. this, i.e. that",
      "broadcast FF:FF:FF:FF:FF:FF",
      "IBAN GB82 WEST 1234 5698 7654 33",
      "code XX82WEST12345698765432",
      "ref 123456789012 closed",
      "routing 021000022 please",
      "INTRODUCTORY OFFER ENDS SOON",
      "swift DEUTXXFF please",
      "on 12/27 we shipped",
      "room 123 is free",
      "ITIN 912-89-1234",
      "number 912803456",
      "driver license INTRODUCTORY course",
      "NINO BG 12 34 56 A",
      "NHS 401 023 2138",
      "SIN 130 692 545",
      "DNI 12345678A",
      "NIE X9613851Q",
      "CF RSSMRA85T10A562T",
      "aadhaar 1234 5678 9012",
      "Steuer-ID 12345678903",
      "TFN 876 543 211",
      "ABN 52 824 753 556",
      "key AKIAIOSFODNN7EXAMPL",
      "hash wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      "-----BEGIN PUBLIC KEY-----\nMIIBIjAN\n-----END PUBLIC KEY-----",
      "jwt eyJmb28iOiJiYXIifQ.eyJzdWIiOiIxIn0.c2ln",
      "Authorization: Basic !!!!",
      "the basic plan costs 10",
      "sk-this-is-not-a-key-at-all-really-no",
      "shipped 2024-01-15 to the customer",
      "born 2024-01-15T10:00:00 log entry",
      "order 12 shipped today",
      "code 94105 and M1 1AA",
      "pin at 40.7128, 200.0060 now",
      "prices 1.25, 2.50 each",
      "code 1HGCM82633A004353",
      "send to 16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyY now",
      "hash 0x52908400098527886E0F7030069857D2E4169EE7",
  })
  void ignoresLookAlikes(String text) {
    assertThat(found(text.replace("\\n", "\n"))).isEmpty();
  }

  @Test
  void privateKeyBlocksIncludingUnclosedOnes() {
    String key = "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD9\n-----END RSA PRIVATE KEY-----";
    String text = "config:\n" + key + "\nend";
    assertThat(found(text)).containsExactly("PRIVATE_KEY:" + key);
    String openssh = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n";
    assertThat(scanner.scan("pasted " + openssh, DetectionContext.NONE))
        .singleElement().satisfies(f -> assertThat(f.type()).isEqualTo(EntityType.PRIVATE_KEY));
    assertThat(found("-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBF\n-----END PGP PRIVATE KEY BLOCK-----"))
        .singleElement().asString().startsWith("PRIVATE_KEY:");
  }

  @Test
  void weakPatternsNeedContextOrAColumnName() {
    assertThat(found("94105")).isEmpty();
    assertThat(found("94105", DetectionContext.forColumn("zip_code"))).containsExactly("POSTAL_CODE:94105");
    assertThat(found("1990-05-17")).isEmpty();
    assertThat(found("1990-05-17", DetectionContext.forColumn("birth_date"))).containsExactly("DATE_OF_BIRTH:1990-05-17");
    assertThat(found("DEUTDEFF", DetectionContext.forColumn("swift_code"))).containsExactly("SWIFT_BIC:DEUTDEFF");
    assertThat(found("123")).isEmpty();
    assertThat(found("123", DetectionContext.forColumn("cvv"))).containsExactly("CVV:123");
  }

  @Test
  void versionContextSuppressesDottedQuads() {
    assertThat(found("upgraded to version 10.2.3.4 today")).isEmpty();
    assertThat(found("client 10.2.3.4 connected")).containsExactly("IP_ADDRESS:10.2.3.4");
  }
}
