package io.shroud.core.utility;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The report's disclosure rules, in one place. Nothing in the utility report is a value copied from
 * one record: categories appear only when at least {@code k} sampled rows of the output share them;
 * a quantile only when at least {@code k} rows lie on each side of it; never a minimum or maximum
 * (a salary column's maximum is one person's salary). Histogram edges lie on a round grid between
 * such quantiles, with open-ended bins beyond; date ranges are rounded out to whole months;
 * statistics are rounded to four significant digits.
 */
public final class Disclosure {
  /** Quantile levels computed per column; the report shows those the rule allows. */
  public static final double[] LEVELS = {0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.98, 0.99, 0.995};
  /** Quantiles shown in the summary, when allowed. */
  private static final double[] SHOWN = {0.05, 0.25, 0.5, 0.75, 0.95};
  public static final int SIGNIFICANT_DIGITS = 4;

  private Disclosure() {}

  /** Whether at least k of n rows lie below and above the quantile at {@code level}. */
  public static boolean quantileShown(double level, long n, int k) {
    return Math.min(level, 1 - level) * n >= k;
  }

  /** Mean and spread are shown only over at least k rows. */
  public static boolean aggregateShown(long n, int k) {
    return n >= k;
  }

  /** The summary quantiles allowed for n rows, keyed p5, p25, ..., rounded. */
  public static Map<String, Double> shownQuantiles(double[] quantiles, long n, int k) {
    Map<String, Double> shown = new LinkedHashMap<>();
    if (quantiles == null) {
      return shown;
    }
    for (double level : SHOWN) {
      int index = indexOf(level);
      if (quantileShown(level, n, k) && !Double.isNaN(quantiles[index])) {
        shown.put("p" + Math.round(level * 100), round(quantiles[index]));
      }
    }
    return shown;
  }

  /** Index in {@link #LEVELS} of the lowest level with at least k rows below it, or -1. */
  public static int lowestAllowed(long n, int k) {
    for (int i = 0; i < LEVELS.length; i++) {
      if (quantileShown(LEVELS[i], n, k)) {
        return i;
      }
    }
    return -1;
  }

  /** Index in {@link #LEVELS} of the highest level with at least k rows above it, or -1. */
  public static int highestAllowed(long n, int k) {
    for (int i = LEVELS.length - 1; i >= 0; i--) {
      if (quantileShown(LEVELS[i], n, k)) {
        return i;
      }
    }
    return -1;
  }

  /** Rounded to {@link #SIGNIFICANT_DIGITS} significant digits; null stays null. */
  public static Double round(Double value) {
    if (value == null || value.isNaN() || value.isInfinite()) {
      return null;
    }
    if (value == 0) {
      return 0.0;
    }
    return new BigDecimal(value).round(new MathContext(SIGNIFICANT_DIGITS)).doubleValue();
  }

  /** A share or distance in [0, 1], to four decimals. */
  public static Double share(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return null;
    }
    return Math.round(value * 10_000) / 10_000.0;
  }

  /** The month holding an epoch day, {@code yyyy-MM}: date bounds are shown no finer than that. */
  public static String month(long epochDay) {
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    return String.format(Locale.ROOT, "%04d-%02d", date.getYear(), date.getMonthValue());
  }

  private static int indexOf(double level) {
    for (int i = 0; i < LEVELS.length; i++) {
      if (LEVELS[i] == level) {
        return i;
      }
    }
    throw new IllegalArgumentException("Invalid quantile level " + level);
  }
}
