package io.shroud.core.operator;

import io.shroud.core.detect.EntityType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Coarsens values. A value that cannot be read as the generalization expects (text under a numeric
 * range, a value missing from the hierarchy) becomes {@code *}: the most general value, never the
 * original.
 */
final class Generalizer implements MaskingOperator {
  static final String SUPPRESSED = "*";

  private final GeneralizeSpec spec;

  Generalizer(GeneralizeSpec spec) {
    this.spec = spec;
  }

  @Override
  public String apply(String value, EntityType type) {
    String trimmed = value.trim();
    return switch (spec.kind()) {
      case RANGE -> spec.bins().isEmpty() ? range(trimmed) : bin(trimmed);
      case DATE -> date(trimmed);
      case PREFIX -> prefix(trimmed);
      case HIERARCHY -> spec.hierarchy().getOrDefault(trimmed, SUPPRESSED);
    };
  }

  private String range(String value) {
    BigDecimal number = number(value);
    if (number == null) {
      return SUPPRESSED;
    }
    BigDecimal width = BigDecimal.valueOf(spec.width());
    BigDecimal low = number.divide(width, 0, RoundingMode.FLOOR).multiply(width);
    // Notation follows how values are written (not each value's size), so one column gets one notation.
    return interval(low, low.add(width), isWholeText(value) && isWhole(width));
  }

  private String bin(String value) {
    BigDecimal number = number(value);
    if (number == null) {
      return SUPPRESSED;
    }
    List<Double> edges = spec.bins();
    boolean whole = isWholeText(value) && edges.stream().allMatch(e -> e == Math.rint(e));
    BigDecimal first = BigDecimal.valueOf(edges.get(0));
    if (number.compareTo(first) < 0) {
      return "<" + plain(first);
    }
    for (int i = 1; i < edges.size(); i++) {
      BigDecimal upper = BigDecimal.valueOf(edges.get(i));
      if (number.compareTo(upper) < 0) {
        return interval(BigDecimal.valueOf(edges.get(i - 1)), upper, whole);
      }
    }
    return plain(BigDecimal.valueOf(edges.get(edges.size() - 1))) + "+";
  }

  /** {@code 30-39} for whole numbers, {@code [30.5, 40.5)} otherwise. */
  private static String interval(BigDecimal low, BigDecimal high, boolean whole) {
    if (whole) {
      return plain(low) + "-" + plain(high.subtract(BigDecimal.ONE));
    }
    return "[" + plain(low) + ", " + plain(high) + ")";
  }

  private String date(String value) {
    LocalDate date;
    try {
      date = LocalDate.parse(value.length() >= 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      return SUPPRESSED;
    }
    return switch (spec.dateUnit()) {
      case "year" -> String.valueOf(date.getYear());
      case "quarter" -> date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
      // Not String.format: it writes the JVM's default locale's digits (٢٠٢٤-٠٥ under ar-SA).
      default -> date.getYear() + (date.getMonthValue() < 10 ? "-0" : "-") + date.getMonthValue();
    };
  }

  /** Keeps the first letters/digits and stars out the rest, length and separators kept: 941**. */
  private String prefix(String value) {
    StringBuilder out = new StringBuilder(value.length());
    int kept = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(kept++ < spec.prefixLength() ? c : '*');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static BigDecimal number(String value) {
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean isWholeText(String value) {
    return value.indexOf('.') < 0 && value.indexOf('e') < 0 && value.indexOf('E') < 0;
  }

  private static boolean isWhole(BigDecimal n) {
    return n.stripTrailingZeros().scale() <= 0;
  }

  private static String plain(BigDecimal n) {
    return n.stripTrailingZeros().toPlainString();
  }
}
