package io.shroud.core.detect.national;

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
 * UK National Insurance numbers: two prefix letters from HMRC's allowed set (not D, F, I, Q, U, V;
 * second letter not O; never BG, GB, KN, NK, NT, TN, ZZ), six digits optionally spaced in pairs, and
 * a suffix A-D.
 */
public final class UkNinoDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile(
      "(?i)(?<![a-z0-9])([a-ceghj-pr-tw-z][a-ceghj-npr-tw-z]) ?\\d{2} ?\\d{2} ?\\d{2} ?[a-d](?![a-z0-9])");
  private static final Set<String> EXCLUDED = Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");

  public UkNinoDetector() {
    super("uk_nino", EntityType.UK_NINO, CANDIDATE,
        List.of("nino", "national insurance", "ni number", "insurance number"));
  }

  @Override
  public TextGate gate() {
    return TextGate.digits(6).withLetters(3); // two prefix letters and a suffix letter
  }

  @Override
  protected boolean mayContain(TextFeatures features) {
    return features.digits() >= 6;
  }

  @Override
  protected int minClusterDigits(TextFeatures features) {
    return 6;
  }

  @Override
  protected int clusterMarginBefore() {
    return 3;
  }

  /**
   * The prefix letters stand right before the digits or before one space: the digits then start a
   * numeric cluster. The suffix letter stands right after them or after one space, so they also end
   * it: the cluster is the six digits and at most single spaces between them. Every other cluster (an
   * SSN's 489-49-8314, a phone number, a 16-digit order number after a word) is skipped without
   * running the pattern.
   */
  @Override
  protected boolean clusterMayMatch(String text, int clusterStart, int clusterEnd) {
    boolean lettersBefore = (clusterStart >= 1 && asciiLetter(text.charAt(clusterStart - 1)))
        || (clusterStart >= 2 && text.charAt(clusterStart - 1) == ' ' && asciiLetter(text.charAt(clusterStart - 2)));
    return lettersBefore && sixDigitsSpacedAtMost(text, clusterStart, clusterEnd);
  }

  /** Exactly six digits in [from, to), with nothing between them but single spaces. */
  private static boolean sixDigitsSpacedAtMost(String text, int from, int to) {
    if (to - from < 6 || to - from > 8) {
      return false;
    }
    int digits = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c != ' ' || i == from || text.charAt(i - 1) == ' ') {
        return false;
      }
    }
    return digits == 6;
  }

  private static boolean asciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    return EXCLUDED.contains(match.group(1).toUpperCase(Locale.ROOT)) ? null
        : new Score(0.6, "NINO prefix, digits and suffix valid");
  }
}
