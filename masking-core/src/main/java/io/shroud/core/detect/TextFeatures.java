package io.shroud.core.detect;

import java.util.Arrays;

/**
 * Cheap facts about one text, computed once and shared by every detector so most detectors can
 * skip a text without running a regex (a text with no '@' holds no e-mail address; one with fewer
 * than 13 digits holds no card number). Not thread-safe; one instance per text.
 */
public final class TextFeatures {
  /** Digit runs longer than this count as this long in shape checks: every declared shape's runs are far shorter. */
  private static final int RUN_CAP = 0xFFFF;
  private static final byte OTHER = 0;
  private static final byte DIGIT = 1;
  private static final byte UPPER = 2;
  private static final byte LOWER = 3;
  private static final byte MARK = 4;
  /** Character class of each ASCII character: one table lookup instead of a chain of tests. */
  private static final byte[] ASCII = new byte[128];

  static {
    for (int c = 0; c < 128; c++) {
      ASCII[c] = c >= '0' && c <= '9' ? DIGIT : c >= 'A' && c <= 'Z' ? UPPER : c >= 'a' && c <= 'z' ? LOWER
          : c > ' ' && c < 0x7f ? MARK : OTHER;
    }
  }

  private final String text;
  private final int digits;
  private final int upper;
  private final int lower;
  private final int maxDigitRun;
  private final long digitRunLengths;
  private final long punctuation;
  private final int maxTokenRun;
  private final int colons;
  private String lowerText;
  private int[] clusters;
  private final boolean ascii;
  /**
   * Bloom filter of the text's words (maximal runs of letters, lower-cased, as {@link #lowerText}
   * holds them): a context word can stand whole in the text only if each of its letter runs is here.
   */
  private final long[] words = new long[WORD_FILTER_LONGS];
  private static final int WORD_FILTER_LONGS = 8;

  private TextFeatures(String text) {
    this.text = text;
    int d = 0;
    int u = 0;
    int l = 0;
    int run = 0;
    int maxRun = 0;
    int tokenRun = 0;
    int maxToken = 0;
    int colonCount = 0;
    long marks = 0L;
    int wordHash = 0;
    boolean inWord = false;
    boolean onlyAscii = true;
    long lengths = 0L;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      int kind = c < 0x80 ? ASCII[c] : OTHER;
      switch (kind) {
        case DIGIT -> {
          d++;
          if (++run > maxRun) {
            maxRun = run;
          }
          if (++tokenRun > maxToken) {
            maxToken = tokenRun;
          }
          if (inWord) {
            addWord(wordHash);
            inWord = false;
          }
          continue;
        }
        case UPPER, LOWER -> {
          if (kind == UPPER) {
            u++;
          } else {
            l++;
          }
          if (++tokenRun > maxToken) {
            maxToken = tokenRun;
          }
          wordHash = inWord ? wordHash * 31 + (c | 0x20) : (c | 0x20);
          inWord = true;
        }
        case MARK -> {
          marks |= 1L << (c - ' ');
          if (c == ':') {
            colonCount++;
          }
          if (c == '+' || c == '/') {
            if (++tokenRun > maxToken) {
              maxToken = tokenRun;
            }
          } else {
            tokenRun = 0;
          }
          if (inWord) {
            addWord(wordHash);
            inWord = false;
          }
        }
        default -> {
          tokenRun = 0;
          boolean letter = false;
          if (c >= 0x80) {
            onlyAscii = false;
            if (Character.isLetter(c)) {
              if (Character.isUpperCase(c)) {
                u++;
              } else {
                l++;
              }
            }
            // Word runs follow lowerText's characters, which findWord tests with isLetter.
            char lc = Character.toLowerCase(c);
            if (Character.isLetter(lc)) {
              letter = true;
              wordHash = inWord ? wordHash * 31 + lc : lc;
              inWord = true;
            }
          }
          if (!letter && inWord) {
            addWord(wordHash);
            inWord = false;
          }
        }
      }
      if (run > 0) {
        lengths |= digitRunBit(run);
        run = 0;
      }
    }
    if (run > 0) {
      lengths |= digitRunBit(run);
    }
    if (inWord) {
      addWord(wordHash);
    }
    this.digits = d;
    this.upper = u;
    this.lower = l;
    this.maxDigitRun = maxRun;
    this.digitRunLengths = lengths;
    this.punctuation = marks;
    this.maxTokenRun = maxToken;
    this.colons = colonCount;
    this.ascii = onlyAscii;
  }

  private void addWord(int hash) {
    int bit = wordBit(hash);
    words[bit >>> 6] |= 1L << (bit & 63);
  }

  private static int wordBit(int hash) {
    return (hash * 0x9E3779B9) >>> (32 - 9); // 512 bits = WORD_FILTER_LONGS * 64
  }

  /** Hash of one lower-case letter run, as the constructor computes it for the text's words. */
  static int wordHash(CharSequence run, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = h * 31 + run.charAt(i);
    }
    return h;
  }

  /**
   * The letter runs of a lower-case word or phrase ("date of birth" has three), as hashes for
   * {@link #mayContainWholeWord}.
   */
  public static int[] wordRunHashes(String lowerWord) {
    int[] hashes = new int[lowerWord.length()];
    int count = 0;
    int i = 0;
    while (i < lowerWord.length()) {
      if (!Character.isLetter(lowerWord.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < lowerWord.length() && Character.isLetter(lowerWord.charAt(i))) {
        i++;
      }
      hashes[count++] = wordHash(lowerWord, start, i);
    }
    return Arrays.copyOf(hashes, count);
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

  /**
   * The lengths of the text's maximal runs of ASCII digits, as a set: bit n is set when some run is n
   * digits long (bit 63 for runs of 63 or more). "078-05-1120" sets bits 2, 3 and 4.
   */
  public long digitRunLengths() {
    return digitRunLengths;
  }

  /** The bit {@link #digitRunLengths} sets for a run of {@code length} digits. */
  public static long digitRunBit(int length) {
    return 1L << Math.min(length, 63);
  }

  /** Longest run of consecutive ASCII digits. */
  public int maxDigitRun() {
    return maxDigitRun;
  }

  /** Longest run of characters from [A-Za-z0-9+/] (keys, hashes, wallet addresses are such runs). */
  public int maxTokenRun() {
    return maxTokenRun;
  }

  /** Number of ':' characters. */
  public int colons() {
    return colons;
  }

  /**
   * Cheap negative test for a lower-case word or phrase given as {@link #wordRunHashes}: false when
   * it cannot stand in the text as a whole word (not part of a longer word), because one of its
   * letter runs is not among the text's words. Lets context-gated detectors skip a text without
   * searching it for each of their words.
   */
  public boolean mayContainWholeWord(int[] runHashes) {
    for (int hash : runHashes) {
      int bit = wordBit(hash);
      if ((words[bit >>> 6] & (1L << (bit & 63))) == 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The filter bits of each word's first letter run ({@link #wordRunHashes}), combined, for
   * {@link #mayContainAnyWholeWord}; null when a word has no letter run (it can never be ruled out).
   */
  public static long[] firstRunBits(int[][] wordRuns) {
    long[] bits = new long[WORD_FILTER_LONGS];
    for (int[] runs : wordRuns) {
      if (runs.length == 0) {
        return null;
      }
      int bit = wordBit(runs[0]);
      bits[bit >>> 6] |= 1L << (bit & 63);
    }
    return bits;
  }

  /**
   * One test for a whole list of words: false when none of them can stand whole in the text, because
   * the first letter run of each is missing ({@code firstRunBits} from {@link #firstRunBits}). A true
   * answer still needs {@link #mayContainWholeWord} word by word.
   */
  public boolean mayContainAnyWholeWord(long[] firstRunBits) {
    if (firstRunBits == null) {
      return true;
    }
    for (int i = 0; i < WORD_FILTER_LONGS; i++) {
      if ((words[i] & firstRunBits[i]) != 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether every character is ASCII (lets detectors use ASCII-only fast paths). */
  public boolean ascii() {
    return ascii;
  }

  /**
   * Numeric clusters: maximal stretches of digits joined by at most two separator characters from
   * " -./()" (so "(415) 555-2671", "4111 1111 1111 1111" and "078-05-1120" are each one cluster),
   * including a leading '+' or '('. Returned as triples {start, end, digitCount}, in text order.
   * Numeric detectors only run their patterns around clusters with enough digits.
   */
  public int[] numericClusters() {
    if (clusters == null) {
      clusters = computeClusters();
    }
    return clusters;
  }

  private int[] computeClusters() {
    if (digits == 0) {
      return new int[0];
    }
    int[] out = new int[12];
    int count = 0;
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        i++;
        continue;
      }
      int start = i;
      if (start > 0 && (text.charAt(start - 1) == '+' || text.charAt(start - 1) == '(')) {
        start--;
      }
      int digitCount = 0;
      int end = i;
      while (i < n) {
        char d = text.charAt(i);
        if (d >= '0' && d <= '9') {
          digitCount++;
          i++;
          end = i;
          continue;
        }
        int j = i;
        while (j < n && j - i < 2 && isClusterSeparator(text.charAt(j))) {
          j++;
        }
        if (j > i && j < n && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
          i = j;
          continue;
        }
        if (d == ')') {
          end = i + 1;
        }
        break;
      }
      if (count + 3 > out.length) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      out[count++] = start;
      out[count++] = end;
      out[count++] = digitCount;
    }
    return Arrays.copyOf(out, count);
  }

  /**
   * Whether the maximal runs of ASCII digits in [from, to), in order, contain one of {@code shapes}
   * as consecutive runs ({3, 2, 4} is in "123-45-6789"). Linear in the range.
   */
  static boolean hasDigitRuns(String text, int from, int to, int[][] shapes) {
    // The four most recent run lengths, newest in the low 16 bits (no array: this runs per cluster).
    long last = 0;
    int count = 0;
    int i = from;
    while (i < to) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        i++;
        continue;
      }
      int start = i;
      while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        i++;
      }
      last = (last << 16) | Math.min(i - start, RUN_CAP);
      count++;
      for (int[] shape : shapes) {
        if (endsWith(last, count, shape)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean endsWith(long last, int count, int[] shape) {
    if (count < shape.length) {
      return false;
    }
    for (int k = 0; k < shape.length; k++) {
      if (((last >>> (16 * (shape.length - 1 - k))) & RUN_CAP) != shape[k]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isClusterSeparator(char c) {
    return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')' || c == ':';
  }

  /** The punctuation characters present, one bit each as {@link #has} tests them (for {@link TextGate}). */
  long punctuation() {
    return punctuation;
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
