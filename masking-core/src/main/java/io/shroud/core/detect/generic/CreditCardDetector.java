package io.shroud.core.detect.generic;

import io.shroud.core.detect.ContextWords;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextGate;
import io.shroud.core.detect.check.Checksums;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payment card numbers: 12-19 digits, optionally grouped by spaces or dashes (one kind per number),
 * a valid Luhn check digit and, for a confident finding, a known issuer prefix and length. Well-known
 * test numbers (4111 1111 1111 1111) are reported too: masking them costs nothing, and a test number
 * in production data is worth flagging.
 */
public final class CreditCardDetector extends RegexDetector {
  static final Pattern CANDIDATE = Pattern.compile("(?<![\\w-])\\d(?:[ -]?\\d){11,18}(?![\\w]|-\\d)");
  private static final ContextWords CONTEXT = new ContextWords(
      List.of("card", "credit", "debit", "visa", "mastercard", "amex", "pan", "cc", "payment"),
      ContextWords.REFERENCE_NUMBER_WORDS);

  public CreditCardDetector() {
    super("credit_card", EntityType.CREDIT_CARD, CANDIDATE, CONTEXT, false);
    digitRun(12);
  }

  @Override
  public TextGate gate() {
    return declaredDigitGate();
  }

  /**
   * A cluster that is one bare run of digits (an order or account number) is skipped when it cannot
   * hold a card number, without running the pattern. The pattern needs a non-digit on each side of a
   * match, so such a run's only candidate is the whole run: none when it is shorter than 12 or longer
   * than 19 digits, and one {@link #evaluate} rejects when its check digit is wrong.
   */
  @Override
  protected boolean clusterMayMatch(String text, int clusterStart, int clusterEnd) {
    return !bareRunWithoutCard(text, clusterStart, clusterEnd);
  }

  /** Whether text[start, end) is all ASCII digits and no card number: the wrong length, or failing Luhn. */
  static boolean bareRunWithoutCard(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    int length = end - start;
    return length < 12 || length > 19 || !Checksums.luhnValidDigitsIn(text, start, end);
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    // Checked in place: most candidates (order and account numbers) fail Luhn, and need no strings.
    int start = match.start();
    int end = match.end();
    if (mixesSeparators(text, start, end) || !Checksums.luhnValidDigitsIn(text, start, end)) {
      return null;
    }
    String digits = Checksums.digitsOf(text.subSequence(start, end));
    if (IssuerPrefixes.known(digits)) {
      // 12-digit Maestro numbers are as short as many reference numbers: they need context.
      return digits.length() == 12 ? new Score(0.45, "Luhn valid, known issuer prefix, 12 digits")
          : new Score(0.9, "Luhn valid, known issuer prefix");
    }
    return new Score(0.35, "Luhn valid, unknown issuer prefix");
  }

  /** Whether the candidate is grouped by both spaces and dashes (one kind per number). */
  private static boolean mixesSeparators(String text, int start, int end) {
    boolean space = false;
    boolean dash = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      space |= c == ' ';
      dash |= c == '-';
    }
    return space && dash;
  }
}
