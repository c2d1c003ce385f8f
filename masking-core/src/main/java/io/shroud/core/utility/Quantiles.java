package io.shroud.core.utility;

/** Exact quantiles of sorted numbers: the value of rank ceil(level * n). */
final class Quantiles {
  private Quantiles() {}

  static double at(double[] sorted, double level) {
    int index = (int) Math.ceil(level * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** The quantiles at every {@link Disclosure#LEVELS} level, or null without numbers. */
  static double[] all(double[] sorted) {
    if (sorted.length == 0) {
      return null;
    }
    double[] out = new double[Disclosure.LEVELS.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = at(sorted, Disclosure.LEVELS[i]);
    }
    return out;
  }
}
