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

/** Australian Tax File Numbers: nine digits (3-3-3 when grouped) whose weighted sum is divisible by 11. */
public final class AuTfnDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile("(?<![\\w-])\\d{3}([- ]?)\\d{3}\\1\\d{3}(?![\\w-])");
  private static final int[] WEIGHTS = {1, 4, 3, 7, 5, 8, 6, 9, 10};

  public AuTfnDetector() {
    super("au_tfn", EntityType.AU_TFN, CANDIDATE, new ContextWords(List.of("tfn", "tax file", "tax file number"), ContextWords.REFERENCE_NUMBER_WORDS), false);
    digitRun(9);
    digitRunShapes(new int[] {9}, new int[] {3, 3, 3});
  }

  @Override
  public TextGate gate() {
    return declaredDigitGate();
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    String digits = Checksums.digitsOf(match.group());
    if (Checksums.weightedSum(digits, WEIGHTS) % 11 != 0 || digits.equals("000000000")) {
      return null;
    }
    return match.group(1).isEmpty() ? new Score(0.3, "TFN weighted check, undelimited")
        : new Score(0.5, "TFN weighted check, grouped 3-3-3");
  }
}
