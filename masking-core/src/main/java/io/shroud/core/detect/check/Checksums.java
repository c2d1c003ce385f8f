package io.shroud.core.detect.check;

/** Check-digit algorithms used by validators. Inputs are strings of ASCII digits only. */
public final class Checksums {
  private Checksums() {}

  /** Luhn (mod 10), used by payment cards and Canadian SINs; false for anything but ASCII digits. */
  public static boolean luhnValid(CharSequence digits) {
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return luhnValidDigitsIn(digits, 0, digits.length());
  }

  /**
   * {@code luhnValid(digitsOf(text[start, end)))} without building either string: the Luhn check over
   * the ASCII digits in the range, other characters skipped; false when there are none.
   */
  public static boolean luhnValidDigitsIn(CharSequence text, int start, int end) {
    int sum = 0;
    boolean doubleIt = false;
    boolean any = false;
    for (int i = end - 1; i >= start; i--) {
      int d = text.charAt(i) - '0';
      if (d < 0 || d > 9) {
        continue;
      }
      any = true;
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return any && sum % 10 == 0;
  }

  /** The Luhn check digit that completes {@code payload}. */
  public static char luhnCheckDigit(CharSequence payload) {
    int sum = 0;
    boolean doubleIt = true;
    for (int i = payload.length() - 1; i >= 0; i--) {
      int d = payload.charAt(i) - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return (char) ('0' + (10 - sum % 10) % 10);
  }

  /** Keeps only the ASCII digits of a text. */
  public static String digitsOf(CharSequence text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** IBAN check (ISO 13616 / ISO 7064 MOD 97-10): move the first four characters to the end, letters count 10-35. */
  public static boolean mod97Valid(CharSequence alnum) {
    int n = alnum.length();
    if (n < 5) {
      return false;
    }
    int rem = 0;
    for (int k = 0; k < n; k++) {
      char c = Character.toUpperCase(alnum.charAt((k + 4) % n));
      if (c >= '0' && c <= '9') {
        rem = (rem * 10 + (c - '0')) % 97;
      } else if (c >= 'A' && c <= 'Z') {
        rem = (rem * 100 + (c - 'A' + 10)) % 97;
      } else {
        return false;
      }
    }
    return rem == 1;
  }

  private static final int[][] VERHOEFF_D = {
      {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
      {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
      {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
      {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
  private static final int[][] VERHOEFF_P = {
      {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
      {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
      {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};

  /** Verhoeff (dihedral group D5), used by Aadhaar. */
  public static boolean verhoeffValid(CharSequence digits) {
    if (!allDigits(digits)) {
      return false;
    }
    int c = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      c = VERHOEFF_D[c][VERHOEFF_P[i % 8][d]];
    }
    return c == 0;
  }

  /** ABA routing number check: 3, 7, 1 weights, sum divisible by 10. */
  public static boolean abaValid(CharSequence digits) {
    if (digits.length() != 9 || !allDigits(digits)) {
      return false;
    }
    int[] w = {3, 7, 1, 3, 7, 1, 3, 7, 1};
    return weightedSum(digits, w) % 10 == 0;
  }

  /** Sum of digit times weight, position by position. */
  public static int weightedSum(CharSequence digits, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += (digits.charAt(i) - '0') * weights[i];
    }
    return sum;
  }

  /** ISO 7064 MOD 11,10 (German tax id): the last digit checks the others. */
  public static boolean iso7064Mod11_10Valid(CharSequence digits) {
    if (digits.length() < 2 || !allDigits(digits)) {
      return false;
    }
    int product = 10;
    for (int i = 0; i < digits.length() - 1; i++) {
      int sum = (digits.charAt(i) - '0' + product) % 10;
      if (sum == 0) {
        sum = 10;
      }
      product = (sum * 2) % 11;
    }
    int check = 11 - product;
    if (check == 10) {
      check = 0;
    }
    return check == digits.charAt(digits.length() - 1) - '0';
  }

  /** UK NHS number: weights 10..2 over the first nine digits, check = 11 - sum mod 11 (10 is invalid). */
  public static boolean nhsValid(CharSequence digits) {
    if (digits.length() != 10 || !allDigits(digits)) {
      return false;
    }
    int sum = weightedSum(digits, new int[] {10, 9, 8, 7, 6, 5, 4, 3, 2});
    int check = 11 - sum % 11;
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == digits.charAt(9) - '0';
  }

  /** Whether {@code s} is non-empty and all ASCII digits. */
  public static boolean allDigits(CharSequence s) {
    if (s.length() == 0) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
