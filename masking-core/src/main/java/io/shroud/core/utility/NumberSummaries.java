package io.shroud.core.utility;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Summaries and a shared histogram of a number column's two sides (exact, from the sample). */
final class NumberSummaries {
  private NumberSummaries() {}

  static ColumnUtility.NumericUtility of(SideAccumulator before, SideAccumulator after, int k, int bins) {
    double[] b = before == null ? null : before.numbers.sorted();
    double[] a = after == null ? null : after.numbers.sorted();
    double[] primary = b != null ? b : a;
    List<Double> edges = edges(primary, k, bins);
    ColumnUtility.Histogram histogram = edges == null ? null
        : new ColumnUtility.Histogram(edges, counts(b, edges), counts(a, edges));
    return new ColumnUtility.NumericUtility(summary(b, k), summary(a, k), histogram,
        histogram == null ? null : distance(histogram));
  }

  static ColumnUtility.Summary summary(double[] sorted, int k) {
    if (sorted == null) {
      return null;
    }
    int n = sorted.length;
    if (!Disclosure.aggregateShown(n, k)) {
      return new ColumnUtility.Summary(n, null, null, null);
    }
    double sum = 0;
    for (double v : sorted) {
      sum += v;
    }
    double mean = sum / n;
    double squares = 0;
    for (double v : sorted) {
      squares += (v - mean) * (v - mean);
    }
    Map<String, Double> quantiles = Disclosure.shownQuantiles(Quantiles.all(sorted), n, k);
    return new ColumnUtility.Summary(n, Disclosure.round(mean), n > 1 ? Disclosure.round(Math.sqrt(squares / (n - 1))) : null,
        quantiles.isEmpty() ? null : quantiles);
  }

  /** Round edges between the most extreme quantiles with at least k numbers beyond them, or null. */
  static List<Double> edges(double[] sorted, int k, int bins) {
    if (sorted == null || sorted.length == 0) {
      return null;
    }
    int low = Disclosure.lowestAllowed(sorted.length, k);
    int high = Disclosure.highestAllowed(sorted.length, k);
    if (low < 0 || high < low) {
      return null;
    }
    return NiceScale.edges(Quantiles.at(sorted, Disclosure.LEVELS[low]), Quantiles.at(sorted, Disclosure.LEVELS[high]), bins);
  }

  /** Bin 0: below the first edge; bin i: [edges[i-1], edges[i]); last bin: at or above the last edge. */
  static List<Long> counts(double[] sorted, List<Double> edges) {
    long[] counts = new long[edges.size() + 1];
    if (sorted != null) {
      for (double v : sorted) {
        int bin = 0;
        while (bin < edges.size() && v >= edges.get(bin)) {
          bin++;
        }
        counts[bin]++;
      }
    }
    List<Long> out = new ArrayList<>();
    for (long c : counts) {
      out.add(c);
    }
    return out;
  }

  /** Total variation distance between two binned distributions, or null when a side is empty. */
  static Double distance(ColumnUtility.Histogram h) {
    long nb = h.before().stream().mapToLong(Long::longValue).sum();
    long na = h.after().stream().mapToLong(Long::longValue).sum();
    if (nb == 0 || na == 0) {
      return null;
    }
    double sum = 0;
    for (int i = 0; i < h.before().size(); i++) {
      sum += Math.abs((double) h.before().get(i) / nb - (double) h.after().get(i) / na);
    }
    return Disclosure.share(sum / 2);
  }
}
