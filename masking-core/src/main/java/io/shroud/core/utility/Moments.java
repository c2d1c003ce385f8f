package io.shroud.core.utility;

import java.io.Serializable;

/**
 * Co-moments of pairs (x, y), updated and merged in the numerically stable way (Welford; Chan et
 * al. for merging): Pearson correlation and mean absolute difference, exact, across partitions.
 */
final class Moments implements Serializable {
  private long n;
  private double meanX;
  private double meanY;
  private double m2x;
  private double m2y;
  private double cxy;
  private double absDiff;

  void add(double x, double y) {
    n++;
    double dx = x - meanX;
    meanX += dx / n;
    double dy = y - meanY;
    meanY += dy / n;
    m2x += dx * (x - meanX);
    m2y += dy * (y - meanY);
    cxy += dx * (y - meanY);
    absDiff += Math.abs(y - x);
  }

  void merge(Moments o) {
    if (o.n == 0) {
      return;
    }
    if (n == 0) {
      n = o.n;
      meanX = o.meanX;
      meanY = o.meanY;
      m2x = o.m2x;
      m2y = o.m2y;
      cxy = o.cxy;
      absDiff = o.absDiff;
      return;
    }
    long total = n + o.n;
    double dx = o.meanX - meanX;
    double dy = o.meanY - meanY;
    double weight = (double) n * o.n / total;
    m2x += o.m2x + dx * dx * weight;
    m2y += o.m2y + dy * dy * weight;
    cxy += o.cxy + dx * dy * weight;
    meanX += dx * o.n / total;
    meanY += dy * o.n / total;
    absDiff += o.absDiff;
    n = total;
  }

  long n() {
    return n;
  }

  Double meanAbsoluteDifference() {
    return n == 0 ? null : absDiff / n;
  }

  /** Pearson's r, or null when either side does not vary. */
  Double correlation() {
    if (n < 2 || m2x <= 0 || m2y <= 0) {
      return null;
    }
    double r = cxy / Math.sqrt(m2x * m2y);
    return Double.isFinite(r) ? Math.max(-1, Math.min(1, r)) : null;
  }
}
