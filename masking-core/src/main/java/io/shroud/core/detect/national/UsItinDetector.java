package io.shroud.core.detect.national;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US Individual Taxpayer Identification Numbers: 9XX-GG-SSSS where the group GG is in an IRS range
 * (50-65, 70-88, 90-92, 94-99), one delimiter used consistently. Bare nine digits need context.
 */
public final class UsItinDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile(
      "(?<![\\w-])9\\d{2}([- ]?)(?:5\\d|6[0-5]|7\\d|8[0-8]|9[0-2]|9[4-9])\\1\\d{4}(?![\\w-])");

  /** 3-6 and 5-4 groupings: not how ITINs are written, shape-only candidates at most. */
  private static final Pattern MIXED = Pattern.compile(
      "(?<![\\w-])9(?:\\d{2}-(?:5\\d|6[0-5]|7\\d|8[0-8]|9[0-2]|9[4-9])\\d{4}|\\d{2}(?:5\\d|6[0-5]|7\\d|8[0-8]|9[0-2]|9[4-9])-\\d{4})(?![\\w-])");

  public UsItinDetector() {
    super("us_itin", EntityType.US_ITIN, CANDIDATE,
        List.of("itin", "taxpayer", "tax id", "tin", "individual taxpayer"));
    digitRun(9);
    digitRunShapes(new int[] {9}, new int[] {3, 2, 4});
  }

  /** Mixed groupings (shape-only tier) are found apart from the declared shapes. */
  @Override
  public TextGate gate() {
    return shapeOnlyTier() ? TextGate.NONE : declaredDigitGate();
  }

  @Override
  public void detect(String text, TextFeatures features, DetectionContext context, List<Finding> out) {
    super.detect(text, features, context, out);
    addMixedGroupings(text, features, MIXED, digits -> true, out);
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    return match.group(1).isEmpty() ? new Score(0.3, "ITIN structure, undelimited")
        : new Score(0.6, "ITIN structure, delimited");
  }
}
