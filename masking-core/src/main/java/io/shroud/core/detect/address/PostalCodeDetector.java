package io.shroud.core.detect.address;

import io.shroud.core.detect.ContextWords;
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
 * Postal codes: US ZIP and ZIP+4, UK postcodes (area letters and inward-code letters per Royal Mail
 * rules), Canadian postal codes and the common shapes of other countries. Five digits or a short
 * letter-digit code are everything else too, so they are reported only next to "zip", "postcode",
 * "postal code" or in such a column, or, for a US ZIP, right after a state abbreviation
 * ("Springfield, IL 62704").
 */
public final class PostalCodeDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile("(?<![\\w-])(?:\\d{5}(?:-\\d{4})?"
      + "|GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]? ?\\d[ABD-HJLNP-UW-Z]{2}"
      + "|[ABCEGHJ-NPRSTVXY]\\d[ABCEGHJ-NPRSTV-Z] ?\\d[ABCEGHJ-NPRSTV-Z]\\d"
      // Other countries' shapes, context only like every code here: 1234 (AT, BE, CH, DK, NO, AU, ...),
      // 1234-567 (PT), 123 45 (SE, CZ, SK, GR), 12-345 (PL), 123456 (IN, RU, CN), 1234 AB (NL),
      // 12345-678 (BR), 123 (IS, FO).
      + "|\\d{4} ?[A-Z]{2}|\\d{4}(?:-\\d{3})?|\\d{3} \\d{2}|\\d{2}-\\d{3}|\\d{6}|\\d{5}-\\d{3}|\\d{3})(?![\\w-])");

  public PostalCodeDetector() {
    super("postal_code", EntityType.POSTAL_CODE, CANDIDATE, new ContextWords(List.of(
        "zip", "zipcode", "zip code", "postcode", "post code", "postal", "postal code", "postleitzahl", "plz")), true);
  }

  /** Two digits, or one in the Girobank code; five after a state. */
  @Override
  public TextGate gate() {
    return TextGate.digits(1);
  }

  @Override
  protected boolean mayContain(TextFeatures features) {
    // Every code holds two digits except the Girobank code GIR 0AA.
    return features.digits() >= 2 || (features.digits() == 1 && features.contains("GIR"));
  }

  /** "Springfield, IL 62704": a USPS state or territory abbreviation, then a ZIP or ZIP+4. */
  static final Pattern AFTER_STATE = Pattern.compile("(?<![\\w])(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL"
      + "|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI"
      + "|WY|PR|GU|VI|AS|MP|AA|AE|AP)[ \\t]{1,2}(\\d{5}(?:-\\d{4})?)(?![\\w-])");

  private Matcher stateMatcher;

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    return new Score(0.3, "postal code shape");
  }

  /** Context-gated codes as for every detector here, plus US ZIPs that an address line vouches for. */
  @Override
  public void detect(String text, TextFeatures features, DetectionContext context, List<Finding> out) {
    super.detect(text, features, context, out);
    if (features.digits() < 5 || features.upper() < 2) {
      return;
    }
    Matcher m = stateMatcher == null ? (stateMatcher = AFTER_STATE.matcher(text)) : stateMatcher.reset(text);
    m.useTransparentBounds(true);
    // Only around numeric clusters of five digits or more, from the state code before them: trying
    // sixty state codes at every position of every text was the catalogue's single biggest cost.
    int[] clusters = features.numericClusters();
    int searchedTo = 0;
    for (int c = 0; c < clusters.length; c += 3) {
      if (clusters[c + 2] < 5) {
        continue;
      }
      int from = Math.max(searchedTo, clusters[c] - 4);
      int to = Math.min(text.length(), clusters[c + 1] + 1);
      if (from >= to) {
        continue;
      }
      if (!stateMayPrecede(text, clusters[c])) {
        searchedTo = to; // as if searched: nothing there to find
        continue;
      }
      m.region(from, to);
      while (m.find()) {
        out.add(new Finding(EntityType.POSTAL_CODE, m.start(1), m.end(1), 0.6, id(), "ZIP code after a state abbreviation"));
      }
      searchedTo = to;
    }
  }

  /**
   * Whether a state abbreviation and one or two blanks may stand right before the cluster starting at
   * {@code start}. The ZIP can start nowhere else in the cluster: inside it, a digit stands at most two
   * separators before any digit, where the pattern needs the abbreviation's letters.
   */
  static boolean stateMayPrecede(String text, int start) {
    if (start < 3 || !blank(text.charAt(start - 1))) {
      return false;
    }
    return (upper(text.charAt(start - 2)) && upper(text.charAt(start - 3)))
        || (start >= 4 && blank(text.charAt(start - 2)) && upper(text.charAt(start - 3)) && upper(text.charAt(start - 4)));
  }

  private static boolean blank(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean upper(char c) {
    return c >= 'A' && c <= 'Z';
  }
}
