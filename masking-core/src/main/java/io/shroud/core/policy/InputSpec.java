package io.shroud.core.policy;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to read the data set.
 *
 * @param path a local path or a Hadoop URI (s3a://...); for a table, its label ({@code table db.customers}),
 *     which messages and the audit show
 * @param format the file format ({@link DataFormat#ICEBERG} for a table)
 * @param options passed unchanged to Spark's reader (for example {@code sep: ";"})
 * @param onMalformed what happens to records that cannot be parsed
 * @param tagSanitized after a successful run, tag each S3 object read {@code shroud:sanitized-by=<run id>}
 *     (path inputs only)
 * @param tableOrNull the Iceberg table to read instead of a path, or null
 */
public record InputSpec(String path, DataFormat format, Map<String, String> options, OnMalformed onMalformed,
    boolean tagSanitized, TableSpec tableOrNull) implements Serializable {
  public InputSpec {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(onMalformed, "onMalformed");
    options = Map.copyOf(options);
    if ((tableOrNull != null) != (format == DataFormat.ICEBERG)) {
      throw new IllegalArgumentException("format iceberg goes with a table, and a table with format iceberg");
    }
    if (tableOrNull != null && tagSanitized) {
      throw new IllegalArgumentException("tagSanitized applies to a path input, not a table");
    }
  }

  public InputSpec(String path, DataFormat format, Map<String, String> options, OnMalformed onMalformed,
      boolean tagSanitized) {
    this(path, format, options, onMalformed, tagSanitized, null);
  }

  public InputSpec(String path, DataFormat format, Map<String, String> options, OnMalformed onMalformed) {
    this(path, format, options, onMalformed, false);
  }

  public InputSpec(String path, DataFormat format, Map<String, String> options) {
    this(path, format, options, OnMalformed.FAIL);
  }

  /** Reads an Iceberg table (its snapshot as the table says). */
  public static InputSpec ofTable(TableSpec table, Map<String, String> options) {
    return new InputSpec(table.label(), DataFormat.ICEBERG, options, OnMalformed.FAIL, false, table);
  }

  public Optional<TableSpec> table() {
    return Optional.ofNullable(tableOrNull);
  }

  public InputSpec withPath(String newPath) {
    return new InputSpec(newPath, format, options, onMalformed, tagSanitized, tableOrNull);
  }

  public InputSpec withFormat(DataFormat newFormat) {
    return new InputSpec(path, newFormat, options, onMalformed, tagSanitized, tableOrNull);
  }

  /** The same table input pinned to one snapshot. */
  public InputSpec withTable(TableSpec newTable) {
    return new InputSpec(newTable.label(), DataFormat.ICEBERG, options, onMalformed, false, newTable);
  }
}
