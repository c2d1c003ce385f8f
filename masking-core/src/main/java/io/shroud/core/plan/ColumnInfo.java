package io.shroud.core.plan;

import java.io.Serializable;
import java.util.Objects;

/**
 * A column of the input as the planner sees it, independent of Spark.
 *
 * @param name the column name
 * @param kind the broad kind of its type
 * @param typeName the engine's type name, for messages and the audit
 */
public record ColumnInfo(String name, Kind kind, String typeName) implements Serializable {
  public ColumnInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(typeName, "typeName");
  }

  /** Broad type kinds that decide how a column can be scanned and masked. */
  public enum Kind {
    STRING,
    NUMBER,
    /** Booleans, dates, timestamps, binary: atomic values no starter detector applies to. */
    OTHER_ATOMIC,
    /** Structs, arrays, maps. */
    NESTED
  }
}
