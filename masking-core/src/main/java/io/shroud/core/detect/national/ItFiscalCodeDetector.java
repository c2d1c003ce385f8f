package io.shroud.core.detect.national;

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
 * Italian fiscal codes (codice fiscale): 6 letters, birth year, month letter, day, municipality and
 * a check letter computed from odd/even position tables. Digits may be replaced by letters
 * (omocodia) when two people would otherwise share a code.
 */
public final class ItFiscalCodeDetector extends RegexDetector {
  private static final String D = "[0-9LMNPQRSTUV]";
  private static final Pattern CANDIDATE = Pattern.compile("(?i)(?<![a-z0-9])[a-z]{6}" + D + "{2}[abcdehlmprst]"
      + D + "{2}[a-z]" + D + "{3}[a-z](?![a-z0-9])");
  // Values of characters in odd (1st, 3rd, ...) positions, indexed by digit or letter.
  private static final int[] ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16,
      10, 22, 25, 24, 23};

  public ItFiscalCodeDetector() {
    super("it_fiscal_code", EntityType.IT_FISCAL_CODE, CANDIDATE,
        List.of("codice fiscale", "fiscal code", "cf", "tax code"));
  }

  @Override
  public TextGate gate() {
    return TextGate.letters(6).withTokenRun(16);
  }

  /** From the first run that may be a code to the end of the last: the only part worth searching. */
  private final int[] window = new int[2];

  /**
   * A code is a whole run of 16 ASCII letters and digits (the pattern's bounds), its first six letters:
   * texts without such a run are skipped (a 16-digit order number, a long e-mail address), and in the
   * others only the stretch from the first such run to the end of the last is searched. A code may hold
   * no digit at all (omocodia can replace all seven), so texts without digits are searched too.
   */
  @Override
  protected boolean mayContain(TextFeatures features) {
    if (features.maxTokenRun() < 16) {
      return false;
    }
    String text = features.text();
    int first = -1;
    int last = -1;
    int i = 0;
    while (i < text.length()) {
      if (!asciiLetterOrDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < text.length() && asciiLetterOrDigit(text.charAt(i))) {
        i++;
      }
      if (i - start == 16 && sixLetters(text, start)) {
        first = first < 0 ? start : first;
        last = i;
      }
    }
    window[0] = first;
    window[1] = last;
    return first >= 0;
  }

  @Override
  protected int[] searchWindow(TextFeatures features) {
    return window;
  }

  private static boolean asciiLetterOrDigit(char c) {
    return (c >= '0' && c <= '9') || asciiLetter(c);
  }

  private static boolean asciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean sixLetters(String text, int start) {
    for (int k = start; k < start + 6; k++) {
      if (!asciiLetter(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    String code = match.group().toUpperCase(Locale.ROOT);
    return checkCharacter(code) == code.charAt(15) ? new Score(0.85, "check character valid") : null;
  }

  static char checkCharacter(String code) {
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char c = code.charAt(i);
      int index = c >= '0' && c <= '9' ? c - '0' : c - 'A';
      sum += i % 2 == 0 ? ODD[index] : index;
    }
    return (char) ('A' + sum % 26);
  }
}
