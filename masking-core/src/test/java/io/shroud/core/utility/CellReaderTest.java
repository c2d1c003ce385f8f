package io.shroud.core.utility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CellReaderTest {
  @Test
  void quantitiesAndGeneralizedRangesReadAsNumbers() {
    assertThat(CellReader.number("218.14")).isEqualTo(218.14);
    assertThat(CellReader.number(" -3 ")).isEqualTo(-3.0);
    assertThat(CellReader.number("1e3")).isEqualTo(1000.0);
    assertThat(CellReader.number("0.5")).isEqualTo(0.5);
    assertThat(CellReader.number("30-39")).as("generalize width 10").isEqualTo(34.5);
    assertThat(CellReader.number("[30, 40)")).isEqualTo(35.0);
    assertThat(CellReader.number("[-10, 0)")).isEqualTo(-5.0);
  }

  @Test
  void codesIdentifiersAndDatesAreNotQuantities() {
    assertThat(CellReader.number("030")).as("leading zero: a code").isNull();
    assertThat(CellReader.number("02134")).as("ZIP code").isNull();
    assertThat(CellReader.number("4111111111111111")).as("16 digits: a card").isNull();
    assertThat(CellReader.number("2024-05")).as("year-month, not a range").isNull();
    assertThat(CellReader.number("2024-05-17")).isNull();
    assertThat(CellReader.number("030-74-6425")).isNull();
    assertThat(CellReader.number("C100001")).isNull();
    assertThat(CellReader.number("<REDACTED>")).isNull();
    assertThat(CellReader.number("")).isNull();
    assertThat(CellReader.number(null)).isNull();
  }

  @Test
  void calendarValuesHaveAResolutionAndAFirstDay() {
    assertThat(CellReader.resolution("2024-05-17")).isEqualTo("day");
    assertThat(CellReader.resolution("2024-05-17 00:00:00")).isEqualTo("day");
    assertThat(CellReader.resolution("2024-05-17T10:30:00Z")).isEqualTo("time");
    assertThat(CellReader.resolution("2024-05")).isEqualTo("month");
    assertThat(CellReader.resolution("2024-Q2")).isEqualTo("quarter");
    assertThat(CellReader.resolution("2024")).isEqualTo("year");
    assertThat(CellReader.resolution("*")).isEqualTo("suppressed");
    assertThat(CellReader.resolution("2024-13")).isNull();
    assertThat(CellReader.resolution("2024-02-30")).isNull();
    assertThat(CellReader.resolution("Order 7057723349537547")).isNull();

    assertThat(CellReader.epochDay("2024-05-17")).isEqualTo((int) LocalDate.of(2024, 5, 17).toEpochDay());
    assertThat(CellReader.epochDay("2024-Q2")).isEqualTo((int) LocalDate.of(2024, 4, 1).toEpochDay());
    assertThat(CellReader.epochDay("2024-05")).isEqualTo((int) LocalDate.of(2024, 5, 1).toEpochDay());
    assertThat(CellReader.epochDay("2024")).isEqualTo((int) LocalDate.of(2024, 1, 1).toEpochDay());
    assertThat(CellReader.epochDay("*")).isNull();
  }

  @Test
  void tokensAreWhitespaceSeparated() {
    assertThat(CellReader.tokens("Spoke with  Maria\tLopez today.")).isEqualTo(5);
    assertThat(CellReader.tokens("   ")).isZero();
    assertThat(CellReader.tokens(null)).isZero();
  }

  /**
   * The readers skip patterns that cannot match by length or shape; they must answer as the patterns
   * alone do. The reference below asks every pattern, as the readers did before the shortcuts.
   */
  @Test
  void shortcutsAnswerAsThePatternsAlone() {
    Random random = new Random(3);
    String alphabet = "0123456789-:.TQ [,)+e*Z";
    String[] shapes = {"dddd-dd-dd", "dddd-dd", "dddd-Qd", "dddd", "dd-dd", "[dd, dd)", "dddd-dd-ddTdd:dd:dd", "*",
        "dddd-dd-dd dd:dd", "-dd-dd", "dd.d-dd.d", "ddd-dd-dddd", "dddddddd", "dddd-dd-ddTdd:ddZ"};
    int dates = 0;
    int numbers = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder sb = new StringBuilder();
      if (random.nextBoolean()) {
        for (char c : shapes[random.nextInt(shapes.length)].toCharArray()) {
          sb.append(c == 'd' ? (char) ('0' + random.nextInt(random.nextInt(5) == 0 ? 10 : 3)) : c);
        }
        if (random.nextInt(4) == 0) {
          sb.insert(random.nextInt(sb.length() + 1), alphabet.charAt(random.nextInt(alphabet.length())));
        }
      } else {
        for (int k = random.nextInt(14); k > 0; k--) {
          sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      String text = random.nextInt(8) == 0 ? " " + sb + " " : sb.toString();
      String resolution = CellReader.resolution(text);
      assertThat(resolution).as(text).isEqualTo(Reference.resolution(text));
      assertThat(CellReader.number(text)).as(text).isEqualTo(Reference.number(text));
      assertThat(CellReader.epochDay(text)).as(text).isEqualTo(Reference.epochDay(text));
      dates += resolution != null ? 1 : 0;
      numbers += CellReader.number(text) != null ? 1 : 0;
    }
    assertThat(dates).isGreaterThan(10_000);
    assertThat(numbers).isGreaterThan(10_000);
  }

  /** The readers' patterns, each asked whenever the first character allows. */
  private static final class Reference {
    static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d{1,3})?");
    static final Pattern DASH_RANGE = Pattern.compile("(-?\\d+(?:\\.\\d+)?)-(-?\\d+(?:\\.\\d+)?)");
    static final Pattern INTERVAL = Pattern.compile("\\[(-?\\d+(?:\\.\\d+)?), ?(-?\\d+(?:\\.\\d+)?)\\)");
    static final Pattern DATE = Pattern.compile(
        "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?");
    static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    static final Pattern YEAR_QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    static final Pattern YEAR_ONLY = Pattern.compile("\\d{4}");

    static Double number(String text) {
      String t = text.trim();
      if (t.isEmpty() || t.length() > 40 || !(Character.isDigit(t.charAt(0)) && t.charAt(0) < 128
          || "-+.[".indexOf(t.charAt(0)) >= 0)) {
        return null;
      }
      if (NUMBER.matcher(t).matches()) {
        String digits = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        int point = digits.indexOf('.');
        String whole = point < 0 ? digits.replaceFirst("[eE].*", "") : digits.substring(0, point);
        if ((whole.length() > 1 && whole.charAt(0) == '0') || whole.length() > 15) {
          return null;
        }
        double value = Double.parseDouble(t);
        return Double.isFinite(value) ? value : null;
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

    static String resolution(String text) {
      String t = text.trim();
      if (t.isEmpty() || t.length() > 40 || !(t.charAt(0) >= '0' && t.charAt(0) <= '9' || t.equals("*"))) {
        return null;
      }
      Matcher date = DATE.matcher(t);
      if (date.matches()) {
        if (day(date.group(1), date.group(2), date.group(3)) == null) {
          return null;
        }
        boolean midnight = date.group(4) == null || (date.group(4).equals("00") && date.group(5).equals("00")
            && (date.group(6) == null || date.group(6).equals("00")));
        return midnight ? CellReader.DAY : CellReader.TIME;
      }
      if (YEAR_MONTH.matcher(t).matches()) {
        int month = Integer.parseInt(t.substring(5, 7));
        return month >= 1 && month <= 12 ? CellReader.MONTH : null;
      }
      if (YEAR_QUARTER.matcher(t).matches()) {
        return CellReader.QUARTER;
      }
      if (YEAR_ONLY.matcher(t).matches()) {
        return CellReader.YEAR;
      }
      return t.equals("*") ? CellReader.SUPPRESSED : null;
    }

    static Integer epochDay(String text) {
      String resolution = resolution(text);
      if (resolution == null || resolution.equals(CellReader.SUPPRESSED)) {
        return null;
      }
      String t = text.trim();
      return switch (resolution) {
        case CellReader.TIME, CellReader.DAY -> day(t.substring(0, 4), t.substring(5, 7), t.substring(8, 10));
        case CellReader.MONTH -> day(t.substring(0, 4), t.substring(5, 7), "01");
        case CellReader.QUARTER -> day(t.substring(0, 4), String.valueOf((t.charAt(6) - '1') * 3 + 1), "01");
        default -> day(t, "01", "01");
      };
    }

    private static Integer day(String year, String month, String day) {
      try {
        return (int) LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)).toEpochDay();
      } catch (DateTimeException e) {
        return null;
      }
    }
  }
}
