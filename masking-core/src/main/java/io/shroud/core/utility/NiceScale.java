package io.shroud.core.utility;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Histogram edges on a round grid (steps of 1, 2, 2.5 or 5 times a power of ten), so an edge is a
 * round number of the scale and never a value copied from the data.
 */
public final class NiceScale {
  private static final double[] STEPS = {1, 2, 2.5, 5, 10};

  private NiceScale() {}

  /** At most {@code maxBins} + 1 ascending edges covering [low, high] (one bin when they are equal). */
  public static List<Double> edges(double low, double high, int maxBins) {
    if (!Double.isFinite(low) || !Double.isFinite(high) || high < low || maxBins < 1) {
      throw new IllegalArgumentException("Invalid scale [" + low + ", " + high + "] with " + maxBins + " bins");
    }
    double span = high - low;
    double step = span == 0 ? roundStep(Math.max(Math.abs(low), 1) / 10) : roundStep(span / maxBins);
    double first = Math.floor(low / step) * step;
    double last = Math.ceil(high / step) * step;
    if (last <= first) {
      last = first + step;
    }
    while ((last - first) / step > maxBins + 1e-9) {
      step = roundStep(step * 1.0001);
      first = Math.floor(low / step) * step;
      last = Math.max(Math.ceil(high / step) * step, first + step);
    }
    List<Double> edges = new ArrayList<>();
    long bins = Math.round((last - first) / step);
    for (long i = 0; i <= bins; i++) {
      edges.add(clean(first + i * step));
    }
    return edges;
  }

  /** The smallest step of the grid that is at least {@code raw}. */
  static double roundStep(double raw) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double s : STEPS) {
      if (s * magnitude >= raw * (1 - 1e-12)) {
        return clean(s * magnitude);
      }
    }
    return clean(10 * magnitude);
  }

  /** Removes binary noise such as 0.30000000000000004 from a grid value. */
  private static double clean(double value) {
    return new BigDecimal(value).round(new MathContext(12)).doubleValue();
  }
}
