package io.shroud.core.utility;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a cell's text the way the utility report compares columns: as a quantity, as a calendar
 * value with its resolution, and as tokens. Masked values are read too: a generalized range such as
 * {@code 30-39} or {@code [30, 40)} counts as its midpoint, {@code 2024-Q2} as a quarter.
 */
public final class CellReader {
  /** Calendar resolutions, finest first. */
  public static final String TIME = "time";
  public static final String DAY = "day";
  public static final String MONTH = "month";
  public static final String QUARTER = "quarter";
  public static final String YEAR = "year";
  public static final String SUPPRESSED = "suppressed";

  private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d{1,3})?");
  private static final Pattern DASH_RANGE = Pattern.compile("(-?\\d+(?:\\.\\d+)?)-(-?\\d+(?:\\.\\d+)?)");
  private static final Pattern INTERVAL = Pattern.compile("\\[(-?\\d+(?:\\.\\d+)?), ?(-?\\d+(?:\\.\\d+)?)\\)");
  private static final Pattern DATE = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?");
  private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern YEAR_QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern YEAR_ONLY = Pattern.compile("\\d{4}");
  /** Integers longer than this are identifiers (cards, order numbers), not quantities. */
  private static final int MAX_QUANTITY_DIGITS = 15;

  private CellReader() {}

  /**
   * The value as a quantity, or null. Codes with a leading zero ({@code 030}, ZIP codes) and
   * integers of more than 15 digits are identifiers, not quantities.
   */
  public static Double number(String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    if (t.isEmpty() || t.length() > 40 || !startsNumber(t.charAt(0))) {
      return null;
    }
    if (NUMBER.matcher(t).matches()) {
      String digits = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
      int point = digits.indexOf('.');
      String whole = point < 0 ? digits.replaceFirst("[eE].*", "") : digits.substring(0, point);
      if ((whole.length() > 1 && whole.charAt(0) == '0') || whole.length() > MAX_QUANTITY_DIGITS) {
        return null;
      }
      double value = Double.parseDouble(t);
      return Double.isFinite(value) ? value : null;
    }
    if (t.charAt(0) != '[' && t.indexOf('-', 1) < 0) {
      return null; // neither range shape: "30-39" needs an inner '-', "[30, 40)" a '['
    }
    Matcher range = DASH_RANGE.matcher(t);
    if (!range.matches()) {
      range = INTERVAL.matcher(t);
      if (!range.matches()) {
        return null;
      }
    }
    double low = Double.parseDouble(range.group(1));
    double high = Double.parseDouble(range.group(2));
    return high >= low ? (low + high) / 2 : null;
  }

  /** The calendar resolution of a date-like value ({@link #DAY}, {@link #QUARTER}, ...), or null. */
  public static String resolution(String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    if (t.isEmpty() || t.length() > 40 || !(isDigit(t.charAt(0)) || t.equals("*"))) {
      return null; // most texts start with a letter: no pattern below can match
    }
    // Each pattern below has a fixed length or a '-' after four digits: the others are not asked.
    int length = t.length();
    if (length >= 10 && t.charAt(4) == '-') {
      Matcher date = DATE.matcher(t);
      if (date.matches()) {
        if (epochDay(date.group(1), date.group(2), date.group(3)) == null) {
          return null;
        }
        boolean midnight = date.group(4) == null || (date.group(4).equals("00") && date.group(5).equals("00")
            && (date.group(6) == null || date.group(6).equals("00")));
        return midnight ? DAY : TIME;
      }
    }
    if (length == 7 && YEAR_MONTH.matcher(t).matches()) {
      int month = Integer.parseInt(t.substring(5, 7));
      return month >= 1 && month <= 12 ? MONTH : null;
    }
    if (length == 7 && YEAR_QUARTER.matcher(t).matches()) {
      return QUARTER;
    }
    if (length == 4 && YEAR_ONLY.matcher(t).matches()) {
      return YEAR;
    }
    return t.equals("*") ? SUPPRESSED : null;
  }

  /** The first day of the period a date-like value names, as days since 1970-01-01, or null. */
  public static Integer epochDay(String text) {
    return epochDay(text, resolution(text));
  }

  /** {@link #epochDay(String)} of a text whose {@link #resolution} is known already. */
  static Integer epochDay(String text, String resolution) {
    if (resolution == null || resolution.equals(SUPPRESSED)) {
      return null;
    }
    String t = text.trim();
    return switch (resolution) {
      case TIME, DAY -> epochDay(t.substring(0, 4), t.substring(5, 7), t.substring(8, 10));
      case MONTH -> epochDay(t.substring(0, 4), t.substring(5, 7), "01");
      case QUARTER -> epochDay(t.substring(0, 4), String.valueOf((t.charAt(6) - '1') * 3 + 1), "01");
      default -> epochDay(t, "01", "01");
    };
  }

  private static Integer epochDay(String year, String month, String day) {
    try {
      return (int) LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)).toEpochDay();
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static boolean startsNumber(char c) {
    return isDigit(c) || c == '-' || c == '+' || c == '.' || c == '[';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Whitespace-separated tokens. */
  public static int tokens(String text) {
    if (text == null) {
      return 0;
    }
    int count = 0;
    boolean inToken = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !inToken) {
        count++;
      }
      inToken = !space;
    }
    return count;
  }
}
