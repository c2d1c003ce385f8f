package io.shroud.core.plan;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A column of the input as the planner sees it, independent of Spark. Nested data is flattened into
 * one entry per leaf field, named by its path ({@code customer.email}, {@code messages[].content},
 * {@code attributes{}} for map values), so rules, profiles, plans and the audit work per path.
 *
 * @param name the column name, or the leaf's path in nested data
 * @param kind the broad kind of its type
 * @param typeName the engine's type name, for messages and the audit
 * @param topLevel the top-level column that holds it (its own name for a flat column)
 * @param ancestors the paths of the containers around a nested leaf, outermost first (starting with
 *     {@code topLevel}); empty for a flat column. A rule on any of them applies to the leaf.
 * @param nullable whether the field may hold null
 */
public record ColumnInfo(String name, Kind kind, String typeName, String topLevel, List<String> ancestors,
    boolean nullable) implements Serializable {
  public ColumnInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(typeName, "typeName");
    Objects.requireNonNull(topLevel, "topLevel");
    ancestors = List.copyOf(ancestors);
  }

  /** A flat (top-level, non-nested) column. */
  public ColumnInfo(String name, Kind kind, String typeName) {
    this(name, kind, typeName, name, List.of(), true);
  }

  /** Whether this is a leaf inside a struct, array or map rather than a top-level column. */
  public boolean nested() {
    return !ancestors.isEmpty();
  }

  /** Broad type kinds that decide how a column can be scanned and masked. */
  public enum Kind {
    STRING,
    NUMBER,
    /** Booleans, dates, timestamps, binary: atomic values no starter detector applies to. */
    OTHER_ATOMIC,
    /** Structs, arrays, maps (only for containers without leaves; others are flattened). */
    NESTED
  }
}
