package io.shroud.jobs.spark;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.util.AccumulatorV2;

/**
 * Sums counts by key across tasks (findings per column and type as {@link CellCount}, malformed rows
 * per file). Counts only, never values. As with every Spark accumulator updated in a transformation, a
 * retried task can count twice; the audit says so.
 *
 * @param <K> what is counted
 */
public final class CountersAccumulator<K> extends AccumulatorV2<Map<K, Long>, Map<K, Long>> {
  private final HashMap<K, Long> counts = new HashMap<>();

  @Override
  public boolean isZero() {
    synchronized (counts) {
      return counts.isEmpty();
    }
  }

  @Override
  public AccumulatorV2<Map<K, Long>, Map<K, Long>> copy() {
    CountersAccumulator<K> copy = new CountersAccumulator<>();
    synchronized (counts) {
      copy.counts.putAll(counts);
    }
    return copy;
  }

  @Override
  public void reset() {
    synchronized (counts) {
      counts.clear();
    }
  }

  @Override
  public void add(Map<K, Long> more) {
    synchronized (counts) {
      more.forEach((k, v) -> counts.merge(k, v, Long::sum));
    }
  }

  @Override
  public void merge(AccumulatorV2<Map<K, Long>, Map<K, Long>> other) {
    add(other.value());
  }

  @Override
  public Map<K, Long> value() {
    synchronized (counts) {
      return new HashMap<>(counts);
    }
  }
}
