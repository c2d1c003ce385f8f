package io.shroud.core.anonymity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.io.Serializable;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** A 7-record table small enough to check every number by hand. */
class EvaluationTest {
  // place: a, b -> x; c -> y; then *. code: 1, 2, 3 -> *.
  private static final List<Hierarchy> HIERARCHIES = List.of(
      Hierarchy.fromRows(List.of(List.of("a", "x", "*"), List.of("b", "x", "*"), List.of("c", "y", "*"))),
      Hierarchy.fromRows(List.of(List.of("1", "*"), List.of("2", "*"), List.of("3", "*"))));

  private static FrequencyTable table() {
    FrequencyTable table = new FrequencyTable(List.of("place", "code"));
    table.add(new String[] {"a", "1"}, 2);
    table.add(new String[] {"a", "1"}, 1); // counts add up
    table.add(new String[] {"a", "2"}, 1);
    table.add(new String[] {"b", "1"}, 2);
    table.add(new String[] {"c", "3"}, 1);
    return table;
  }

  private static FrequencyTable tableWithDiagnoses() {
    FrequencyTable table = new FrequencyTable(List.of("place", "code"));
    table.add(new String[] {"a", "1"}, 2, "flu");
    table.add(new String[] {"a", "1"}, 1, "cold");
    table.add(new String[] {"a", "2"}, 1, "flu");
    table.add(new String[] {"b", "1"}, 2, "flu");
    table.add(new String[] {"c", "3"}, 1, "cold");
    return table;
  }

  @Test
  void countsRecordsAndTuples() {
    assertThat(table().records()).isEqualTo(7);
    assertThat(table().distinctTuples()).isEqualTo(4);
    assertThat(table().attributes()).containsExactly("place", "code");
  }

  @Test
  void suppressesClassesSmallerThanK() {
    AnonymitySearch search = new AnonymitySearch(table(), HIERARCHIES, new AnonymityRequirements(2, 0.5, Metric.ENTROPY));

    Evaluation bottom = search.evaluate(new int[] {0, 0});

    assertThat(bottom.suppressedRecords()).isEqualTo(2); // (a,2) and (c,3)
    assertThat(bottom.satisfies()).isTrue(); // floor(0.5 * 7) = 3
    assertThat(bottom.classes()).isEqualTo(2);
    assertThat(bottom.smallestClass()).isEqualTo(2);
    assertThat(bottom.classSizeHistogram()).containsExactly(entry(2L, 1L), entry(3L, 1L));
    assertThat(bottom.discernibility()).isEqualTo(9 + 4 + 7 * 2);
    assertThat(bottom.entropy()).isZero();
    assertThat(bottom.height()).isZero();
    // Loss: suppressed records count 1 per attribute, kept ones 0 at level 0: (2/7 + 2/7) / 2.
    assertThat(bottom.loss()).isCloseTo(2.0 / 7, within(1e-12));
  }

  @Test
  void generalizingMergesClasses() {
    AnonymitySearch search = new AnonymitySearch(table(), HIERARCHIES, new AnonymityRequirements(2, 0.0, Metric.ENTROPY));

    Evaluation evaluation = search.evaluate(new int[] {1, 0});

    assertThat(evaluation.classSizeHistogram()).containsExactly(entry(5L, 1L)); // (x,1); (x,2) and (y,3) suppressed
    assertThat(evaluation.suppressedRecords()).isEqualTo(2);
    assertThat(evaluation.satisfies()).isFalse();
    // place at level 1: a (4 records) and b (2) -> x (6): 4 log2(6/4) + 2 log2(6/2); c -> y alone: 0.
    assertThat(evaluation.entropy()).isCloseTo(4 * log2(6.0 / 4) + 2 * log2(3), within(1e-12));
    // Loss per attribute: kept records (leaves(g) - 1) / (D - 1), suppressed records 1.
    double place = (5 * 0.5 + 2) / 7; // (a,1)x3 and (b,1)x2 kept at (2-1)/(3-1); (a,2), (c,3) suppressed: 1
    double code = 2.0 / 7;
    assertThat(evaluation.loss()).isCloseTo((place + code) / 2, within(1e-12));
    assertThat(search.optimum().orElseThrow().levels()).containsExactly(2, 1); // no suppression allowed
  }

  @Test
  void nothingSatisfiesWhenEvenAllStarsFail() {
    AnonymitySearch search = new AnonymitySearch(table(), HIERARCHIES, new AnonymityRequirements(8, 0.5, Metric.LOSS));

    assertThat(search.optimum()).isEmpty();
    assertThat(search.evaluate(new int[] {2, 1}).smallestClass()).isZero();
  }

  @Test
  void lDiversitySuppressesClassesWithTooFewSensitiveValues() {
    AnonymitySearch search = new AnonymitySearch(tableWithDiagnoses(), HIERARCHIES,
        new AnonymityRequirements(1, 0.2, Metric.ENTROPY, 2));

    assertThat(search.evaluate(new int[] {0, 0}).suppressedRecords()).isEqualTo(4);
    assertThat(search.evaluate(new int[] {1, 0}).suppressedRecords()).isEqualTo(2);
    Evaluation placeOnly = search.evaluate(new int[] {1, 1});
    assertThat(placeOnly.suppressedRecords()).isEqualTo(1); // (y,*) has only "cold"
    assertThat(placeOnly.classSizeHistogram()).containsExactly(entry(6L, 1L));
    assertThat(search.optimum().orElseThrow().levels()).containsExactly(1, 1); // floor(0.2 * 7) = 1
  }

  @Test
  void suppressedUnderReportsTuplesOfSuppressedClasses() {
    AnonymitySearch search = new AnonymitySearch(table(), HIERARCHIES, new AnonymityRequirements(2, 0.5, Metric.ENTROPY));

    Predicate<String[]> suppressed = search.suppressedUnder(new int[] {0, 0});

    assertThat(suppressed.test(new String[] {"a", "1"})).isFalse();
    assertThat(suppressed.test(new String[] {"a", "2"})).isTrue();
    assertThat(suppressed.test(new String[] {"z", "9"})).isTrue(); // unknown tuple: fail safe
    assertThat(suppressed).isInstanceOf(Serializable.class);
  }

  @Test
  void mergesTables() {
    FrequencyTable merged = new FrequencyTable(List.of("place", "code"));
    merged.addAll(table());
    merged.addAll(table());

    assertThat(merged.records()).isEqualTo(14);
    assertThat(merged.distinctTuples()).isEqualTo(4);
  }

  @Test
  void validatesInputsWithoutRevealingSensitiveValues() {
    FrequencyTable table = table();
    assertThatThrownBy(() -> table.add(new String[] {"a"}, 1, "SECRET-DIAGNOSIS"))
        .hasMessage("Invalid QI tuple: expected 2 values [place, code], got 1")
        .hasMessageNotContaining("SECRET");
    assertThatThrownBy(() -> table.add(new String[] {"a", "1"}, 0)).hasMessage("Invalid count 0: must be >= 1");
    assertThatThrownBy(() -> new AnonymitySearch(table, HIERARCHIES, new AnonymityRequirements(2, 0, Metric.ENTROPY, 2)))
        .hasMessage("Cannot check l-diversity (l = 2): 7 records were added without a sensitive value");
    assertThatThrownBy(() -> new AnonymitySearch(table, HIERARCHIES.subList(0, 1),
        new AnonymityRequirements(2, 0, Metric.ENTROPY)))
        .hasMessage("Invalid hierarchies: 1 given for 2 quasi-identifiers [place, code]");
    AnonymitySearch search = new AnonymitySearch(table, HIERARCHIES, new AnonymityRequirements(2, 0, Metric.ENTROPY));
    assertThatThrownBy(() -> search.evaluate(new int[] {0, 2}))
        .hasMessage("Invalid transformation [0, 2]: level 2 of 'code' outside 0..1");
  }

  @Test
  void validatesRequirements() {
    assertThatThrownBy(() -> new AnonymityRequirements(0, 0, Metric.ENTROPY)).hasMessage("Invalid k 0: must be >= 1");
    assertThatThrownBy(() -> new AnonymityRequirements(2, 1.5, Metric.ENTROPY))
        .hasMessage("Invalid maxSuppression 1.5: must be within [0, 1]");
    assertThatThrownBy(() -> new AnonymityRequirements(2, Double.NaN, Metric.ENTROPY))
        .hasMessageStartingWith("Invalid maxSuppression NaN");
    assertThatThrownBy(() -> new AnonymityRequirements(2, 0, Metric.ENTROPY, 0)).hasMessage("Invalid l 0: must be >= 1");
    assertThatThrownBy(() -> new AnonymityRequirements(2, 0, null, 1)).hasMessage("Invalid metric: null");
    assertThat(new AnonymityRequirements(2, 0.29, Metric.ENTROPY).suppressionBudget(100)).isEqualTo(29);
    assertThat(new AnonymityRequirements(2, 0.04, Metric.ENTROPY).suppressionBudget(30_162)).isEqualTo(1206);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
