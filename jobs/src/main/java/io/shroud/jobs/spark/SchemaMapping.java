package io.shroud.jobs.spark;

import io.shroud.core.plan.ColumnInfo;
import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;

/** Translates Spark schemas into the planner's engine-neutral column descriptions. */
public final class SchemaMapping {
  private SchemaMapping() {}

  /** One entry per flat column and per leaf of nested columns (see {@link LeafPaths}). */
  public static List<ColumnInfo> columns(StructType schema) {
    return LeafPaths.leaves(schema).stream().map(LeafPaths.Leaf::info).toList();
  }

  static ColumnInfo.Kind kindOf(DataType type) {
    if (type instanceof StringType) {
      return ColumnInfo.Kind.STRING;
    }
    if (type instanceof NumericType) {
      return ColumnInfo.Kind.NUMBER;
    }
    if (type instanceof StructType || type instanceof ArrayType || type instanceof MapType) {
      return ColumnInfo.Kind.NESTED;
    }
    return ColumnInfo.Kind.OTHER_ATOMIC;
  }
}
