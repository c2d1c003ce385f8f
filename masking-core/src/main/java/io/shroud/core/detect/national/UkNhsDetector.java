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

/** UK NHS numbers: ten digits (3-3-4 when grouped) with the mod 11 check digit. Bare digits need context. */
public final class UkNhsDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile("(?<![\\w-])\\d{3}([- ]?)\\d{3}\\1\\d{4}(?![\\w-])");

  public UkNhsDetector() {
    super("uk_nhs", EntityType.UK_NHS, CANDIDATE, new ContextWords(List.of("nhs", "health service", "patient", "nhs number"), ContextWords.REFERENCE_NUMBER_WORDS), false);
    digitRun(10);
    digitRunShapes(new int[] {10}, new int[] {3, 3, 4});
  }

  @Override
  public TextGate gate() {
    return declaredDigitGate();
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    if (!Checksums.nhsValid(Checksums.digitsOf(match.group()))) {
      return null;
    }
    return match.group(1).isEmpty() ? new Score(0.3, "NHS mod 11 check, undelimited")
        : new Score(0.5, "NHS mod 11 check, grouped 3-3-4");
  }
}
