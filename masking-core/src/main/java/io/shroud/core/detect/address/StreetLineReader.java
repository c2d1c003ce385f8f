package io.shroud.core.detect.address;

import static io.shroud.core.detect.address.AddressTokens.LOWER;
import static io.shroud.core.detect.address.AddressTokens.NUMBER;
import static io.shroud.core.detect.address.AddressTokens.PARTICLE;
import static io.shroud.core.detect.address.AddressTokens.WORD;

/**
 * Reads what stands before an address part a detector found: the street line before a unit, and a
 * house or plot number before a street. Bounded: at most seven tokens of one line, never before the
 * floor the caller gives (the end of another finding).
 */
final class StreetLineReader {
  private static final int MAX_SEPARATOR = 16;

  private StreetLineReader() {}

  /**
   * The street line before a unit ({@code 20789 Allika 46  Suite 501}, {@code Edeby 55 > Apt. 297}):
   * its start, or -1. A street line is a name of one to four words with a house number after it (and
   * possibly a plot number before it), or a house number followed by capitalised words. Never reads
   * before {@code floor}.
   */
  static int streetLineBefore(String text, int unitStart, int floor) {
    int pos = unitStart;
    int sepStart = pos;
    int newlines = 0;
    while (pos > floor) {
      char c = text.charAt(pos - 1);
      if (c == '?') {
        int run = pos - 1;
        while (run > floor && text.charAt(run - 1) == '?') {
          run--;
        }
        if (pos - run < 2) {
          break;
        }
        pos = run;
        continue;
      }
      if (!Character.isWhitespace(c) && !AddressTokens.strongSeparator(c)) {
        break;
      }
      newlines += c == '\n' ? 1 : 0;
      pos--;
    }
    if (pos == sepStart || sepStart - pos > MAX_SEPARATOR || newlines > 2) {
      return -1;
    }
    // Tokens backwards, joined by single spaces, at most seven.
    int[] starts = new int[7];
    int[] kinds = new int[7];
    int n = 0;
    while (n < 7 && pos > floor) {
      int end = pos;
      while (end > floor + 1 && text.charAt(end - 1) == '.') {
        end--;
      }
      int start = end;
      while (start > floor && AddressTokens.tokenChar(text.charAt(start - 1))) {
        start--;
      }
      if (start == end) {
        break;
      }
      starts[n] = start;
      kinds[n] = AddressTokens.classify(text, start, end);
      n++;
      if (start - 1 > floor && text.charAt(start - 1) == ' ' && !Character.isWhitespace(text.charAt(start - 2))
          && !AddressTokens.strongSeparator(text.charAt(start - 2))) {
        pos = start - 1;
        continue;
      }
      break;
    }
    return streetLineStart(starts, kinds, n);
  }

  /** Tokens are in reverse order (index 0 is next to the unit). */
  private static int streetLineStart(int[] starts, int[] kinds, int n) {
    int best = -1;
    if (kinds[0] == NUMBER) {
      // Number last: one to four name words, the first capitalised, at most two of them lower-case
      // street words ("Trenerys gate 232", "Kálmán Imre u. 12"), then the house number.
      int lower = 0;
      for (int i = 1; i < n && i <= 4; i++) {
        if (kinds[i] == LOWER || kinds[i] == PARTICLE) {
          if (++lower > 2) {
            break;
          }
        } else if (kinds[i] == WORD) {
          best = i;
        } else {
          break;
        }
      }
    } else if (kinds[0] == WORD) {
      // Number first: "935 69 Gordon Terrace", capitalised words after the number.
      for (int i = 1; i < n && i <= 4; i++) {
        if (kinds[i] == NUMBER) {
          best = i;
          break;
        }
        if (kinds[i] != WORD && kinds[i] != PARTICLE) {
          break;
        }
      }
    }
    if (best < 0) {
      return -1;
    }
    if (best + 1 < n && kinds[best + 1] == NUMBER) {
      best++; // a plot number before the street: "20789 Allika 46"
    }
    return starts[best];
  }

  /**
   * A house or plot number written before a street the detector found ({@code 20789} in
   * {@code 20789 Allika 46}, {@code 975} in {@code 975 3968 Bay Street}): the new start, or start.
   */
  static int leadingNumberBefore(String text, int start, int floor) {
    int pos = start;
    while (pos > floor && start - pos < 3 && (text.charAt(pos - 1) == ' ' || text.charAt(pos - 1) == '\t')) {
      pos--;
    }
    if (pos == start) {
      return start;
    }
    int end = pos;
    int digitsStart = end;
    if (digitsStart > floor && Character.isLetter(text.charAt(digitsStart - 1)) && text.charAt(digitsStart - 1) < 0x80) {
      digitsStart--; // 12B
    }
    int numberStart = digitsStart;
    while (numberStart > floor && text.charAt(numberStart - 1) >= '0' && text.charAt(numberStart - 1) <= '9') {
      numberStart--;
    }
    if (numberStart == digitsStart || digitsStart - numberStart > 6) {
      return start;
    }
    if (numberStart > 0) {
      char before = text.charAt(numberStart - 1);
      if (!(Character.isWhitespace(before) || AddressTokens.strongSeparator(before) || before == '?'
          || before == ':' || before == '(')) {
        return start;
      }
    }
    return numberStart;
  }
}
