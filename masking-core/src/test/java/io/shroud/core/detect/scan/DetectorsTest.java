package io.shroud.core.detect.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.NerSettings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DetectorsTest {
  /** Pattern detectors alone: NER has its own tests (ner.NerDetectorTest). */
  private final TextScanner scanner = TextScanner.standard(
      DetectionSettings.DEFAULTS.withNer(NerSettings.DISABLED));
  /** The whole default set, NER included, for the adversarial-input guards. */
  private final TextScanner everything = TextScanner.standard(DetectionSettings.DEFAULTS);

  private List<Finding> scan(String text) {
    return scanner.scan(text, DetectionContext.NONE);
  }

  private List<String> found(String text) {
    return scan(text).stream().map(f -> f.type() + ":" + text.substring(f.start(), f.end())).toList();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "write to jane.doe+news@mail.example.org today|EMAIL:jane.doe+news@mail.example.org",
      "a@b.co|EMAIL:a@b.co",
      "SSN 078-05-1121 on file|US_SSN:078-05-1121",
      "ssn 536 90 4399|US_SSN:536 90 4399",
      "card 4111 1111 1111 1111 ok|CREDIT_CARD:4111 1111 1111 1111",
      "card 5555-5555-5555-4444.|CREDIT_CARD:5555-5555-5555-4444",
      "amex 378282246310005|CREDIT_CARD:378282246310005",
      "from 192.168.10.254, again|IP_ADDRESS:192.168.10.254",
      "v6 2001:db8::8a2e:370:7334 here|IP_ADDRESS:2001:db8::8a2e:370:7334",
      "loopback ::1 only|IP_ADDRESS:::1",
      "call (415) 555-2671 now|PHONE:(415) 555-2671",
      "intl +44 20 7946 0958 office|PHONE:+44 20 7946 0958",
  })
  void findsValidatedEntities(String text, String expected) {
    assertThat(found(text)).containsExactly(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "john@localhost", "a@-bad.com", "x@exa..mple.com", "jane.@example.com",
      "000-12-3456", "666-12-3456", "912-12-3456", "123-00-4567", "123-45-0000", "123-45 6789", "123 45-6789",
      "4111 1111 1111 1112", "order 7360530432739483 shipped", "4111 1111-1111 1111",
      "256.1.1.1", "1.2.3", "01.2.3.4", "version 4.12.0", "version 10.2.3.4", "12:30:45",
      "tel 123", "2024-01-15", "value 3.14159", "",
  })
  void rejectsLookAlikes(String text) {
    assertThat(found(text)).isEmpty();
  }

  @Test
  void bareNineDigitsNeedContext() {
    assertThat(found("ref 536904399")).isEmpty();
    assertThat(found("my ssn is 536904399")).containsExactly("US_SSN:536904399");
    assertThat(scanner.scan("536904399", DetectionContext.forColumn("customer_ssn"))).hasSize(1);
  }

  @Test
  void findingsNeverCarryTheValue() {
    Finding f = scan("mail jane@example.com").get(0);
    assertThat(f.toString()).doesNotContain("jane").doesNotContain("example.com");
    assertThat(f.detectorId()).isEqualTo("email");
    assertThat(f.reason()).isNotBlank();
  }

  @Test
  void columnContextTokens() {
    assertThat(DetectionContext.forColumn("zip_code").columnMentions(List.of("ip"))).isFalse();
    assertThat(DetectionContext.forColumn("clientIP").columnMentions(List.of("ip"))).isTrue();
    assertThat(DetectionContext.forColumn("customerSSN").columnMentions(List.of("ssn"))).isTrue();
    assertThat(DetectionContext.forColumn("EmailAddress").columnMentions(List.of("email"))).isTrue();
  }

  @Test
  void overlapsResolveToTheLargerSpanThenTheHigherScore() {
    Finding big = new Finding(EntityType.CREDIT_CARD, 0, 19, 0.5, "a", "r");
    Finding inside = new Finding(EntityType.PHONE, 5, 14, 0.9, "b", "r");
    Finding sameSpanLow = new Finding(EntityType.US_SSN, 30, 41, 0.6, "c", "r");
    Finding sameSpanHigh = new Finding(EntityType.PHONE, 30, 41, 0.7, "d", "r");
    assertThat(TextScanner.resolve(List.of(inside, sameSpanLow, big, sameSpanHigh)))
        .containsExactly(big, sameSpanHigh);
  }

  @Test
  void scansEveryEntityInMixedText() {
    String text = "Ana (ana@example.com, +1 212-555-0147) paid with 4012888888881881 from 10.0.0.7; SSN 219-09-9998.";
    assertThat(found(text)).containsExactly("EMAIL:ana@example.com", "PHONE:+1 212-555-0147",
        "CREDIT_CARD:4012888888881881", "IP_ADDRESS:10.0.0.7", "US_SSN:219-09-9998");
  }

  @Test
  void chunkedScanFindsEntitiesAcrossChunkBoundaries() {
    TextScanner small = new TextScanner(DetectorCatalog.standard(DetectionSettings.DEFAULTS), 0.5, 4096);
    StringBuilder text = new StringBuilder();
    while (text.length() < 4090) {
      text.append("lorem ipsum ");
    }
    int start = text.length();
    text.append("someone@example.com and more text ".repeat(300));
    List<Finding> findings = small.scan(text.toString(), DetectionContext.NONE);
    assertThat(findings).hasSize(300).allMatch(f -> f.type().equals(EntityType.EMAIL));
    assertThat(findings.get(0).start()).isEqualTo(start);
  }

  /**
   * Every detector sees 1 MiB of each adversarial shape (the default scanner does not chunk a text
   * of exactly 1 MiB). The timeout is a hang guard, not a performance assertion.
   */
  @ParameterizedTest
  @ValueSource(strings = {"1", "1-", "1 ", "1.", "12:", "@", "@@@@", "a@", "@a.", ":", "a:", "::", "1::", "-----BEGIN ",
      "-----BEGIN RSA PRIVATE KEY-----", "AKIA", "ASIA1", "QUJDRA", "aB3/", "0x", "0xAB", "eyJ", "eyJhbGci.", "sk-",
      "ghp_", "xoxb-", "Authorization: Basic ", "bc1", "1A", "GB82", "born 1", "zip 1", "12 Maple ", "(1) ", "1/",
      "www.", "a.b", "http://a", "Apt 1 ", "P.O. Box 1 ", "12 Main St, Oslo ", "Edeby 55  Apt. 297  "})
  @Timeout(60)
  void adversarialMegabyteInputsFinish(String unit) {
    String text = unit.repeat((1 << 20) / unit.length());
    assertThat(everything.scan(text, DetectionContext.NONE)).isNotNull();
  }

  @Test
  @Timeout(60)
  void chunkedScanOfAdversarialInputFinishes() {
    TextScanner chunked = new TextScanner(DetectorCatalog.standard(DetectionSettings.DEFAULTS), 0.5, 64 * 1024);
    assertThat(chunked.scan("1-".repeat(1 << 19), DetectionContext.NONE)).isNotNull();
  }
}
