package io.shroud.jobs.utility;

import io.shroud.core.plan.MaskingPlan;
import io.shroud.core.utility.UtilityAccumulator;
import io.shroud.core.utility.UtilityLayout;
import io.shroud.jobs.anonymity.AnonymityStage;
import io.shroud.jobs.spark.PairObserver;
import io.shroud.jobs.spark.CellCount;
import io.shroud.jobs.spark.RowFindings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.SparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

/**
 * Draws the utility sample inside the masking pass: each partition keeps a uniform reservoir of up
 * to {@code capacity} rows (Vitter's algorithm R, seeded per partition), each as its original next
 * to the masked row that is written, generalized like the output when k-anonymity applies. When the
 * partition ends, its reservoir is folded into a {@link UtilityAccumulator} in the task and sent to
 * the driver. The cost is a random number per row and the comparison of the sampled rows.
 */
final class UtilityTap implements PairObserver {
  private final int capacity;
  private final long seed;
  private final RowValues values;
  private final int[] columnOfFinding;
  private final Broadcast<AnonymityStage.RowTransform> anonymity;
  private final UtilityPartials partials;
  private final LongAccumulator nanos;

  /**
   * @param capacity rows kept per partition
   * @param values reads both sides' rows (input schema before, mask stage output after)
   * @param plan the plan, to attribute findings to columns
   * @param anonymity the k-anonymity transformation applied after masking (broadcast), or null
   * @param nanos sums the time tasks spend on the sample (the section's cost inside the masking pass)
   */
  UtilityTap(SparkContext sc, int capacity, long seed, RowValues values, MaskingPlan plan,
      Broadcast<AnonymityStage.RowTransform> anonymity, LongAccumulator nanos) {
    this.nanos = nanos;
    this.capacity = capacity;
    this.seed = seed;
    this.values = values;
    this.anonymity = anonymity;
    this.columnOfFinding = new int[plan.columns().size()];
    List<String> names = values.layout().names();
    for (int j = 0; j < columnOfFinding.length; j++) {
      columnOfFinding[j] = names.indexOf(UtilityStage.baseName(plan.columns().get(j).name()));
    }
    this.partials = new UtilityPartials();
    sc.register(partials, "shroud.utility.sample");
  }

  Map<Integer, UtilityAccumulator> partials() {
    return partials.value();
  }

  UtilityLayout layout() {
    return values.layout();
  }

  @Override
  public PairObserver.Partition open(int partitionId) {
    return new Reservoir(partitionId);
  }

  /** One sampled row: both sides' values (after null when the row is dropped) and its findings. */
  private record Sampled(String[][] before, String[][] after, Map<CellCount, Long> findings) {}

  private final class Reservoir implements PairObserver.Partition {
    private final int partition;
    private final Random random;
    private final List<Sampled> kept = new ArrayList<>();
    private long seen;
    private long spent;

    Reservoir(int partition) {
      this.partition = partition;
      this.random = new Random(seed * 31 + partition);
    }

    @Override
    public void accept(Row original, Row masked, RowFindings findings) {
      seen++;
      int slot;
      if (kept.size() < capacity) {
        slot = kept.size();
      } else {
        long j = (long) (random.nextDouble() * seen);
        if (j >= capacity) {
          return;
        }
        slot = (int) j;
      }
      long start = System.nanoTime();
      Row written = anonymity == null ? masked : anonymity.value().apply(masked);
      Sampled sampled = new Sampled(values.of(0, original), written == null ? null : values.of(1, written),
          Map.copyOf(findings.counts()));
      if (slot == kept.size()) {
        kept.add(sampled);
      } else {
        kept.set(slot, sampled);
      }
      spent += System.nanoTime() - start;
    }

    @Override
    public void close() {
      long start = System.nanoTime();
      UtilityAccumulator acc = new UtilityAccumulator(values.layout(), true);
      for (Sampled s : kept) {
        acc.addPair(s.before(), s.after());
        s.findings().forEach((key, n) -> {
          int id = columnOfFinding[key.column()];
          if (id >= 0) {
            acc.addSpans(id, key.typeOrNull().name(), n);
          }
        });
      }
      partials.add(new UtilityPartials.Partial(partition, acc));
      nanos.add(spent + System.nanoTime() - start);
    }
  }
}
