package io.shroud.core.detect;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postal codes: US ZIP and ZIP+4, UK postcodes (area letters and inward-code letters per Royal Mail
 * rules) and Canadian postal codes. Five digits or a short letter-digit code are everything else
 * too, so they are reported only next to "zip", "postcode", "postal code" or in such a column.
 */
public final class PostalCodeDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile("(?<![\\w-])(?:\\d{5}(?:-\\d{4})?"
      + "|GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]? ?\\d[ABD-HJLNP-UW-Z]{2}"
      + "|[ABCEGHJ-NPRSTVXY]\\d[ABCEGHJ-NPRSTV-Z] ?\\d[ABCEGHJ-NPRSTV-Z]\\d)(?![\\w-])");

  public PostalCodeDetector() {
    super("postal_code", EntityType.POSTAL_CODE, CANDIDATE, new ContextWords(List.of(
        "zip", "zipcode", "zip code", "postcode", "post code", "postal", "postal code", "postleitzahl", "plz")), true);
  }

  @Override
  protected boolean mayContain(TextFeatures features) {
    // Every code holds two digits except the Girobank code GIR 0AA.
    return features.digits() >= 2 || (features.digits() == 1 && features.contains("GIR"));
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    return new Score(0.3, "postal code shape");
  }
}
