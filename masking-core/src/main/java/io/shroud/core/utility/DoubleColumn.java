package io.shroud.core.utility;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The numbers (or days) read from one side of one column. For a top-level column there is one slot
 * per row (NaN where the value is not a number), so columns of the same side line up row by row
 * for correlations; a leaf inside arrays just collects what it reads. Allocated at the first number.
 */
final class DoubleColumn implements Serializable {
  private double[] values = new double[0];
  private int size;
  private long count;

  /** Sets row {@code row}'s slot (top-level columns). */
  void set(long row, double value) {
    pad(row);
    append(value);
  }

  /** Appends a number (leaves inside arrays). */
  void append(double value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, Math.max(16, size * 2));
    }
    values[size++] = value;
    if (!Double.isNaN(value)) {
      count++;
    }
  }

  /** Fills NaN up to {@code rows} slots. */
  void pad(long rows) {
    while (size < rows) {
      append(Double.NaN);
    }
  }

  void appendAll(DoubleColumn other) {
    for (int i = 0; i < other.size; i++) {
      append(other.values[i]);
    }
  }

  int size() {
    return size;
  }

  double get(int i) {
    return values[i];
  }

  long count() {
    return count;
  }

  /** The numbers, sorted, without NaN. */
  double[] sorted() {
    double[] out = new double[(int) count];
    int j = 0;
    for (int i = 0; i < size; i++) {
      if (!Double.isNaN(values[i])) {
        out[j++] = values[i];
      }
    }
    Arrays.sort(out);
    return out;
  }
}
