package io.shroud.core.anonymity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The pruned search against evaluating every transformation, on small random tables. */
class BruteForceComparisonTest {
  private static final int CASES = 400;
  private static final double[] SUPPRESSION = {0, 0, 0.02, 0.05, 0.1, 0.2, 0.5, 1};

  /** What the cases exercised, so that a generator drifting to trivial cases is noticed. */
  private static final int[] OUTCOMES = new int[4];
  private static final int NONE = 0;
  private static final int BOTTOM = 1;
  private static final int GENERALIZED = 2;
  private static final int WITH_SUPPRESSION = 3;

  @AfterAll
  static void casesWereNotTrivial() {
    assertThat(OUTCOMES[NONE]).as("no optimum").isGreaterThan(2);
    assertThat(OUTCOMES[BOTTOM]).as("optimum at level 0").isGreaterThan(CASES / 50);
    assertThat(OUTCOMES[GENERALIZED]).as("generalized optimum").isGreaterThan(CASES / 4);
    assertThat(OUTCOMES[WITH_SUPPRESSION]).as("optimum with suppression").isGreaterThan(CASES / 10);
  }

  @TestFactory
  Stream<DynamicTest> searchFindsTheBruteForceOptimum() {
    return IntStream.range(0, CASES).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> compare(seed)));
  }

  private static void compare(long seed) {
    Random random = new Random(seed);
    int attributes = 1 + random.nextInt(4);
    boolean diverse = random.nextInt(3) == 0;
    List<String> names = new ArrayList<>();
    List<Hierarchy> hierarchies = new ArrayList<>();
    for (int a = 0; a < attributes; a++) {
      names.add("q" + a);
      hierarchies.add(randomHierarchy(random, 2 + random.nextInt(6), 2 + random.nextInt(3)));
    }
    FrequencyTable table = new FrequencyTable(names);
    int tuples = 1 + random.nextInt(60);
    for (int t = 0; t < tuples; t++) {
      String[] tuple = new String[attributes];
      for (int a = 0; a < attributes; a++) {
        List<String> values = new ArrayList<>(hierarchies.get(a).values());
        // Now and then a value the hierarchy does not know: it must generalize to "*".
        tuple[a] = random.nextInt(15) == 0 ? "unknown" : values.get(random.nextInt(values.size()));
      }
      long count = 1 + random.nextInt(random.nextBoolean() ? 3 : 12);
      if (diverse) {
        table.add(tuple, count, "s" + random.nextInt(1 + random.nextInt(4)));
      } else {
        table.add(tuple, count);
      }
    }
    Metric metric = Metric.values()[random.nextInt(Metric.values().length)];
    AnonymityRequirements requirements = new AnonymityRequirements(1 + random.nextInt(8),
        SUPPRESSION[random.nextInt(SUPPRESSION.length)], metric, diverse ? 1 + random.nextInt(3) : 1);
    AnonymitySearch search = new AnonymitySearch(table, hierarchies, requirements);

    Optional<Evaluation> expected = bruteForce(search, hierarchies, metric);
    Optional<Evaluation> actual = search.optimum();

    String context = "seed " + seed + ", " + requirements + ", " + tuples + " tuples";
    assertThat(actual.isPresent()).as(context).isEqualTo(expected.isPresent());
    if (expected.isEmpty()) {
      OUTCOMES[NONE]++;
    } else {
      OUTCOMES[expected.get().height() == 0 ? BOTTOM : GENERALIZED]++;
      OUTCOMES[WITH_SUPPRESSION] += expected.get().suppressedRecords() > 0 ? 1 : 0;
      assertThat(actual.get().metricValue(metric)).as(context).isEqualTo(expected.get().metricValue(metric));
      assertThat(actual.get().levels()).as(context).containsExactly(expected.get().levels());
      assertThat(actual.get()).as(context).isEqualTo(expected.get());
    }
    assertThat(search.nodesEvaluated()).as(context).isLessThanOrEqualTo(search.latticeSize() * 2);
  }

  /** Every transformation; ties to the lowest total level, then the lexicographically smallest levels. */
  static Optional<Evaluation> bruteForce(AnonymitySearch search, List<Hierarchy> hierarchies, Metric metric) {
    Evaluation best = null;
    int[] levels = new int[hierarchies.size()];
    while (true) {
      Evaluation evaluation = search.evaluate(levels);
      if (evaluation.satisfies() && (best == null || better(evaluation, best, metric))) {
        best = evaluation;
      }
      int a = levels.length - 1;
      while (a >= 0 && ++levels[a] == hierarchies.get(a).height()) {
        levels[a--] = 0;
      }
      if (a < 0) {
        return Optional.ofNullable(best);
      }
    }
  }

  private static boolean better(Evaluation candidate, Evaluation best, Metric metric) {
    int byValue = Double.compare(candidate.metricValue(metric), best.metricValue(metric));
    if (byValue != 0) {
      return byValue < 0;
    }
    if (candidate.height() != best.height()) {
      return candidate.height() < best.height();
    }
    return Arrays.compare(candidate.levels(), best.levels()) < 0;
  }

  /** A functional random hierarchy: each level merges groups of the previous level at random. */
  static Hierarchy randomHierarchy(Random random, int values, int height) {
    List<List<String>> rows = new ArrayList<>();
    String[][] cells = new String[values][height];
    for (int v = 0; v < values; v++) {
      cells[v][0] = "v" + v;
    }
    int groups = values;
    int[] groupOf = IntStream.range(0, values).toArray();
    for (int level = 1; level < height - 1; level++) {
      int merged = Math.max(1, groups - 1 - random.nextInt(Math.max(1, groups / 2)));
      int[] parent = new int[groups];
      for (int g = 0; g < groups; g++) {
        parent[g] = random.nextInt(merged);
      }
      for (int v = 0; v < values; v++) {
        groupOf[v] = parent[groupOf[v]];
        cells[v][level] = "L" + level + "g" + groupOf[v];
      }
      groups = merged;
    }
    for (int v = 0; v < values; v++) {
      cells[v][height - 1] = "*";
      rows.add(Arrays.asList(cells[v]));
    }
    return Hierarchy.fromRows(rows);
  }
}
