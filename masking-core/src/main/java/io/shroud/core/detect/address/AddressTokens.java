package io.shroud.core.detect.address;

import java.util.Locale;
import java.util.Set;

/**
 * The words of an address block, one at a time: what kind of token starts or ends at an offset, and
 * which characters separate the parts of a block. Shared by the forward and backward readers of
 * {@link AddressBlockReader}; stateless.
 */
final class AddressTokens {
  private AddressTokens() {}

  /** A capitalised or all-caps word in any script ("Riisa", "TRONDHEIM", "ΠΑΦΟΣ", "V", "St."). */
  static final int WORD = 1;
  /** A house, unit or postal number: 1-6 digits with an optional letter (12B), or 53-320, 75534-030. */
  static final int NUMBER = 2;
  /** A postcode part with letters and digits: B0J, 2H0, SW1A, 1AA. */
  static final int CODE = 3;
  /** A small lower-case word inside place names: "Soto del Barco", "Črni Vrh nad Idrijo". */
  static final int PARTICLE = 4;
  /** An empty value a data export wrote in place of a missing part: nan, null, none, n/a, '-'. */
  static final int PLACEHOLDER = 5;
  /** Any other lower-case word: prose, or a street word ("gate", "tér", "ul.") in a street line. */
  static final int LOWER = 6;
  /** Anything else (a date, an e-mail address, a price, a URL): not part of an address block. */
  static final int OTHER = 7;

  /**
   * Lower-case words that join the words of a place name ("Trinidad and Tobago"). Words that are just as often English prose
   * ("on", "in", "an", "a", "i") are left out: "Springfield on Monday" is no town.
   */
  private static final Set<String> PARTICLES = Set.of("de", "del", "della", "delle", "dei", "di", "da", "do",
      "dos", "das", "du", "des", "la", "le", "les", "los", "las", "el", "nad", "pod", "na", "am", "der", "den",
      "bei", "upon", "sur", "sous", "aan", "op", "van", "von", "zum", "zur", "ob", "im", "y", "and", "und", "et",
      "och", "og", "of", "&");
  private static final Set<String> PLACEHOLDERS = Set.of("nan", "null", "none", "n/a", "-", "\u2013", "\u2014");

  /** Whether c may be part of a token: letters, marks, digits and the joiners of names and codes. */
  static boolean tokenChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '&' || c == '-' || c == '\'' || c == '\u2019' || c == '/'
        || Character.getType(c) == Character.NON_SPACING_MARK;
  }

  /**
   * Characters that separate the parts of an address block on their own: line breaks, commas, the
   * arrows and bars of flattened forms, bullets and the replacement character that a lost bullet
   * leaves. Runs of two or more spaces and runs of '?' (a bullet lost in an encoding) separate too.
   */
  static boolean strongSeparator(char c) {
    return c == '\n' || c == '\r' || c == ',' || c == ';' || c == '>' || c == '|' || c == '\u2022'
        || c == '\u00b7' || c == '\ufffd';
  }

  /** The kind of the token text[start, end). */
  static int classify(String text, int start, int end) {
    int len = end - start;
    String lowerToken = len <= 4 ? text.substring(start, end).toLowerCase(Locale.ROOT) : null;
    if (lowerToken != null && PLACEHOLDERS.contains(lowerToken)) {
      return PLACEHOLDER;
    }
    char first = text.charAt(start);
    if (first >= '0' && first <= '9') {
      return digitToken(text, start, end);
    }
    if (!Character.isLetter(first)) {
      return len == 1 && first == '&' ? PARTICLE : OTHER;
    }
    int digits = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '/') {
        return OTHER;
      }
    }
    if (digits > 0) {
      return isCode(text, start, end) ? CODE : OTHER;
    }
    if (Character.isUpperCase(first) || Character.isTitleCase(first)) {
      return len <= 30 ? WORD : OTHER;
    }
    if (len <= 5 && PARTICLES.contains(text.substring(start, end))) {
      return PARTICLE;
    }
    if (len >= 3 && (first == 'd' || first == 'l') && (text.charAt(start + 1) == '\'' || text.charAt(start + 1) == '\u2019')
        && Character.isUpperCase(text.charAt(start + 2))) {
      return WORD; // "Alvorada d'Oeste"
    }
    return abbreviation(text, start, end) ? WORD : LOWER;
  }

  /**
   * A street word's abbreviation before a name or number ("ul. Czecha 22", "Imre u. 12"): up to three
   * letters, a dot, a space, then a capital or a digit ("me. " at a sentence end is no such thing).
   */
  private static boolean abbreviation(String text, int start, int end) {
    if (end - start > 3 || end + 2 >= text.length() || text.charAt(end) != '.' || text.charAt(end + 1) != ' ') {
      return false;
    }
    char next = text.charAt(end + 2);
    return Character.isUpperCase(next) || next >= '0' && next <= '9';
  }

  private static int digitToken(String text, int start, int end) {
    int i = start;
    while (i < end && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    int run = i - start;
    if (i == end) {
      return run <= 6 ? NUMBER : OTHER;
    }
    char c = text.charAt(i);
    if (c == '-' && run >= 2 && run <= 5) {
      int j = i + 1;
      while (j < end && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
        j++;
      }
      return j == end && j - i - 1 >= 3 && j - i - 1 <= 4 ? NUMBER : OTHER;
    }
    if (Character.isLetter(c) && i + 1 == end && run <= 5) {
      return NUMBER; // 12B
    }
    return isCode(text, start, end) ? CODE : OTHER;
  }

  /** Upper-case letters and digits, 2-4 long, with both: the halves of a UK or Canadian postcode. */
  private static boolean isCode(String text, int start, int end) {
    if (end - start == 6 && isCanadianPostcode(text, start)) {
      return true; // written without its space: K1A0B1
    }
    if (end - start < 2 || end - start > 4) {
      return false;
    }
    boolean letter = false;
    boolean digit = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c >= 'A' && c <= 'Z') {
        letter = true;
      } else {
        return false;
      }
    }
    return letter && digit;
  }

  private static boolean isCanadianPostcode(String text, int start) {
    for (int i = 0; i < 6; i++) {
      char c = text.charAt(start + i);
      boolean ok = i % 2 == 0 ? c >= 'A' && c <= 'Z' : c >= '0' && c <= '9';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Digits of a NUMBER token (53-320 has five, 12B two). */
  static int digits(String text, int start, int end) {
    int n = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      n += c >= '0' && c <= '9' ? 1 : 0;
    }
    return n;
  }
}
