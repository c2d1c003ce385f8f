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
 * Canadian Social Insurance Numbers: nine digits (3-3-3 when grouped, one delimiter), Luhn valid,
 * first digit not 0 or 8 (never issued to people). Bare digits need context.
 */
public final class CaSinDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile("(?<![\\w-])[1-79]\\d{2}([- ]?)\\d{3}\\1\\d{3}(?![\\w-])");

  public CaSinDetector() {
    super("ca_sin", EntityType.CA_SIN, CANDIDATE,
        new ContextWords(List.of("sin", "social insurance", "nas", "assurance sociale", "insurance number"), ContextWords.REFERENCE_NUMBER_WORDS), false);
    digitRun(9);
    digitRunShapes(new int[] {9}, new int[] {3, 3, 3});
  }

  @Override
  public TextGate gate() {
    return declaredDigitGate();
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    if (!Checksums.luhnValid(Checksums.digitsOf(match.group()))) {
      return null;
    }
    return match.group(1).isEmpty() ? new Score(0.3, "Luhn valid, undelimited")
        : new Score(0.5, "Luhn valid, grouped 3-3-3");
  }
}
