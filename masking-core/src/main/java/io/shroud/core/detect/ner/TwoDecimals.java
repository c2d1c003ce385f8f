package io.shroud.core.detect.ner;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * {@code String.format(Locale.ROOT, "%.2f", value)} for the scores in a finding's reason, without the
 * formatter: it parses its pattern and looks up the locale's symbols on every call, which cost more
 * than the rest of a name's reason and showed as a tenth of the name detector's time on text full of
 * names. Same rounding (half up, on the shortest decimal form of the double), same text.
 */
final class TwoDecimals {
  /** How close to a tie (…5 in the third decimal) a value must be to take the exact path. */
  private static final double NEAR_TIE = 1e-6;

  private TwoDecimals() {}

  static String of(double value) {
    double hundredths = value * 100;
    double fraction = hundredths - Math.floor(hundredths);
    // Below 1e7 the double and its shortest decimal form differ by under 2e-7 hundredths, far inside
    // NEAR_TIE; above 2^27 they can differ by more (336643564.585 rounds up in the formatter).
    boolean score = Double.doubleToRawLongBits(value) >= 0 && value < 1e7; // positive (not -0.0), finite
    if (score && Math.abs(fraction - 0.5) > NEAR_TIE) {
      // Far from a tie, the product's rounding error cannot change which way the value rounds.
      long rounded = (long) Math.floor(hundredths + 0.5);
      long cents = rounded % 100;
      return new StringBuilder(12).append(rounded / 100).append('.')
          .append((char) ('0' + cents / 10)).append((char) ('0' + cents % 10)).toString();
    }
    if (!score) {
      return String.format(Locale.ROOT, "%.2f", value); // never a score; the same text anyway
    }
    // At a tie the formatter rounds the shortest decimal form half up, which Double.toString gives.
    return new BigDecimal(Double.toString(value)).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
