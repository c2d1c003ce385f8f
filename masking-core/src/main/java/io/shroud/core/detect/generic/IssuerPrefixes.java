package io.shroud.core.detect.generic;

/** Payment card issuer identification number ranges and the lengths each network issues. */
final class IssuerPrefixes {
  private IssuerPrefixes() {}

  static boolean known(String digits) {
    int len = digits.length();
    int p1 = digits.charAt(0) - '0';
    int p2 = Integer.parseInt(digits.substring(0, 2));
    int p3 = Integer.parseInt(digits.substring(0, 3));
    int p4 = Integer.parseInt(digits.substring(0, 4));
    int p6 = Integer.parseInt(digits.substring(0, 6));
    if (p1 == 4) {
      return len == 13 || len == 16 || len == 19; // Visa
    }
    if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
      return len == 16; // Mastercard
    }
    if (p2 == 34 || p2 == 37) {
      return len == 15; // American Express
    }
    if (p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) {
      return len >= 16 && len <= 19; // Discover
    }
    if (p4 >= 3528 && p4 <= 3589) {
      return len >= 16 && len <= 19; // JCB
    }
    if (p2 == 36 || p2 == 38 || p2 == 39 || (p3 >= 300 && p3 <= 305) || p3 == 309) {
      return len >= 14 && len <= 19; // Diners Club
    }
    if (p2 == 62) {
      return len >= 16 && len <= 19; // UnionPay
    }
    if (p2 == 50 || (p2 >= 56 && p2 <= 58) || p2 == 63 || p2 == 67) {
      return len >= 12 && len <= 19; // Maestro
    }
    if (p4 >= 2200 && p4 <= 2204) {
      return len == 16; // Mir
    }
    if (p1 == 1) {
      return len == 15; // UATP
    }
    if (p4 == 1800 || p4 == 2131) {
      return len == 15; // JCB, 15-digit range
    }
    if (p2 == 60 || p2 == 81 || p2 == 82 || p3 == 508) {
      return len == 16; // RuPay
    }
    return false;
  }
}
