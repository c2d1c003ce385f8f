package io.shroud.core.detect.national;

import io.shroud.core.detect.ContextWords;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** US passport numbers (nine digits, or a letter and eight digits): no checksum, so context is required. */
public final class UsPassportDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile("(?<![\\w-])(?:[A-Za-z]\\d{8}|\\d{9})(?![\\w-])");

  public UsPassportDetector() {
    super("us_passport", EntityType.US_PASSPORT, CANDIDATE,
        new ContextWords(List.of("passport", "travel document", "passport number", "passport no")), true);
  }

  @Override
  public TextGate gate() {
    return TextGate.digits(8);
  }

  @Override
  protected boolean mayContain(TextFeatures features) {
    return features.maxDigitRun() >= 8;
  }

  @Override
  protected int minClusterDigits(TextFeatures features) {
    return 8;
  }

  @Override
  protected int clusterMarginBefore() {
    return 1;
  }

  @Override
  protected int clusterMarginAfter() {
    return 0;
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    return new Score(0.3, "passport number shape");
  }
}
