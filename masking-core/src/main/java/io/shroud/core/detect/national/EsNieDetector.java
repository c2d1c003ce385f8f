package io.shroud.core.detect.national;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spanish foreigner numbers (NIE): X, Y or Z, seven digits and the mod 23 control letter. */
public final class EsNieDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile(
      "(?<![\\w-])([XYZxyz])-?(\\d{7})-?([A-Za-z])(?![\\w-])");

  public EsNieDetector() {
    super("es_nie", EntityType.ES_NIE, CANDIDATE, List.of("nie", "extranjero", "foreigner"));
  }

  @Override
  protected boolean mayContain(TextFeatures features) {
    // ASCII letters are counted among upper() and lower(): a text without any holds no the prefix and control letters.
    return features.maxDigitRun() >= 7 && features.upper() + features.lower() > 0;
  }

  @Override
  protected int minClusterDigits(TextFeatures features) {
    return 7;
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    int prefix = "XYZ".indexOf(Character.toUpperCase(match.group(1).charAt(0)));
    int number = Integer.parseInt(prefix + match.group(2));
    char letter = Character.toUpperCase(match.group(3).charAt(0));
    return EsNifDetector.LETTERS.charAt(number % 23) == letter ? new Score(0.7, "mod 23 control letter valid") : null;
  }
}
