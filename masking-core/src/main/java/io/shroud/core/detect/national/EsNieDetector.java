package io.shroud.core.detect.national;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spanish foreigner numbers (NIE): X, Y or Z, seven digits and the mod 23 control letter. */
public final class EsNieDetector extends SpanishControlLetter {
  private static final Pattern CANDIDATE = Pattern.compile(
      "(?<![\\w-])([XYZxyz])-?(\\d{7})-?([A-Za-z])(?![\\w-])");

  public EsNieDetector() {
    super("es_nie", EntityType.ES_NIE, CANDIDATE, List.of("nie", "extranjero", "foreigner"));
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    int prefix = "XYZ".indexOf(Character.toUpperCase(match.group(1).charAt(0)));
    int number = Integer.parseInt(prefix + match.group(2));
    boolean valid = controlLetterMatches(number, match.group(3).charAt(0));
    return valid ? new Score(0.7, "mod 23 control letter valid") : null;
  }
}
