package io.shroud.core.utility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
}
