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
 * Australian Business Numbers: eleven digits (2-3-3-3 when grouped); subtract 1 from the first digit
 * and the weighted sum is divisible by 89. Sole traders' ABNs identify people.
 */
public final class AuAbnDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile(
      "(?<![\\w.,-])\\d{2}( ?)\\d{3}\\1\\d{3}\\1\\d{3}(?![\\w-]|[.,]\\d)");
  private static final int[] WEIGHTS = {10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19};

  public AuAbnDetector() {
    super("au_abn", EntityType.AU_ABN, CANDIDATE, new ContextWords(List.of("abn", "business number"), ContextWords.REFERENCE_NUMBER_WORDS), false);
    digitRun(11);
    digitRunShapes(new int[] {11}, new int[] {2, 3, 3, 3});
  }

  @Override
  public TextGate gate() {
    return declaredDigitGate();
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    String digits = Checksums.digitsOf(match.group());
    if (digits.charAt(0) == '0') {
      return null;
    }
    int sum = Checksums.weightedSum(digits, WEIGHTS) - WEIGHTS[0];
    if (sum % 89 != 0) {
      return null;
    }
    return match.group(1).isEmpty() ? new Score(0.5, "ABN mod 89 check")
        : new Score(0.6, "ABN mod 89 check, grouped 2-3-3-3");
  }
}
