package io.shroud.core.utility;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The utility comparison of one Spark partition of the sample, mergeable with the others'. Rows come
 * in as the text of each column's values ({@code values[column][element]}; a null array where the
 * side lacks the column): paired (both sides of one row), or one side alone when rows are not paired.
 * Raw values stay inside: {@link UtilityFinisher} turns the merged whole into aggregates only.
 */
public final class UtilityAccumulator implements Serializable {
  private final UtilityLayout layout;
  /** Spans come from the detectors (a sanitize run), not from labels in the output. */
  final boolean detectorSpans;
  final Map<String, Long>[] spans;
  final SideAccumulator[][] sides;
  final PairAccumulator[] pairs;
  final long[] rows = new long[2];
  long paired;
  long beforeOnly;
  long afterOnly;

  public UtilityAccumulator(UtilityLayout layout) {
    this(layout, false);
  }

  /** With {@code detectorSpans}, span counts come from {@link #addSpans}, not from labels in the output. */
  @SuppressWarnings("unchecked")
  public UtilityAccumulator(UtilityLayout layout, boolean detectorSpans) {
    this.layout = layout;
    this.detectorSpans = detectorSpans;
    int n = layout.size();
    spans = new Map[n];
    sides = new SideAccumulator[2][n];
    pairs = new PairAccumulator[n];
    for (int id = 0; id < n; id++) {
      sides[0][id] = layout.inBefore().get(id) ? new SideAccumulator() : null;
      sides[1][id] = layout.inAfter().get(id) ? new SideAccumulator() : null;
      pairs[id] = new PairAccumulator();
      spans[id] = new TreeMap<>();
    }
  }

  /** Spans the detectors found in a sampled value of column {@code id}. */
  public void addSpans(int id, String type, long count) {
    spans[id].merge(type, count, Long::sum);
  }

  UtilityLayout layout() {
    return layout;
  }

  /** A row seen on both sides: each side is counted, and the values are compared pairwise. */
  public void addPair(String[][] before, String[][] after) {
    if (before == null || after == null) {
      if (before != null) {
        beforeOnly++;
        count(0, before);
      } else if (after != null) {
        afterOnly++;
        count(1, after);
      }
      return;
    }
    paired++;
    Cell[][] b = count(0, before);
    Cell[][] a = count(1, after);
    for (int id = 0; id < layout.size(); id++) {
      if (b[id] == null || a[id] == null) {
        continue;
      }
      if (b[id].length != a[id].length) {
        pairs[id].unaligned();
        continue;
      }
      for (int i = 0; i < b[id].length; i++) {
        pairs[id].add(b[id][i], a[id][i]);
      }
    }
  }

  /** A row of one side (0 before, 1 after), when rows are not paired. */
  public void addSide(int side, String[][] values) {
    count(side, values);
  }

  private Cell[][] count(int side, String[][] values) {
    long row = rows[side]++;
    Cell[][] cells = new Cell[layout.size()][];
    for (int id = 0; id < layout.size(); id++) {
      SideAccumulator acc = sides[side][id];
      if (acc == null || values[id] == null) {
        continue;
      }
      cells[id] = new Cell[values[id].length];
      for (int i = 0; i < values[id].length; i++) {
        cells[id][i] = Cell.of(values[id][i]);
        acc.add(cells[id][i], row, layout.flat().get(id));
      }
    }
    return cells;
  }

  /** Adds another partition's results to this one (top-level columns stay aligned row by row). */
  public UtilityAccumulator merge(UtilityAccumulator other) {
    for (int side = 0; side < 2; side++) {
      for (int id = 0; id < layout.size(); id++) {
        if (sides[side][id] != null) {
          sides[side][id].merge(other.sides[side][id], rows[side], other.rows[side], layout.flat().get(id));
        }
      }
    }
    for (int id = 0; id < layout.size(); id++) {
      pairs[id].merge(other.pairs[id]);
      Map<String, Long> mine = spans[id];
      other.spans[id].forEach((type, n) -> mine.merge(type, n, Long::sum));
    }
    rows[0] += other.rows[0];
    rows[1] += other.rows[1];
    paired += other.paired;
    beforeOnly += other.beforeOnly;
    afterOnly += other.afterOnly;
    return this;
  }

  /** Rows seen on one side. */
  public long rows(int side) {
    return rows[side];
  }
}
