package io.shroud.core.detect;

/**
 * Cheap facts about one text, computed once and shared by every detector so most detectors can
 * skip a text without running a regex (a text with no '@' holds no e-mail address; one with fewer
 * than 13 digits holds no card number). Not thread-safe; one instance per text.
 */
public final class TextFeatures {
  private final String text;
  private final int digits;
  private final int upper;
  private final int lower;
  private final int maxDigitRun;
  private final long punctuation;
  private String lowerText;

  private TextFeatures(String text) {
    this.text = text;
    int d = 0;
    int u = 0;
    int l = 0;
    int run = 0;
    int maxRun = 0;
    long marks = 0L;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        d++;
        if (++run > maxRun) {
          maxRun = run;
        }
        continue;
      }
      run = 0;
      if (c >= 'a' && c <= 'z') {
        l++;
      } else if (c >= 'A' && c <= 'Z') {
        u++;
      } else if (c > ' ' && c < 0x80) {
        marks |= 1L << (c - ' ');
      } else if (c >= 0x80 && Character.isLetter(c)) {
        if (Character.isUpperCase(c)) {
          u++;
        } else {
          l++;
        }
      }
    }
    this.digits = d;
    this.upper = u;
    this.lower = l;
    this.maxDigitRun = maxRun;
    this.punctuation = marks;
  }

  public static TextFeatures of(String text) {
    return new TextFeatures(text);
  }

  public String text() {
    return text;
  }

  public int length() {
    return text.length();
  }

  /** ASCII digits in the text. */
  public int digits() {
    return digits;
  }

  /** Upper-case letters in the text. */
  public int upper() {
    return upper;
  }

  /** Lower-case letters in the text. */
  public int lower() {
    return lower;
  }

  /** Longest run of consecutive ASCII digits. */
  public int maxDigitRun() {
    return maxDigitRun;
  }

  /** Whether the text contains the printable ASCII punctuation character {@code c}. */
  public boolean has(char c) {
    return c > ' ' && c < 0x80 && (punctuation & (1L << (c - ' '))) != 0;
  }

  /** Whether the text contains {@code literal} (case-sensitive). */
  public boolean contains(String literal) {
    return text.indexOf(literal) >= 0;
  }

  /**
   * The text lower-cased character by character, so offsets stay aligned with the original (unlike
   * {@link String#toLowerCase}, which may change the length). Computed on first use.
   */
  public String lowerText() {
    if (lowerText == null) {
      char[] chars = new char[text.length()];
      boolean changed = false;
      for (int i = 0; i < chars.length; i++) {
        char c = text.charAt(i);
        char lc = c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
        chars[i] = lc;
        changed |= lc != c;
      }
      lowerText = changed ? new String(chars) : text;
    }
    return lowerText;
  }
}
