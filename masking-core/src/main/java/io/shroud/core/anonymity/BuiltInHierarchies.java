package io.shroud.core.anonymity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** Hierarchies generated from the observed values of a column. */
final class BuiltInHierarchies {
  private BuiltInHierarchies() {}

  static Hierarchy numericRanges(Collection<String> values, List<Double> widths) {
    List<BigDecimal> steps = validatedWidths(widths);
    TreeSet<String> distinct = distinct(values);
    boolean whole = steps.stream().allMatch(BuiltInHierarchies::isWhole);
    for (String value : distinct) {
      BigDecimal number = parseNumber(value);
      whole &= number == null || isWhole(number);
    }
    int height = steps.size() + 2;
    List<String[]> rows = new ArrayList<>();
    for (String value : distinct) {
      String[] row = new String[height];
      row[0] = value;
      BigDecimal number = parseNumber(value);
      for (int level = 1; level < height - 1; level++) {
        row[level] = number == null ? Hierarchy.SUPPRESSED : range(number, steps.get(level - 1), whole);
      }
      row[height - 1] = Hierarchy.SUPPRESSED;
      rows.add(row);
    }
    return Hierarchy.trusted(rows, height);
  }

  static Hierarchy prefixes(Collection<String> values, int maxMasked) {
    if (maxMasked < 0) {
      throw new IllegalArgumentException("Invalid maxMasked " + maxMasked + ": must be >= 0");
    }
    int height = maxMasked + 2;
    List<String[]> rows = new ArrayList<>();
    for (String value : distinct(values)) {
      String[] row = new String[height];
      row[0] = value;
      int length = value.codePointCount(0, value.length());
      for (int level = 1; level <= maxMasked; level++) {
        int masked = Math.min(level, length);
        int keepChars = value.offsetByCodePoints(0, length - masked);
        row[level] = value.substring(0, keepChars) + "*".repeat(masked);
      }
      row[height - 1] = Hierarchy.SUPPRESSED;
      rows.add(row);
    }
    return Hierarchy.trusted(rows, height);
  }

  static Hierarchy dates(Collection<String> values) {
    List<String[]> rows = new ArrayList<>();
    for (String value : distinct(values)) {
      LocalDate date = parseDate(value);
      String month = date == null ? Hierarchy.SUPPRESSED : value.substring(0, 7);
      String year = date == null ? Hierarchy.SUPPRESSED : value.substring(0, 4);
      rows.add(new String[] {value, month, year, Hierarchy.SUPPRESSED});
    }
    return Hierarchy.trusted(rows, 4);
  }

  /** Sorted so that generated hierarchies do not depend on the iteration order of the input. */
  private static TreeSet<String> distinct(Collection<String> values) {
    Objects.requireNonNull(values, "values");
    TreeSet<String> distinct = new TreeSet<>();
    for (String value : values) {
      if (value != null) { // null is never in a hierarchy: generalize() sends it to "*" like any unknown value
        distinct.add(value);
      }
    }
    return distinct;
  }

  private static List<BigDecimal> validatedWidths(List<Double> widths) {
    Objects.requireNonNull(widths, "widths");
    List<BigDecimal> steps = new ArrayList<>();
    for (Double width : widths) {
      if (width == null || !Double.isFinite(width) || width <= 0) {
        throw new IllegalArgumentException("Invalid numeric range widths " + widths + ": widths must be positive numbers");
      }
      BigDecimal step = BigDecimal.valueOf(width);
      if (!steps.isEmpty()) {
        BigDecimal previous = steps.get(steps.size() - 1);
        if (step.compareTo(previous) < 0 || step.remainder(previous).signum() != 0) {
          throw new IllegalArgumentException("Invalid numeric range widths " + widths
              + ": each width must be a multiple of the previous one so that ranges nest");
        }
      }
      steps.add(step);
    }
    return steps;
  }

  private static String range(BigDecimal number, BigDecimal width, boolean whole) {
    BigDecimal low = number.divide(width, 0, RoundingMode.FLOOR).multiply(width);
    BigDecimal high = low.add(width);
    if (whole) {
      return plain(low) + "-" + plain(high.subtract(BigDecimal.ONE));
    }
    return "[" + plain(low) + ", " + plain(high) + ")";
  }

  private static boolean isWhole(BigDecimal number) {
    return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
  }

  private static String plain(BigDecimal number) {
    return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
  }

  private static BigDecimal parseNumber(String value) {
    try {
      return new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The first 10 characters as an ISO date, optionally followed by a non-digit (time, zone, ...). */
  private static LocalDate parseDate(String value) {
    if (value.length() < 10 || (value.length() > 10 && Character.isDigit(value.charAt(10)))) {
      return null;
    }
    try {
      return LocalDate.parse(value.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
