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

/**
 * US driver licence numbers. Formats differ by state (one or two letters and 4-14 digits, 6-14
 * digits, dashed groups) and overlap with every other number, so they are reported only next to
 * "driver", "license", "DL" and the like. Every candidate holds at least four digits, so a word like
 * "INTRODUCTORY" never matches.
 */
public final class UsDriverLicenseDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile(
      "(?<![\\w-])(?:[A-Za-z]{1,2}\\d{4,14}|\\d{6,14}|\\d{3,4}-\\d{2,3}-\\d{3,4}|[A-Za-z]\\d{3}-\\d{4}-\\d{4})(?![\\w-])");

  public UsDriverLicenseDetector() {
    super("us_driver_license", EntityType.US_DRIVER_LICENSE, CANDIDATE, new ContextWords(List.of(
        "driver", "drivers", "driver's", "license", "licence", "dl", "dln", "driving", "permit")), true);
  }

  @Override
  public TextGate gate() {
    return TextGate.digits(4);
  }

  @Override
  protected boolean mayContain(TextFeatures features) {
    return features.digits() >= 4;
  }

  @Override
  protected int minClusterDigits(TextFeatures features) {
    return 4;
  }

  @Override
  protected int clusterMarginAfter() {
    return 0;
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    return new Score(0.3, "licence number shape");
  }
}
