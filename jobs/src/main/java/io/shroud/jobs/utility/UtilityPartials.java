package io.shroud.jobs.utility;

import io.shroud.core.utility.UtilityAccumulator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;

/**
 * Carries each partition's utility partial result from the masking tasks to the driver, keyed by
 * partition: a retried or recomputed partition replaces its earlier result instead of counting twice.
 * The partials hold sampled values, like the profiling sample: they live in memory only and nothing
 * but the finished aggregates is ever written.
 */
final class UtilityPartials extends AccumulatorV2<UtilityPartials.Partial, Map<Integer, UtilityAccumulator>> {
  /** One partition's result. */
  record Partial(int partition, UtilityAccumulator accumulator) {}

  private final TreeMap<Integer, UtilityAccumulator> partials = new TreeMap<>();

  @Override
  public boolean isZero() {
    synchronized (partials) {
      return partials.isEmpty();
    }
  }

  @Override
  public AccumulatorV2<Partial, Map<Integer, UtilityAccumulator>> copy() {
    UtilityPartials copy = new UtilityPartials();
    synchronized (partials) {
      copy.partials.putAll(partials);
    }
    return copy;
  }

  @Override
  public void reset() {
    synchronized (partials) {
      partials.clear();
    }
  }

  @Override
  public void add(Partial partial) {
    synchronized (partials) {
      partials.put(partial.partition(), partial.accumulator());
    }
  }

  @Override
  public void merge(AccumulatorV2<Partial, Map<Integer, UtilityAccumulator>> other) {
    Map<Integer, UtilityAccumulator> more = other.value();
    synchronized (partials) {
      partials.putAll(more);
    }
  }

  @Override
  public Map<Integer, UtilityAccumulator> value() {
    synchronized (partials) {
      return new TreeMap<>(partials);
    }
  }
}
