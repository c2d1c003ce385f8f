package io.shroud.core.detect.generic;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.scan.TextScanner;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class PhoneDetectorTest {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  /** The detector builds NANP numbers itself instead of parsing; it must get what parse gets. */
  @Test
  void nanpNumbersAreBuiltExactlyAsLibphonenumberParsesThem() throws NumberParseException {
    Random random = new Random(3);
    String[] layouts = {"(AAA) EEE-SSSS", "AAA-EEE-SSSS", "AAA.EEE.SSSS", "AAA EEE SSSS", "AAAEEESSSS",
        "1 AAA EEE SSSS", "1-AAA-EEE-SSSS", "1 (AAA) EEE-SSSS", "1AAAEEESSSS", "AAA/EEE-SSSS",
        "(AAA) EEE-SSSS x123", "AAA-EEE-SSSS ext. 45", "1 AAA EEE SSSS extension 7"};
    int checked = 0;
    for (int i = 0; i < 20_000; i++) {
      String candidate = fill(layouts[i % layouts.length], random);
      if (!PhoneDetector.nanpPlausible(candidate)) {
        continue;
      }
      for (String region : new String[] {"US", "CA"}) {
        PhoneNumber parsed = UTIL.parse(candidate, region);
        PhoneNumber built = PhoneDetector.nanpNumber(candidate);
        assertThat(built.getCountryCode()).as(candidate).isEqualTo(parsed.getCountryCode());
        assertThat(built.getNationalNumber()).as(candidate).isEqualTo(parsed.getNationalNumber());
        assertThat(UTIL.isValidNumber(built)).as(candidate).isEqualTo(UTIL.isValidNumber(parsed));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(2_000);
  }

  /** "+1" candidates are built too, without parsing: the same number, validity and possibility as parse gets. */
  @Test
  void internationalNanpNumbersAreBuiltExactlyAsLibphonenumberParsesThem() throws NumberParseException {
    Random random = new Random(5);
    String[] layouts = {"+1 AAA EEE SSSS", "+1-AAA-EEE-SSSS", "+1 (AAA) EEE-SSSS", "+1AAAEEESSSS", "+1.AAA.EEE.SSSS",
        "+1 AAA EEE SSSS x12", "+1AAA EEESSSS", "+1A AAE EES SSS", "+1 AAA EEE SSS", "+1 AAA EEE SSSSS"};
    int built = 0;
    int parsedOnly = 0;
    for (int i = 0; i < 20_000; i++) {
      String candidate = fill(layouts[i % layouts.length], random);
      if (!PhoneDetector.internationalNanp(candidate)) {
        parsedOnly++;
        continue;
      }
      PhoneNumber parsed = UTIL.parse(candidate, "ZZ");
      PhoneNumber direct = PhoneDetector.nanpNumber(candidate);
      assertThat(direct.getCountryCode()).as(candidate).isEqualTo(parsed.getCountryCode());
      assertThat(direct.getNationalNumber()).as(candidate).isEqualTo(parsed.getNationalNumber());
      assertThat(direct.isItalianLeadingZero()).as(candidate).isEqualTo(parsed.isItalianLeadingZero());
      assertThat(UTIL.isValidNumber(direct)).as(candidate).isEqualTo(UTIL.isValidNumber(parsed));
      assertThat(UTIL.isPossibleNumber(direct)).as(candidate).isEqualTo(UTIL.isPossibleNumber(parsed));
      built++;
    }
    assertThat(built).isGreaterThan(8_000);
    assertThat(parsedOnly).as("short, long and area-code-1 numbers still go to the parser").isGreaterThan(2_000);
    assertThat(PhoneDetector.internationalNanp("+44 20 7946 0958")).isFalse();
    assertThat(PhoneDetector.internationalNanp("+1 115 555 2671")).isFalse();
  }

  /**
   * Plain national candidates (digits grouped by spaces, hyphens or dots) are built without the parser
   * for regions outside North America: exactly the number parse returns, and null (the parser decides)
   * whenever a prefix, country code, trunk digit or other character could change the answer.
   */
  @Test
  void nationalNumbersAreBuiltExactlyAsLibphonenumberParsesThem() throws NumberParseException {
    Random random = new Random(17);
    String[] layouts = {"DDD-DD-DDDD", "DDDD DDDDDD", "DD DDDD DDDD", "DDD.DDD.DDDD", "DDDDDDDDDD", "DDD DDD DDD",
        "0DDDD DDDDDD", "0DD DDDD DDDD", "44 DDDD DDDDDD", "00 DD DDDD DDDD", "DDDDDDDDDDDDDDDDD", "DDDDDDDDDDDDDDDDDD",
        "DDD", "DD", "D DD", "DDDD-DDDD", "DDD DDDD x12", "(DDD) DDD DDDD", "DDD/DDD DDDD", "1DDDDDDDDDD", "0DDDDDDDDD",
        "DDDDD DDDDDD", "DD.DD.DD.DD.DD", "DDDDDD"};
    int built = 0;
    int parsedOnly = 0;
    for (String region : new String[] {"GB", "DE", "FR", "IN", "AU", "JP", "BR", "IT", "ES", "NL", "MX", "CN", "RU",
        "ZA", "SG", "CH", "SE", "AR", "KR", "NZ", "IE", "PL", "TR", "NG"}) {
      NationalNumbers direct = NationalNumbers.forRegion(region);
      for (int i = 0; i < 1_500; i++) {
        String candidate = digits(layouts[i % layouts.length], random);
        PhoneNumber number = direct.number(candidate);
        if (number == null) {
          parsedOnly++;
          continue;
        }
        PhoneNumber parsed = UTIL.parse(candidate, region);
        assertThat(number.exactlySameAs(parsed)).as("%s in %s: %s vs %s", candidate, region, number, parsed).isTrue();
        assertThat(UTIL.isValidNumber(number)).isEqualTo(UTIL.isValidNumber(parsed));
        built++;
      }
    }
    assertThat(built).isGreaterThan(15_000);
    assertThat(parsedOnly).as("prefixed, trunk, lettered and bracketed candidates still go to the parser")
        .isGreaterThan(8_000);
    assertThat(NationalNumbers.forRegion("GB").number("489-49-8314")).isNotNull();
    assertThat(NationalNumbers.forRegion("GB").number("020 7946 0958")).isNull();
    assertThat(NationalNumbers.forRegion("GB").number("44 20 7946 0958")).isNull();
  }

  /** The layout with each D replaced by a random digit (1-9 first, so most candidates are plain). */
  private static String digits(String layout, Random random) {
    StringBuilder sb = new StringBuilder();
    for (char c : layout.toCharArray()) {
      sb.append(c == 'D' ? (char) ('0' + (sb.isEmpty() ? 1 + random.nextInt(9) : random.nextInt(10))) : c);
    }
    return sb.toString();
  }

  /**
   * The detector asks the country code's main region before libphonenumber's full region search; that
   * is exact only because the main region comes first in the search and has no leading digits.
   */
  @Test
  void mainRegionFirstAgreesWithIsValidNumber() throws NumberParseException {
    Random random = new Random(11);
    int valid = 0;
    for (String region : new String[] {"US", "GB", "CA", "DE", "FR", "IN", "AU", "JM"}) {
      int code = UTIL.getCountryCodeForRegion(region);
      String main = UTIL.getRegionCodeForCountryCode(code);
      assertThat(UTIL.getRegionCodesForCountryCode(code).get(0)).isEqualTo(main);
      assertThat(PhoneDetector.mainRegionWithoutLeadingDigits(code)).isIn(main, "");
      for (int i = 0; i < 3_000; i++) {
        StringBuilder digits = new StringBuilder();
        for (int d = 0, n = 9 + random.nextInt(3); d < n; d++) {
          digits.append((char) ('0' + (d == 0 ? 2 + random.nextInt(8) : random.nextInt(10))));
        }
        PhoneNumber number = UTIL.parse("+" + code + digits, "ZZ");
        String asked = PhoneDetector.mainRegionWithoutLeadingDigits(code);
        boolean mainFirst = !asked.isEmpty() && UTIL.isValidNumberForRegion(number, asked);
        if (mainFirst) {
          assertThat(UTIL.isValidNumber(number)).as("+%d%s", code, digits).isTrue();
          valid++;
        }
      }
    }
    assertThat(valid).as("enough valid numbers to mean something").isGreaterThan(1_000);
  }

  /** The layout with each A (area), E (exchange) and S (subscriber) replaced by a random digit. */
  private static String fill(String layout, Random random) {
    StringBuilder sb = new StringBuilder();
    for (char c : layout.toCharArray()) {
      sb.append(c == 'A' || c == 'E' || c == 'S' ? (char) ('0' + random.nextInt(10)) : c);
    }
    return sb.toString();
  }

  @Test
  void nanpPlausibilityNeedsTenDigitsWithAreaAndExchangeFromTwo() {
    assertThat(PhoneDetector.nanpPlausible("(415) 555-2671")).isTrue();
    assertThat(PhoneDetector.nanpPlausible("1 415 555 2671")).isTrue();
    assertThat(PhoneDetector.nanpPlausible("(415) 555-2671 x12")).isTrue();
    assertThat(PhoneDetector.nanpPlausible("(115) 555-2671")).isFalse();
    assertThat(PhoneDetector.nanpPlausible("(415) 155-2671")).isFalse();
    assertThat(PhoneDetector.nanpPlausible("415 555 267")).isFalse();
    assertThat(PhoneDetector.nanpPlausible("2 415 555 2671")).isFalse();
    assertThat(PhoneDetector.nanpPlausible("415 555 2671 1234")).isFalse();
  }

  @Test
  void dottedQuadsAreIpAddressesEvenInAMessagesColumn() {
    TextScanner scanner = TextScanner.standard(DetectionSettings.DEFAULTS);
    String text = "The login from 127.45.206.31 wasn't me; call me on (415) 555-2671 or 415.555.2671";
    for (String column : new String[] {"messages[].content", "text", "notes"}) {
      List<Finding> found = scanner.scan(text, DetectionContext.forColumn(column));
      Assertions.assertThat(found).extracting(f -> f.type() + ":" + text.substring(f.start(), f.end()))
          .as(column).containsExactly("IP_ADDRESS:127.45.206.31", "PHONE:(415) 555-2671", "PHONE:415.555.2671");
    }
    Assertions.assertThat(PhoneDetector.dottedQuad("10.0.0.256")).isFalse();
    Assertions.assertThat(PhoneDetector.dottedQuad("415.555.26.71")).isFalse();
    Assertions.assertThat(PhoneDetector.dottedQuad("41.55.52.67")).isTrue();
  }

  @Test
  void genericColumnNamesAreNotPhoneContext() {
    String text = "ref 12 3456 7890";
    TextScanner scanner = TextScanner.standard(DetectionSettings.DEFAULTS);
    Assertions.assertThat(scanner.scan(text, DetectionContext.forColumn("messages"))).isEmpty();
    Assertions.assertThat(scanner.scan(text, DetectionContext.forColumn("text"))).isEmpty();
    Assertions.assertThat(scanner.scan(text, DetectionContext.forColumn("phone_number")))
        .as("a real phone column still supports the same shape").hasSize(1);
  }

  /**
   * Only candidates of at most {@link PhoneDetector#MAX_DATE_DIGITS} digits are tested for a date:
   * so no text the date pattern matches may hold more. Three groups of 1 to 5 digits joined by the
   * pattern's separators cover every date shape it accepts and many it must not.
   */
  @Test
  void noDateHoldsMoreDigitsThanTheShortcutAssumes() {
    PhoneDetector detector = new PhoneDetector(List.of("US", "GB"));
    Random random = new Random(11);
    String separators = "-/.";
    int dates = 0;
    for (int i = 0; i < 300_000; i++) {
      StringBuilder text = new StringBuilder();
      char separator = separators.charAt(random.nextInt(3));
      int digits = 0;
      for (int group = 0; group < 3; group++) {
        if (group > 0) {
          text.append(random.nextInt(8) == 0 ? separators.charAt(random.nextInt(3)) : separator);
        }
        int length = 1 + random.nextInt(5);
        for (int d = 0; d < length; d++) {
          text.append((char) ('0' + random.nextInt(d == 0 && length == 4 ? 3 : 10)));
        }
        digits += length;
      }
      if (detector.dateLike(text.toString())) {
        dates++;
        assertThat(digits).as(text.toString()).isLessThanOrEqualTo(PhoneDetector.MAX_DATE_DIGITS);
      }
    }
    assertThat(dates).as("dates among the generated texts").isGreaterThan(2_000);
  }

  /** Dates of seven or eight digits stay out of the phone findings; nine digits and more are not dates. */
  @Test
  void datesAreNeverPhoneNumbers() {
    TextScanner scanner = TextScanner.standard(DetectionSettings.DEFAULTS);
    String text = "call me on 2023.10.05, 12/31/2023 or 5-17-2024, or at 201-736-7622";
    List<Finding> found = scanner.scan(text, DetectionContext.forColumn("notes"));
    Assertions.assertThat(found).filteredOn(f -> f.type() == io.shroud.core.detect.EntityType.PHONE)
        .extracting(f -> text.substring(f.start(), f.end())).containsExactly("201-736-7622");
  }

  /**
   * A lone run of more than 15 digits is skipped without the pattern. Sound only if every candidate
   * the pattern finds in that cluster's region is one detect drops (more than 15 digits, no '+', no
   * extension): checked on generated runs with all kinds of surroundings.
   */
  @Test
  void loneLongDigitRunsHoldNoCandidateThatCouldBeKept() {
    String[] before = {"", "id ", "(", "+", "-", ".", "/", "no. ", "x"};
    String[] after = {"", " ", " x12", "x12", " ext 5", "ext. 77", "_", ")", " - ", "-12", " 415 555 2671", ".5", " abc",
        "  ", ".", " (12)", "é", ":3", " / "};
    Random random = new Random(11);
    int skipped = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder run = new StringBuilder();
      for (int k = 12 + random.nextInt(20); k > 0; k--) {
        run.append((char) ('0' + random.nextInt(10)));
      }
      String text = before[random.nextInt(before.length)] + run + after[random.nextInt(after.length)];
      int[] clusters = TextFeatures.of(text).numericClusters();
      for (int c = 0; c < clusters.length; c += 3) {
        int to = Math.min(text.length(), clusters[c + 1] + 16);
        if (!PhoneDetector.longRunAlone(text, clusters, c, to)) {
          continue;
        }
        skipped++;
        Matcher m = PhoneDetector.CANDIDATE.matcher(text);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        m.region(Math.max(0, clusters[c] - 1), to);
        while (m.find()) {
          String candidate = m.group();
          assertThat(candidate.charAt(0)).as(text).isNotEqualTo('+');
          assertThat(candidate.chars().noneMatch(Character::isLetter)).as(text).isTrue();
          assertThat(candidate.chars().filter(Character::isDigit).count()).as(text).isGreaterThan(15);
        }
      }
    }
    assertThat(skipped).isGreaterThan(3_000);
    assertThat(PhoneDetector.longRunAlone("7601186476768159", new int[] {0, 16, 16}, 0, 16)).isTrue();
    assertThat(PhoneDetector.longRunAlone("+7601186476768159", new int[] {0, 17, 16}, 0, 17)).isFalse();
    assertThat(PhoneDetector.longRunAlone("7601186476768159 x1", new int[] {0, 16, 16}, 0, 19)).isFalse();
  }
}
