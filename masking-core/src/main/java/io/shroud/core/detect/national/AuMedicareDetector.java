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
 * Australian Medicare card numbers: ten digits (4-5-1 when grouped), first digit 2-6, the ninth digit
 * a weighted check of the first eight. Bare digits need context.
 */
public final class AuMedicareDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile("(?<![\\w-])[2-6]\\d{3}( ?)\\d{5}\\1\\d(?![\\w-])");
  private static final int[] WEIGHTS = {1, 3, 7, 9, 1, 3, 7, 9};

  public AuMedicareDetector() {
    super("au_medicare", EntityType.AU_MEDICARE, CANDIDATE, new ContextWords(List.of("medicare"), ContextWords.REFERENCE_NUMBER_WORDS), false);
    digitRun(10);
    digitRunShapes(new int[] {10}, new int[] {4, 5, 1});
  }

  @Override
  public TextGate gate() {
    return declaredDigitGate();
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    String digits = Checksums.digitsOf(match.group());
    if (Checksums.weightedSum(digits, WEIGHTS) % 10 != digits.charAt(8) - '0') {
      return null;
    }
    return match.group(1).isEmpty() ? new Score(0.3, "Medicare check digit, undelimited")
        : new Score(0.6, "Medicare check digit, grouped 4-5-1");
  }
}
