package io.shroud.core.anonymity;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * k, l, suppression limit and metric. A transformation satisfies them when the records in
 * equivalence classes smaller than k, or with fewer than l distinct sensitive values, number at most
 * floor(maxSuppression × N); those records are suppressed. The floor is taken on the decimal value of
 * maxSuppression (0.29 × 100 = 29, not 28.999...).
 */
public record AnonymityRequirements(int k, double maxSuppression, Metric metric, int l) implements Serializable {

  public AnonymityRequirements {
    if (k < 1) {
      throw new IllegalArgumentException("Invalid k " + k + ": must be >= 1");
    }
    if (!(maxSuppression >= 0 && maxSuppression <= 1)) {
      throw new IllegalArgumentException("Invalid maxSuppression " + maxSuppression + ": must be within [0, 1]");
    }
    if (metric == null) {
      throw new IllegalArgumentException("Invalid metric: null");
    }
    if (l < 1) {
      throw new IllegalArgumentException("Invalid l " + l + ": must be >= 1");
    }
  }

  /** k-anonymity only (l = 1). */
  public AnonymityRequirements(int k, double maxSuppression, Metric metric) {
    this(k, maxSuppression, metric, 1);
  }

  /** The most records a satisfying transformation may suppress. */
  public long suppressionBudget(long records) {
    return BigDecimal.valueOf(maxSuppression)
        .multiply(BigDecimal.valueOf(records))
        .setScale(0, RoundingMode.FLOOR)
        .longValueExact();
  }
}
