package io.shroud.core.detect.national;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class UkNinoDetectorTest {
  /** The NINO shape as HMRC defines it, run over the whole text: what the detector must find. */
  private static final Pattern WHOLE_TEXT = Pattern.compile(
      "(?i)(?<![a-z0-9])([a-ceghj-pr-tw-z][a-ceghj-npr-tw-z]) ?\\d{2} ?\\d{2} ?\\d{2} ?[a-d](?![a-z0-9])");
  private static final Set<String> EXCLUDED = Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");

  /**
   * The detector looks only around numeric clusters that can hold a NINO's digits; it must still find
   * every NINO the pattern finds in the whole text, next to SSNs, phone and order numbers, dates,
   * codes with letters and digits, and NINOs written every way HMRC's letters and spaces allow.
   */
  @Test
  void skippingClustersLosesNoNumberThePatternFinds() {
    UkNinoDetector detector = new UkNinoDetector();
    Random random = new Random(5);
    String[] pieces = {"AB123456C", "ab 12 34 56 c", "JG 103759 A", "ZX12 34 56D", "CE 12 3456B", "PQ123456 a",
        "SSN 489-49-8314", "call (201) 736-7622", "Order 7601186476768159", "on 2023-10-05", "AB-123456-C",
        "TN 31 12 58 B", "x9 12 34 56 C", "QQ 12 34 56 C", "AB 12  34 56 C", "AB 1234567 C", "HZ 00 00 00 D;",
        "ref AB12345C", "KL 99 88 77 E", "mn 01 23 45 b.", "(AB 12 34 56 C)", "ab123456c7", "Ab 12 34 56C!"};
    String[] glue = {" ", ", ", "; ", "\n", " - ", ": ", ""};
    int expectedTotal = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int parts = 1 + random.nextInt(4);
      for (int p = 0; p < parts; p++) {
        text.append(pieces[random.nextInt(pieces.length)]).append(glue[random.nextInt(glue.length)]);
      }
      String t = text.toString();
      expectedTotal += WholeTextOracle.assertFindsWhatThePatternFinds(detector, WHOLE_TEXT,
          m -> !EXCLUDED.contains(m.group(1).toUpperCase(Locale.ROOT)), t);
    }
    assertThat(expectedTotal).as("NINOs among the generated texts").isGreaterThan(10_000);
  }
}
