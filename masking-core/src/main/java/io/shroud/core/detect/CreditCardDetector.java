package io.shroud.core.detect;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payment card numbers: 13-19 digits, optionally grouped by spaces or dashes (one kind per number),
 * a known issuer prefix and a valid Luhn check digit.
 */
public final class CreditCardDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d]|-\\d)");

  public CreditCardDetector() {
    super("credit_card", EntityType.CREDIT_CARD, CANDIDATE,
        List.of("card", "credit", "debit", "visa", "mastercard", "amex", "pan", "cc", "payment"));
  }

  @Override
  protected boolean mayContain(String text) {
    return hasDigits(text, 13);
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    String candidate = match.group();
    if (candidate.indexOf(' ') >= 0 && candidate.indexOf('-') >= 0) {
      return null;
    }
    String digits = Checksums.digitsOf(candidate);
    if (!Checksums.luhnValid(digits)) {
      return null;
    }
    if (IssuerPrefixes.known(digits)) {
      return new Score(0.9, "Luhn valid, known issuer prefix");
    }
    return new Score(0.35, "Luhn valid, unknown issuer prefix");
  }
}
