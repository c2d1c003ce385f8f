package io.shroud.jobs.spark;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.util.AccumulatorV2;

/**
 * Sums counts by key across tasks (findings per column and type, malformed rows per file). Counts
 * only, never values. As with every Spark accumulator updated in a transformation, a retried task
 * can count twice; the audit says so.
 */
public final class CountersAccumulator extends AccumulatorV2<Map<String, Long>, Map<String, Long>> {
  private final HashMap<String, Long> counts = new HashMap<>();

  @Override
  public boolean isZero() {
    synchronized (counts) {
      return counts.isEmpty();
    }
  }

  @Override
  public AccumulatorV2<Map<String, Long>, Map<String, Long>> copy() {
    CountersAccumulator copy = new CountersAccumulator();
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
  public void add(Map<String, Long> more) {
    synchronized (counts) {
      more.forEach((k, v) -> counts.merge(k, v, Long::sum));
    }
  }

  @Override
  public void merge(AccumulatorV2<Map<String, Long>, Map<String, Long>> other) {
    add(other.value());
  }

  @Override
  public Map<String, Long> value() {
    synchronized (counts) {
      return new HashMap<>(counts);
    }
  }
}
