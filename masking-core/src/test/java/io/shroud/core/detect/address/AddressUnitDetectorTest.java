package io.shroud.core.detect.address;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressUnitDetectorTest {
  private static final double DEFAULT_THRESHOLD = DetectionSettings.DEFAULTS.minConfidence();

  private static List<Finding> detect(String text) {
    List<Finding> out = new ArrayList<>();
    new AddressUnitDetector().detect(text, DetectionContext.NONE, out);
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Stephan M Urner, Apt. 656, Brønderslev|Apt. 656",
      "deliver to Apartment 4B please|Apartment 4B",
      "Suite 501|Suite 501",
      "Ste. 200, Austin|Ste. 200",
      "Flat 3, 10 Downing Street|Flat 3",
      "Satu Elomo  45818 P.O. Box 242  Kangerlussuaq|P.O. Box 242",
      "PO Box 12|PO Box 12",
      "Post Office Box 7|Post Office Box 7",
      "Postfach 12 34 56, 10115 Berlin|Postfach 12 34 56",
      "Apartado 45, Madrid|Apartado 45",
      "Caixa Postal 1020|Caixa Postal 1020",
      "Wohnung 12, Hauptstraße 5|Wohnung 12",
      "Apt #12|Apt #12",
      "Suite No. 400|Suite No. 400",
      "Flat B-3|Flat B-3"})
  void reportsUnitsAndPostBoxesAtTheDefaultThreshold(String text, String unit) {
    List<Finding> found = detect(text);
    assertThat(found).hasSize(1);
    Finding f = found.get(0);
    assertThat(text.substring(f.start(), f.end())).isEqualTo(unit);
    assertThat(f.type()).isEqualTo(EntityType.ADDRESS);
    assertThat(f.score()).isGreaterThanOrEqualTo(DEFAULT_THRESHOLD);
  }

  /** Designators that are as often a lesson, a meeting room or a hotel suite stay below the threshold. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Unit 3 covers fractions", "Room 5 of the hotel is booked", "meet in room 101",
      "the suite 12 floors up", "each unit 5 dollars", "my apt 4 is small", "Suite 4 in D minor"})
  void ambiguousDesignatorsAloneStayBelowTheDefaultThreshold(String text) {
    assertThat(detect(text)).allSatisfy(f -> assertThat(f.score()).isLessThan(DEFAULT_THRESHOLD));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Flat 30% off today", "Suite5x", "the apt 3.5 rating", "a box of 12", "Box 12",
      "Suitesparse 4", "unit tests 12", "Roomba 980", "Apt, 5 people", "2 Apt 3.14"})
  void ignoresNumbersThatAreNoUnit(String text) {
    assertThat(detect(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Please ship it to Unit 4", "my mailing address is Room 12"})
  void contextWordsLiftWeakDesignators(String text) {
    assertThat(detect(text)).singleElement()
        .satisfies(f -> assertThat(f.score()).isGreaterThanOrEqualTo(DEFAULT_THRESHOLD));
  }
}
