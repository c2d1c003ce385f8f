package io.shroud.core.detect.generic;

/**
 * The ways people write a phone number that nothing else is written in: a leading {@code +} and
 * country code, the North American {@code (NXX) NXX-XXXX}, {@code NXX-NXX-XXXX}, {@code NXX.NXX.XXXX}
 * and {@code NXX NXX XXXX} (an optional trunk 1 or +1 before), and a national number after its trunk
 * prefix 0 in groups ({@code 020 7946 0958}, {@code 01 23 45 67 89}). For privacy a number written so
 * is a phone number even when no operator has assigned it (new and unassigned ranges, test numbers,
 * typos): it only has to be possible. Reference numbers, amounts, dates, versions and codes are
 * written otherwise (a single separator kind with other group sizes, a leading digit 0 or 1 in an
 * area code, a date's fields) and are not caught here.
 */
final class PhoneLayouts {
  enum Layout { NONE, INTERNATIONAL, NORTH_AMERICAN, TRUNK_NATIONAL }

  private PhoneLayouts() {}

  /** The layout of a candidate's number part (before any extension). */
  static Layout of(String number) {
    if (number.isEmpty()) {
      return Layout.NONE;
    }
    if (number.charAt(0) == '+') {
      return Layout.INTERNATIONAL;
    }
    int[] groups = new int[8];
    char[] separators = new char[8];
    int count = groups(number, groups, separators);
    if (count < 0) {
      return Layout.NONE;
    }
    if (northAmerican(number, groups, separators, count)) {
      return Layout.NORTH_AMERICAN;
    }
    if (trunkNational(number, groups, count)) {
      return Layout.TRUNK_NATIONAL;
    }
    return Layout.NONE;
  }

  /**
   * Digit group sizes and the separator before each group (0 for the first), or -1 when there are
   * more than eight groups.
   */
  private static int groups(String s, int[] groups, char[] separators) {
    int count = 0;
    char separator = 0;
    boolean inDigits = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (!inDigits) {
          if (count == groups.length) {
            return -1;
          }
          separators[count] = separator;
          groups[count++] = 0;
          inDigits = true;
          separator = 0;
        }
        groups[count - 1]++;
      } else {
        inDigits = false;
        if (separator == 0 || separator == ')') {
          separator = c; // "(415) 555": the separator after ")" is the space
        }
      }
    }
    return count;
  }

  /** 3-3-4 with area and exchange codes from 2-9, after an optional trunk 1, in one of the four layouts. */
  private static boolean northAmerican(String s, int[] groups, char[] separators, int count) {
    int first = 0;
    if (count == 4 && groups[0] == 1 && s.charAt(0) == '1') {
      first = 1;
    } else if (count != 3) {
      return false;
    }
    if (groups[first] != 3 || groups[first + 1] != 3 || groups[first + 2] != 4) {
      return false;
    }
    int area = digitStart(s, first);
    int exchange = digitStart(s, first + 1);
    if (s.charAt(area) < '2' || s.charAt(exchange) < '2') {
      return false;
    }
    boolean parenthesised = area > 0 && s.charAt(area - 1) == '(' && s.charAt(area + 3) == ')';
    char between = separators[first + 1];
    char last = separators[first + 2];
    if (parenthesised) {
      return (between == ' ' || between == ')') && (last == '-' || last == ' ' || last == '.');
    }
    return between == last && (between == '-' || between == '.' || between == ' ');
  }

  /**
   * A national number after its trunk prefix 0 (not the international prefix 00): 9 to 12 digits in at
   * least two groups, the first (with the 0) of two to five digits (two for nine-digit numbers), separated by spaces, dashes, dots or
   * a bracketed area code, and not grouped as identity numbers are.
   */
  private static boolean trunkNational(String s, int[] groups, int count) {
    int first = digitStart(s, 0);
    if (s.charAt(first) != '0' || first + 1 >= s.length() || s.charAt(first + 1) == '0') {
      return false;
    }
    int digits = 0;
    for (int i = 0; i < count; i++) {
      digits += groups[i];
    }
    // Nine digits after a trunk 0 are a short landline ("09-7625400", "02 123 45 67"): a two-digit area code.
    int maxArea = digits == 9 ? 2 : 5;
    return count >= 2 && digits >= 9 && digits <= 12 && groups[0] >= 2 && groups[0] <= maxArea
        && !identifierGroups(groups, count);
  }

  /** 3-2-4 and 3-3-3: how US Social Security and other nine-digit identity numbers are written. */
  private static boolean identifierGroups(int[] groups, int count) {
    return count == 3 && groups[0] == 3 && ((groups[1] == 2 && groups[2] == 4) || (groups[1] == 3 && groups[2] == 3));
  }

  /** Index of the first digit of the {@code group}-th digit group. */
  private static int digitStart(String s, int group) {
    int seen = -1;
    boolean inDigits = false;
    for (int i = 0; i < s.length(); i++) {
      boolean digit = s.charAt(i) >= '0' && s.charAt(i) <= '9';
      if (digit && !inDigits && ++seen == group) {
        return i;
      }
      inDigits = digit;
    }
    return -1;
  }
}
