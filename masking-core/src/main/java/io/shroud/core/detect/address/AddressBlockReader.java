package io.shroud.core.detect.address;

import static io.shroud.core.detect.address.AddressTokens.CODE;
import static io.shroud.core.detect.address.AddressTokens.NUMBER;
import static io.shroud.core.detect.address.AddressTokens.PARTICLE;
import static io.shroud.core.detect.address.AddressTokens.PLACEHOLDER;
import static io.shroud.core.detect.address.AddressTokens.WORD;

import java.util.Arrays;

/**
 * Reads the rest of a postal address block after a street line or unit that a detector found: the
 * parts after it (unit, town, region code, country, postcode, in any order, each part a short run of
 * capitalised words and codes between separators: new lines, commas, '>', bullets, runs of spaces); what
 * stands before it is read by {@link StreetLineReader}. Reading stops at anything sentence-like: a lower-case word that
 * does not join a place name, a long part, a sentence end followed by prose, a date or price. Linear
 * in the characters read and bounded: at most {@link #MAX_PARTS} parts, each at most
 * {@link #MAX_PART_CHARS} characters.
 */
final class AddressBlockReader {
  static final int MAX_PARTS = 6;
  static final int MAX_PART_CHARS = 48;
  private static final int MAX_SEPARATOR = 16;
  private static final int MAX_PART_TOKENS = 8;
  private static final int MAX_PART_WORDS = 5;
  private static final int MAX_NUMBERS = 5;

  private AddressBlockReader() {}

  /**
   * What follows an address part: where the block ends, and what the read parts held.
   *
   * @param end end of the last part taken (the start offset when none was)
   * @param parts parts taken
   * @param postcode whether a part held a postcode-like number (3+ digits) or code
   * @param partEnds where each part taken ends
   * @param postcodeEnd end of the last part with a postcode (the start offset when none)
   */
  record Forward(int end, int parts, boolean postcode, int[] partEnds, int postcodeEnd) {
    /** The block cut back to end at or before {@code offset}: the end of the last part that does. */
    int endBefore(int offset, int from) {
      int best = from;
      for (int partEnd : partEnds) {
        if (partEnd <= offset) {
          best = Math.max(best, partEnd);
        }
      }
      return best;
    }
  }

  /** Reads the parts of the block after {@code from}, never past {@code limit}. */
  static Forward forward(String text, int from, int limit) {
    int pos = from;
    if (pos + 1 < limit && text.charAt(pos) == '.' && Character.isWhitespace(text.charAt(pos + 1))) {
      pos++; // "Kálmán Imre u. 12." ends its house number with a dot; prose after a full stop is refused below
    }
    // A street name before a lone house number: "Calle Mayor, 3", "Via Roma, 12".
    boolean afterName = from > 0 && Character.isLetter(text.charAt(from - 1));
    int accepted = from;
    int[] partEnds = new int[MAX_PARTS];
    int postcodeEnd = from;
    int parts = 0;
    int numbers = 0;
    boolean words = false;
    boolean postcode = false;
    while (parts < MAX_PARTS) {
      int partStart = skipSeparator(text, pos, limit);
      if (partStart < 0 || partStart >= limit) {
        break;
      }
      Part part = readPart(text, partStart, limit, afterName);
      if (part.end <= partStart || numbers + part.numbers > MAX_NUMBERS) {
        break;
      }
      numbers += part.numbers;
      if (part.solidEnd > partStart) {
        accepted = part.solidEnd;
      }
      partEnds[parts++] = accepted;
      postcode |= part.postcode;
      if (part.postcode) {
        postcodeEnd = accepted;
      }
      if (part.words > 0) {
        words = true;
      }
      pos = part.end;
      afterName = part.endsWithWord;
      if (part.stop) {
        break;
      }
    }
    // Numbers alone after a street ("12 Main Street, 2019, 2020") are a table, not a town and code.
    return words ? new Forward(accepted, parts, postcode, Arrays.copyOf(partEnds, parts), postcodeEnd)
        : new Forward(from, 0, false, new int[0], from);
  }

  /**
   * Skips the separator at pos: returns where the next part starts, or -1 when what stands there
   * does not separate parts of an address (a sentence end, a long gap, a paragraph).
   */
  private static int skipSeparator(String text, int pos, int limit) {
    int start = pos;
    int newlines = 0;
    while (pos < limit) {
      char c = text.charAt(pos);
      if (c == '\n') {
        newlines++;
      } else if (c == '?' && pos + 1 < limit && text.charAt(pos + 1) == '?') {
        while (pos + 1 < limit && text.charAt(pos + 1) == '?') {
          pos++;
        }
      } else if (c != ' ' && c != '\t' && !AddressTokens.strongSeparator(c)) {
        break;
      }
      pos++;
    }
    boolean ok = pos > start && pos - start <= MAX_SEPARATOR && newlines <= 2;
    return ok ? pos : -1;
  }

  /** One part of a block: tokens joined by single spaces. */
  private record Part(int end, int solidEnd, int words, int numbers, boolean postcode, boolean stop,
      boolean endsWithWord) {
    Part(int end, int solidEnd, int words, int numbers, boolean postcode, boolean stop) {
      this(end, solidEnd, words, numbers, postcode, stop, false);
    }
  }

  private static final Part NONE = new Part(-1, -1, 0, 0, false, true);

  /**
   * Reads one part from start. A part that turns sentence-like is cut back to its last sentence end
   * inside it (a word ending in '.') or rejected, and reading stops.
   */
  private static Part readPart(String text, int start, int limit, boolean afterName) {
    int pos = start;
    int tokens = 0;
    int words = 0;
    int numbers = 0;
    boolean postcode = false;
    int previous = 0;
    int previousDigits = 0;
    int solidEnd = start;
    Part sentence = null;
    while (pos < limit && tokens < MAX_PART_TOKENS) {
      int tokenEnd = tokenEnd(text, pos, limit);
      if (tokenEnd <= pos) {
        break;
      }
      int end = tokenEnd;
      while (end > pos + 1 && text.charAt(end - 1) == '.') {
        end--;
      }
      int kind = text.charAt(pos) == '(' ? WORD : AddressTokens.classify(text, pos, end);
      int digits = kind == NUMBER ? AddressTokens.digits(text, pos, end) : 0;
      boolean valid = switch (kind) {
        case WORD -> words < MAX_PART_WORDS;
        // 1-2 digits are a house number starting a street ("45 Harbour Road"), a house or unit number
        // after a word, or the tail of "123 45".
        case NUMBER -> digits >= 3 || tokens == 0 || previous == WORD || previous == NUMBER && previousDigits == 3;
        case CODE, PLACEHOLDER -> true;
        case PARTICLE -> tokens > 0;
        default -> false;
      };
      if (!valid || tokenEnd - start > MAX_PART_CHARS) {
        if (previous == CODE || previous == NUMBER && previousDigits >= 3) {
          // "Austin TX 78701 phone ...", "Portugal 30971 21 253 ...": the block ends with its postcode.
          return new Part(solidEnd, solidEnd, words, numbers, postcode, true);
        }
        return sentence != null ? sentence : NONE; // prose: back to the last sentence end, if any
      }
      tokens++;
      words += kind == WORD ? 1 : 0;
      numbers += kind == NUMBER ? 1 : 0;
      postcode |= kind == CODE || digits >= 3;
      if (kind != PLACEHOLDER) {
        solidEnd = end;
      }
      boolean afterPostcode = previous == NUMBER && previousDigits >= 3;
      previous = kind;
      previousDigits = digits;
      if (end < tokenEnd && (kind != WORD || end - pos >= 3 || afterPostcode)) {
        // "Springfield.", "62704." or "1015 CJ." may end a sentence ("St." rather not): keep what came so
        // far in case prose follows.
        sentence = new Part(end, solidEnd, words, numbers, postcode, true);
      }
      pos = tokenEnd;
      if (pos + 1 < limit && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')
          && !Character.isWhitespace(text.charAt(pos + 1)) && !AddressTokens.strongSeparator(text.charAt(pos + 1))) {
        pos++; // a single space: the part goes on
        continue;
      }
      break;
    }
    if (previous == PARTICLE || tokens == 1 && previous == NUMBER && previousDigits < 3 && !afterName) {
      return sentence != null ? sentence : NONE; // "Mora de", or a lone "12" that no street name precedes
    }
    // What ends the part: a separator leads to the next part; '.' and '?' end the block; "Thanks!" is
    // no part of it.
    boolean stop = pos < limit && !separatorAt(text, pos, limit);
    if (stop && (!sentencePunctuation(text, pos, limit) || text.charAt(pos) == '!')) {
      return sentence != null ? sentence : NONE; // "Springfield:" or "Springfield@" is no address part
    }
    return new Part(pos, solidEnd, words, numbers, postcode, stop, previous == WORD);
  }

  /** End of the token starting at pos: a word, number or code, or a parenthesised word "(Greek)". */
  private static int tokenEnd(String text, int pos, int limit) {
    if (text.charAt(pos) == '(') {
      int i = pos + 1;
      while (i < limit && i - pos < 24 && Character.isLetter(text.charAt(i))) {
        i++;
      }
      return i < limit && i > pos + 1 && text.charAt(i) == ')' && Character.isUpperCase(text.charAt(pos + 1))
          ? i + 1 : pos;
    }
    if (!Character.isLetterOrDigit(text.charAt(pos)) && text.charAt(pos) != '-' && text.charAt(pos) != '\u2013'
        && text.charAt(pos) != '\u2014' && text.charAt(pos) != '&') {
      return pos;
    }
    int i = pos;
    while (i < limit && AddressTokens.tokenChar(text.charAt(i)) || i < limit && i == pos) {
      i++;
    }
    return i;
  }

  private static boolean separatorAt(String text, int pos, int limit) {
    char c = text.charAt(pos);
    return c == ' ' || c == '\t' || AddressTokens.strongSeparator(c)
        || c == '?' && pos + 1 < limit && text.charAt(pos + 1) == '?';
  }

  /** A sentence end: '.', '!' or a single '?' followed by a space or the end. */
  private static boolean sentencePunctuation(String text, int pos, int limit) {
    char c = text.charAt(pos);
    return (c == '.' || c == '!' || c == '?') && (pos + 1 >= limit || Character.isWhitespace(text.charAt(pos + 1))
        || text.charAt(pos + 1) == '"' || text.charAt(pos + 1) == ')');
  }
}
