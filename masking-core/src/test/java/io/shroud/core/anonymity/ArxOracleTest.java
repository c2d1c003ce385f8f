package io.shroud.core.anonymity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ARX's published optima for Adult (README in test resources anonymity/adult). */
class ArxOracleTest {
  private static AdultFixture adult;
  private static FrequencyTable table;

  @BeforeAll
  static void loadAdult() {
    adult = AdultFixture.load();
    table = adult.table(1);
  }

  @Test
  void adultHasTheDocumentedShape() {
    assertThat(table.records()).isEqualTo(30_162);
    assertThat(adult.hierarchies).extracting(Hierarchy::height).containsExactly(2, 5, 2, 3, 4, 3, 3, 3, 2);
  }

  @ParameterizedTest(name = "k={0}, suppression={1}")
  @CsvSource(delimiter = '|', value = {
      "5   | 0.04 | 1,0,1,1,3,2,2,0,1 | 255559.85455731067",
      "100 | 0.04 | 1,1,1,1,3,2,2,1,1 | 379417.3460570988",
      "5   | 0.0  | 1,2,1,1,3,2,2,1,1 | 407289.5388925293",
      "100 | 0.0  | 0,4,1,1,3,2,2,1,1 | 453196.8932458743"})
  void reproducesArxOptimum(int k, double suppression, String levels, double loss) {
    AnonymitySearch search = new AnonymitySearch(table, adult.hierarchies,
        new AnonymityRequirements(k, suppression, Metric.ENTROPY));

    Optional<Evaluation> optimum = search.optimum();

    assertThat(optimum).isPresent();
    assertThat(optimum.get().levels()).containsExactly(parse(levels));
    assertThat(optimum.get().entropy()).isCloseTo(loss, within(1e-6));
    assertThat(optimum.get().satisfies()).isTrue();
    assertThat(optimum.get().suppressedRecords()).isLessThanOrEqualTo((long) Math.floor(suppression * 30_162));
  }

  private static int[] parse(String levels) {
    return Arrays.stream(levels.split(",")).mapToInt(Integer::parseInt).toArray();
  }
}
