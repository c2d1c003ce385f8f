package io.shroud.core.detect.generic;

import io.shroud.core.detect.ContextWords;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SWIFT / BIC codes: four-letter bank code, ISO 3166 country, two-character location and an optional
 * three-character branch. Eight capital letters are also ordinary shouted words, so a code is only
 * reported next to "swift", "bic" or similar, or in such a column.
 */
public final class SwiftBicDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile(
      "(?<![A-Za-z0-9])[A-Z]{4}([A-Z]{2})[A-Z0-9]{2}(?:[A-Z0-9]{3})?(?![A-Za-z0-9])");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  public SwiftBicDetector() {
    super("swift_bic", EntityType.SWIFT_BIC, CANDIDATE,
        new ContextWords(List.of("swift", "bic", "swift code", "bank code", "bic code", "swift/bic")), true);
  }

  @Override
  public TextGate gate() {
    return TextGate.letters(8).withTokenRun(8);
  }

  @Override
  protected boolean mayContain(TextFeatures features) {
    return features.upper() >= 8 && features.maxTokenRun() >= 8;
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    String country = match.group(1);
    return COUNTRIES.contains(country) || country.equals("XK") ? new Score(0.35, "BIC structure, valid country") : null;
  }
}
