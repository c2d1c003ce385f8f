package io.shroud.core.detect.address;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a postal address that name a unit or a post box rather than a street: {@code Apt. 656},
 * {@code Suite 501}, {@code Flat 3}, {@code Unit 12B}, {@code P.O. Box 242}, {@code Postfach 1234},
 * {@code Apartado 45}. Scores follow how rarely the designator means anything else: a post box or an
 * apartment number is an address; "Suite 501" usually is; "Suite 4" is as often a piece of music, "Unit 3"
 * and "Room 5" a lesson or a meeting room, so they stay below the default threshold unless a context word or the address block
 * around them ({@link AddressBlocks}: a street line before, a town and postcode after) vouches for them.
 * A lower-case designator costs 0.1 ("the suite 12 floors up").
 */
public final class AddressUnitDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile(
      // The first-letter test fails most positions at once: the pattern has no literal prefix.
      "(?=[AaCcDdFfPpRrSsUuWw][PpUuTtLlNnOoHhMm.AaEe ])(?<![\\p{L}\\d.])(?:"
          + "(?<box>(?i:p\\.?[ \\t]?o\\.?[ \\t]?box|post[ \\t]office[ \\t]box|postfach|postboks|postbox|apartado"
          + "(?:[ \\t]postal)?|caixa[ \\t]postal|casilla(?:[ \\t]de[ \\t]correo)?))[ \\t]{0,2}(?:(?i:no)\\.?[ \\t]?|#[ \\t]?)?"
          + "\\d{1,6}(?:[ \\t]\\d{2}){0,2}"
          + "|(?<unit>(?i:apartment|apt|apto|appartement|appt|depto|dpto|suite|ste|flat|unit|wohnung|whg|room|rm))"
          // A dot, a space or '#' between designator and number: "Suite5x" is a product name.
          + "(?:\\.[ \\t]{0,2}|[ \\t]{1,2}|[ \\t]?(?=#))(?:(?i:no)\\.?[ \\t]?|#[ \\t]?)?(?:[A-Za-z]-?)?\\d{1,5}[A-Za-z]?"
          + "(?:-\\d{1,4})?"
          + ")(?![\\p{L}\\d%]|[.,]\\d)");
  private static final String[] DESIGNATOR_WORDS = {"apt", "apartment", "apto", "appartement", "appt", "depto",
      "dpto", "suite", "ste",
      "flat", "unit", "wohnung", "whg", "room", "rm", "box", "postfach", "postboks", "postbox", "apartado", "caixa",
      "casilla"};
  private static final int[][] DESIGNATOR_RUNS = new int[DESIGNATOR_WORDS.length][];

  static {
    for (int i = 0; i < DESIGNATOR_WORDS.length; i++) {
      DESIGNATOR_RUNS[i] = TextFeatures.wordRunHashes(DESIGNATOR_WORDS[i]);
    }
  }

  /** Detector id; {@link AddressBlocks} reads a unit's address block backwards from it too. */
  static final String ID = "address_unit";

  public AddressUnitDetector() {
    super(ID, EntityType.ADDRESS, CANDIDATE, List.of(
        "address", "live", "lives", "living", "ship", "shipping", "deliver", "delivery", "mailing", "residence",
        "reside", "moved", "mail"));
  }

  @Override
  public TextGate gate() {
    return TextGate.digits(1).withLetters(2); // a designator word: "rm", "apt", "box", ...
  }

  /** Where designator words were seen in the text being scanned: the only part worth searching. */
  private final int[] window = new int[2];

  /**
   * Texts without a designator word are skipped, and in the others only the stretch from the first
   * designator to just after the last is searched: the pattern has no literal prefix to skip ahead
   * by, and most texts that mention a box or a unit do so once.
   */
  @Override
  protected boolean mayContain(TextFeatures features) {
    if (features.digits() < 1) {
      return false;
    }
    int first = Integer.MAX_VALUE;
    int last = -1;
    for (int i = 0; i < DESIGNATOR_RUNS.length; i++) {
      if (features.mayContainWholeWord(DESIGNATOR_RUNS[i])) {
        String lower = features.lowerText();
        int at = lower.indexOf(DESIGNATOR_WORDS[i]);
        if (at >= 0) {
          // Only "box" has words before it in the match ("P.O. Box", "Post Office Box").
          first = Math.min(first, DESIGNATOR_WORDS[i].equals("box") ? Math.max(0, at - MAX_BEFORE_BOX) : at);
          last = Math.max(last, lower.lastIndexOf(DESIGNATOR_WORDS[i]));
        }
      }
    }
    if (last < 0) {
      return false;
    }
    window[0] = first;
    window[1] = Math.min(features.length(), last + MAX_AFTER_DESIGNATOR);
    return true;
  }

  /** The most a match starts before the word "box" ("Post Office " before "Box"). */
  private static final int MAX_BEFORE_BOX = 16;
  /** The longest match after the start of its designator word ("Post Office Box No. 123 45 67"). */
  private static final int MAX_AFTER_DESIGNATOR = 48;

  @Override
  protected int[] searchWindow(TextFeatures features) {
    return window;
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    if (match.group("box") != null) {
      return new Score(0.6, "post box number");
    }
    String designator = match.group("unit");
    double base = switch (designator.toLowerCase(Locale.ROOT)) {
      case "apartment", "apt", "apto", "appartement", "appt", "depto", "dpto", "flat", "wohnung", "whg" -> 0.55;
      // Office suites are numbered by floor (Suite 200, Suite 1450); "Suite 4" is as often music.
      case "suite", "ste" -> countDigits(match.group()) >= 3 ? 0.5 : 0.4;
      case "unit" -> 0.4;
      default -> 0.3; // room, rm
    };
    boolean capitalised = Character.isUpperCase(designator.charAt(0));
    return capitalised ? new Score(base, "unit designator and number")
        : new Score(base - 0.1, "lower-case unit designator and number");
  }
}
