package io.shroud.core.detect.national;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import io.shroud.core.detect.check.Validation;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US Social Security numbers: area 001-899 except 666, group 01-99, serial 0001-9999, one delimiter
 * used consistently (dashes, spaces, dots or none). Numbers published as examples are rejected.
 */
public final class UsSsnDetector extends RegexDetector {
  private static final Pattern CANDIDATE =
      Pattern.compile("(?<![\\w-]|\\d\\.)(\\d{3})([- .]?)(\\d{2})\\2(\\d{4})(?![\\w-]|\\.\\d)");
  private static final Set<String> EXAMPLES = Set.of(
      "078051120", "219099999", "457555462", "123456789", "987654320", "111111111", "222222222",
      "333333333", "444444444", "555555555", "777777777", "888888888", "012345678", "098765432");

  /** 3-6 and 5-4 groupings: not how SSNs are written, shape-only candidates at most. */
  private static final Pattern MIXED = Pattern.compile("(?<![\\w-])(?:\\d{3}-\\d{6}|\\d{5}-\\d{4})(?![\\w-])");

  public UsSsnDetector() {
    super("us_ssn", EntityType.US_SSN, CANDIDATE,
        List.of("ssn", "social security", "social", "ssns", "ss#", "ssid", "taxpayer"));
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
    addMixedGroupings(text, features, MIXED,
        d -> validate(d.substring(0, 3), d.substring(3, 5), d.substring(5)) == Validation.CONFIRMED, out);
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    Validation validation = validate(match.group(1), match.group(3), match.group(4));
    if (validation == Validation.REJECTED) {
      return null;
    }
    boolean delimited = !match.group(2).isEmpty();
    // Nine bare digits are also order numbers and zip+4 codes: they need context to pass.
    return delimited ? new Score(0.6, "SSN structure, delimited") : new Score(0.3, "SSN structure, undelimited");
  }

  static Validation validate(String area, String group, String serial) {
    int a = Integer.parseInt(area);
    if (a == 0 || a == 666 || a >= 900) {
      return Validation.REJECTED;
    }
    if (group.equals("00") || serial.equals("0000")) {
      return Validation.REJECTED;
    }
    if (EXAMPLES.contains(area + group + serial)) {
      return Validation.REJECTED;
    }
    return Validation.CONFIRMED;
  }
}
