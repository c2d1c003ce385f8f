package io.shroud.jobs.spark;

import io.shroud.core.detect.EntityType;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * What one of the masking stage's counters counts, in one plan column: the findings of one entity
 * type, or the cells whose value masking changed. Counts only, never values.
 *
 * @param column the plan column's index
 * @param typeOrNull the entity type found, or null for the column's masked cells
 */
public record CellCount(int column, EntityType typeOrNull) implements Serializable {
  public CellCount {
    if (column < 0) {
      throw new IllegalArgumentException("column must not be negative, got " + column);
    }
  }

  /** Findings of {@code type} in {@code column}. */
  public static CellCount found(int column, EntityType type) {
    return new CellCount(column, Objects.requireNonNull(type, "type"));
  }

  /** Cells masked in {@code column}. */
  public static CellCount masked(int column) {
    return new CellCount(column, null);
  }

  /** The entity type found; empty for the masked-cells count. */
  public Optional<EntityType> type() {
    return Optional.ofNullable(typeOrNull);
  }

  public boolean isMaskedCells() {
    return typeOrNull == null;
  }
}
