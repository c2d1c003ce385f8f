package io.shroud.jobs.iceberg;

import io.shroud.core.UsageException;
import java.util.Arrays;
import java.util.Optional;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Whether masked rows fit an existing table: the same columns with the same types (nullability aside). Checked
 * before writing, so a mismatch (a {@code hash} that turned a number into a string) is a clear usage error
 * rather than a failed Spark write, and the table's schema never changes behind its owner's back.
 */
final class TableSchemaFit {
  private TableSchemaFit() {}

  static void require(String table, StructType existing, StructType masked) {
    for (StructField field : masked.fields()) {
      Optional<StructField> current = field(existing, field.name());
      if (current.isEmpty()) {
        throw new UsageException("Cannot write to table " + table + ": the masked output has column '" + field.name()
            + "', which the table does not (nothing was written)");
      }
      if (!current.get().dataType().sameType(field.dataType())) {
        throw new UsageException("Cannot write to table " + table + ": column '" + field.name() + "' is "
            + current.get().dataType().simpleString() + " in the table and " + field.dataType().simpleString()
            + " after masking (nothing was written)");
      }
    }
    for (StructField field : existing.fields()) {
      if (field(masked, field.name()).isEmpty()) {
        throw new UsageException("Cannot write to table " + table + ": the table has column '" + field.name()
            + "', which the masked output does not (nothing was written)");
      }
    }
  }

  private static Optional<StructField> field(StructType type, String name) {
    return Arrays.stream(type.fields()).filter(f -> f.name().equals(name)).findFirst();
  }
}
