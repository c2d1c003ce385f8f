package io.shroud.core.detect.national;

import io.shroud.core.detect.ContextWords;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextGate;
import io.shroud.core.detect.check.Checksums;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * German tax identification numbers (Steuer-IdNr): eleven digits, no leading zero; in the first ten
 * digits exactly one digit occurs twice or three times (three never in a row) and the others at
 * most once; the last digit is the ISO 7064 MOD 11,10 check.
 */
public final class DeTaxIdDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile("(?<![\\w.,-])[1-9]\\d{10}(?![\\w-]|[.,]\\d)");

  public DeTaxIdDetector() {
    super("de_tax_id", EntityType.DE_TAX_ID, CANDIDATE,
        new ContextWords(List.of("steuer", "steuer-id", "steuerid", "idnr", "steueridentifikationsnummer", "tax id", "tin"), ContextWords.REFERENCE_NUMBER_WORDS), false);
    contiguousDigitRun(11);
    digitRunShapes(new int[] {11});
  }

  @Override
  public TextGate gate() {
    return declaredDigitGate();
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    String digits = match.group();
    if (!repetitionRuleHolds(digits) || !Checksums.iso7064Mod11_10Valid(digits)) {
      return null;
    }
    return new Score(0.5, "digit repetition rule and MOD 11,10 check valid");
  }

  static boolean repetitionRuleHolds(String digits) {
    int[] counts = new int[10];
    for (int i = 0; i < 10; i++) {
      counts[digits.charAt(i) - '0']++;
    }
    int repeated = 0;
    for (int count : counts) {
      if (count > 3) {
        return false;
      }
      if (count >= 2) {
        repeated++;
      }
    }
    if (repeated != 1) {
      return false;
    }
    for (int i = 2; i < 10; i++) {
      if (digits.charAt(i) == digits.charAt(i - 1) && digits.charAt(i) == digits.charAt(i - 2)) {
        return false;
      }
    }
    return true;
  }
}
