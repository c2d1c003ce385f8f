package io.shroud.core.utility;

import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One side (before or after) of one column, over the sample: counts, an approximate distinct count,
 * numbers and days (for quantiles, histograms and correlations), calendar resolutions, lengths,
 * tokens, Shroud labels, and exact value counts up to {@link #MAX_VALUES} distinct values.
 */
final class SideAccumulator implements Serializable {
  /** Beyond this many distinct values a column is not compared value by value (ids, free text). */
  static final int MAX_VALUES = 20_000;
  /** A value longer than this is text, not a category: its column is not compared value by value. */
  static final int MAX_CATEGORY_LENGTH = 256;
  static final String[] RESOLUTIONS = {CellReader.TIME, CellReader.DAY, CellReader.MONTH, CellReader.QUARTER,
    CellReader.YEAR, CellReader.SUPPRESSED};
  /** Bin 0 holds empty texts, bin i lengths in [2^(i-1), 2^i). */
  static final int LENGTH_BINS = 33;

  long values;
  long nonNull;
  long tokens;
  long lengthSum;
  final long[] resolutions = new long[RESOLUTIONS.length];
  final long[] lengthBins = new long[LENGTH_BINS];
  final Distinct distinct = new Distinct();
  final DoubleColumn numbers = new DoubleColumn();
  final DoubleColumn days = new DoubleColumn();
  /** Value counts, or null once there are too many distinct values. */
  Map<String, Long> counts = new HashMap<>();
  final Map<String, Long> labels = new LinkedHashMap<>();

  /** One value; {@code row} is the side's row number, for top-level columns ({@code flat}). */
  void add(Cell cell, long row, boolean flat) {
    String text = cell.text();
    values++;
    if (text == null) {
      if (flat) {
        numbers.pad(row + 1);
        days.pad(row + 1);
      }
      return;
    }
    nonNull++;
    distinct.add(text);
    int length = text.length();
    lengthSum += length;
    lengthBins[length == 0 ? 0 : Math.min(LENGTH_BINS - 1, 32 - Integer.numberOfLeadingZeros(length))]++;
    tokens += CellReader.tokens(text);
    Double number = cell.number();
    String resolution = cell.resolution();
    Integer day = cell.day();
    if (resolution != null) {
      for (int i = 0; i < RESOLUTIONS.length; i++) {
        if (RESOLUTIONS[i].equals(resolution)) {
          resolutions[i]++;
        }
      }
    }
    if (flat) {
      numbers.set(row, number == null ? Double.NaN : number);
      days.set(row, day == null ? Double.NaN : day);
    } else {
      if (number != null) {
        numbers.append(number);
      }
      if (day != null) {
        days.append(day);
      }
    }
    if (counts != null) {
      counts.merge(text, 1L, Long::sum);
      if (counts.size() > MAX_VALUES || length > MAX_CATEGORY_LENGTH) {
        counts = null; // memory stays bounded whatever the sample holds (documents, ids)
      }
    }
    if (text.indexOf('<') >= 0) {
      TextDiff.labels(text).forEach((type, n) -> labels.merge(type, (long) n, Long::sum));
    }
  }

  /** Appends another partition's side; {@code rows}/{@code otherRows} are the sides' row counts (top-level padding). */
  void merge(SideAccumulator o, long rows, long otherRows, boolean flat) {
    values += o.values;
    nonNull += o.nonNull;
    tokens += o.tokens;
    lengthSum += o.lengthSum;
    for (int i = 0; i < resolutions.length; i++) {
      resolutions[i] += o.resolutions[i];
    }
    for (int i = 0; i < lengthBins.length; i++) {
      lengthBins[i] += o.lengthBins[i];
    }
    distinct.merge(o.distinct);
    if (flat) {
      numbers.pad(rows);
      days.pad(rows);
      o.numbers.pad(otherRows);
      o.days.pad(otherRows);
    }
    numbers.appendAll(o.numbers);
    days.appendAll(o.days);
    if (counts != null && o.counts != null) {
      o.counts.forEach((v, n) -> counts.merge(v, n, Long::sum));
      if (counts.size() > MAX_VALUES) {
        counts = null;
      }
    } else {
      counts = null;
    }
    o.labels.forEach((type, n) -> labels.merge(type, n, Long::sum));
  }

  Map<String, Long> resolutionCounts() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < RESOLUTIONS.length; i++) {
      if (resolutions[i] > 0) {
        out.put(RESOLUTIONS[i], resolutions[i]);
      }
    }
    return out;
  }

  double numberShare() {
    return nonNull == 0 ? 0 : (double) numbers.count() / nonNull;
  }

  double dateShare() {
    return nonNull == 0 ? 0 : (double) (resolutions[0] + resolutions[1]) / nonNull;
  }

  Double meanTokens() {
    return nonNull == 0 ? null : (double) tokens / nonNull;
  }

  Double meanLength() {
    return nonNull == 0 ? null : (double) lengthSum / nonNull;
  }
}
