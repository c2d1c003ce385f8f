package io.shroud.jobs.spark;

import io.shroud.core.detect.EntityType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The findings of the row being masked, as (plan column, entity type) pairs in reused arrays: noting
 * one costs no allocation. Keyed counts ({@link CellCount}) are built only when asked for, which
 * the utility sample does for the few thousand rows it keeps, not for every row.
 */
public final class RowFindings {
  private int[] columns = new int[8];
  private EntityType[] types = new EntityType[8];
  private int size;

  void add(int column, EntityType type) {
    if (size == columns.length) {
      columns = Arrays.copyOf(columns, size * 2);
      types = Arrays.copyOf(types, size * 2);
    }
    columns[size] = column;
    types[size] = type;
    size++;
  }

  void clear() {
    Arrays.fill(types, 0, size, null);
    size = 0;
  }

  /** Findings in this row by plan column and entity type, with their counts. */
  public Map<CellCount, Long> counts() {
    if (size == 0) {
      return Map.of();
    }
    Map<CellCount, Long> counts = new HashMap<>();
    for (int i = 0; i < size; i++) {
      counts.merge(CellCount.found(columns[i], types[i]), 1L, Long::sum);
    }
    return counts;
  }
}
