package io.shroud.core.anonymity;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Result of evaluating one transformation. Classes smaller than k (or with fewer than l distinct
 * sensitive values) are suppressed whether or not the transformation satisfies the suppression limit;
 * {@code classes}, {@code smallestClass} (0 when all are suppressed) and {@code classSizeHistogram}
 * (class size → number of classes, sorted by size) describe the classes that remain.
 */
public record Evaluation(int[] levels, boolean satisfies, long suppressedRecords, int smallestClass, long classes,
    Map<Long, Long> classSizeHistogram, double entropy, double loss, double discernibility, int height) {

  public Evaluation {
    levels = levels.clone();
    classSizeHistogram = Collections.unmodifiableMap(new TreeMap<>(classSizeHistogram));
  }

  @Override
  public int[] levels() {
    return levels.clone();
  }

  /** The value of one metric (lower is better). */
  public double metricValue(Metric metric) {
    return switch (metric) {
      case ENTROPY -> entropy;
      case LOSS -> loss;
      case DISCERNIBILITY -> discernibility;
      case HEIGHT -> height;
    };
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Evaluation e && Arrays.equals(levels, e.levels) && satisfies == e.satisfies
        && suppressedRecords == e.suppressedRecords && smallestClass == e.smallestClass && classes == e.classes
        && classSizeHistogram.equals(e.classSizeHistogram) && Double.compare(entropy, e.entropy) == 0
        && Double.compare(loss, e.loss) == 0 && Double.compare(discernibility, e.discernibility) == 0
        && height == e.height;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(levels), satisfies, suppressedRecords, classes, entropy, loss);
  }

  @Override
  public String toString() {
    return "Evaluation" + Arrays.toString(levels) + "{satisfies=" + satisfies + ", suppressed=" + suppressedRecords
        + ", classes=" + classes + ", smallestClass=" + smallestClass + ", entropy=" + entropy + ", loss=" + loss
        + ", discernibility=" + discernibility + ", height=" + height + "}";
  }
}
