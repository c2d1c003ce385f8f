package io.shroud.bench;

import io.shroud.core.anonymity.AdultFixture;
import io.shroud.core.anonymity.AnonymityRequirements;
import io.shroud.core.anonymity.AnonymitySearch;
import io.shroud.core.anonymity.Evaluation;
import io.shroud.core.anonymity.FrequencyTable;
import io.shroud.core.anonymity.Metric;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Search time for Adult 5-anonymity (4% suppression, entropy), excluding data loading; and how it
 * grows with rows (Adult replicated, same distinct tuples) versus with distinct tuples (synthetic).
 * Run from the repository root (after {@code mvn -B -q -DskipTests package}):
 * {@code java -cp benchmarks/target/shroud-benchmarks.jar:$(cat benchmarks/target/classpath.txt)
 * io.shroud.bench.AdultSearchBenchmark [ADULT_DIR]}; ADULT_DIR defaults to masking-core's test copy of
 * the ARX Adult data set and hierarchies.
 */
public final class AdultSearchBenchmark {
  private static final int WARMUP = 5;
  private static final int RUNS = 11;

  public static void main(String[] args) {
    AdultFixture adult = AdultFixture.load(Path.of(args.length > 0 ? args[0] : "masking-core/src/test/resources/anonymity/adult"));
    AnonymityRequirements fiveAnonymity = new AnonymityRequirements(5, 0.04, Metric.ENTROPY);
    System.out.printf("%-42s %9s %9s %10s %8s  %s%n", "table", "records", "tuples", "median ms", "nodes", "optimum");
    report("Adult", adult.table(1), adult, fiveAnonymity);
    for (Metric metric : new Metric[] {Metric.LOSS, Metric.DISCERNIBILITY, Metric.HEIGHT}) {
      report("Adult, metric " + metric, adult.table(1), adult, new AnonymityRequirements(5, 0.04, metric));
    }
    report("Adult, k=100", adult.table(1), adult, new AnonymityRequirements(100, 0.04, Metric.ENTROPY));
    // Replicated rows with k scaled alike: same classes, same lattice walk, only the counts differ.
    report("Adult x10 (same distinct tuples), k=50", adult.table(10), adult,
        new AnonymityRequirements(50, 0.04, Metric.ENTROPY));
    report("Adult x100 (same distinct tuples), k=500", adult.table(100), adult,
        new AnonymityRequirements(500, 0.04, Metric.ENTROPY));
    report("synthetic, 10x distinct tuples", syntheticTenfold(adult), adult, fiveAnonymity);
  }

  private static void report(String name, FrequencyTable table, AdultFixture adult, AnonymityRequirements req) {
    Supplier<AnonymitySearch> newSearch = () -> new AnonymitySearch(table, adult.hierarchies, req);
    long[] nanos = new long[RUNS];
    Evaluation optimum = null;
    long nodes = 0;
    for (int run = -WARMUP; run < RUNS; run++) {
      AnonymitySearch search = newSearch.get(); // encoding is part of the search cost, loading is not
      long start = System.nanoTime();
      optimum = search.optimum().orElse(null);
      long elapsed = System.nanoTime() - start;
      if (run >= 0) {
        nanos[run] = elapsed;
      }
      nodes = search.nodesEvaluated();
    }
    Arrays.sort(nanos);
    System.out.printf("%-42s %9d %9d %10.1f %8d  %s%n", name, table.records(), table.distinctTuples(),
        nanos[RUNS / 2] / 1e6, nodes, optimum == null ? "none" : Arrays.toString(optimum.levels()));
  }

  /**
   * Ten times Adult's distinct tuples with the same hierarchies: each row's age is spread over ages
   * 17..90 and each copy perturbs age/occupation/country, so copies are mostly new tuples.
   */
  private static FrequencyTable syntheticTenfold(AdultFixture adult) {
    Random random = new Random(42);
    FrequencyTable table = new FrequencyTable(adult.attributes);
    String[][] domains = new String[adult.attributes.size()][];
    for (int a = 0; a < domains.length; a++) {
      domains[a] = adult.hierarchies.get(a).values().toArray(new String[0]);
    }
    for (int copy = 0; copy < 10; copy++) {
      for (String[] row : adult.rows) {
        String[] tuple = row.clone();
        if (copy > 0) {
          tuple[1] = String.valueOf(17 + random.nextInt(74));
          tuple[5] = domains[5][random.nextInt(domains[5].length)];
          tuple[7] = domains[7][random.nextInt(domains[7].length)];
        }
        table.add(tuple, 1);
      }
    }
    return table;
  }
}
