package io.shroud.core.policy;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to write the masked data set.
 *
 * @param path a local path or a Hadoop URI (s3a://...); for a table, its label ({@code table db.customers_masked})
 * @param format the file format ({@link DataFormat#ICEBERG} for a table)
 * @param mode files: refuse (default) or replace an existing output; tables: create, overwrite or append
 * @param options passed unchanged to Spark's writer (for example {@code compression: zstd})
 * @param tags S3 object tags for every object the run writes, in policy order (validated against
 *     {@link ObjectTagRules}); Shroud adds its own
 * @param tableOrNull the Iceberg table to write instead of a path, or null
 */
public record OutputSpec(String path, DataFormat format, WriteMode mode, Map<String, String> options,
    Map<String, String> tags, TableSpec tableOrNull) implements Serializable {
  public OutputSpec {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(mode, "mode");
    options = Map.copyOf(options);
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    if ((tableOrNull != null) != (format == DataFormat.ICEBERG)) {
      throw new IllegalArgumentException("format iceberg goes with a table, and a table with format iceberg");
    }
    if (!(tableOrNull != null ? WriteMode.TABLE_MODES : WriteMode.FILE_MODES).contains(mode)) {
      throw new IllegalArgumentException("write mode " + mode.yamlName() + " does not apply to "
          + (tableOrNull != null ? "tables" : "files"));
    }
  }

  public OutputSpec(String path, DataFormat format, WriteMode mode, Map<String, String> options,
      Map<String, String> tags) {
    this(path, format, mode, options, tags, null);
  }

  public OutputSpec(String path, DataFormat format, WriteMode mode, Map<String, String> options) {
    this(path, format, mode, options, Map.of());
  }

  /** Writes an Iceberg table. */
  public static OutputSpec ofTable(TableSpec table, WriteMode mode, Map<String, String> options) {
    return ofTable(table, mode, options, Map.of());
  }

  /** Writes an Iceberg table; {@code tags} go on the run's audit objects on S3 (the table's files are Iceberg's). */
  public static OutputSpec ofTable(TableSpec table, WriteMode mode, Map<String, String> options,
      Map<String, String> tags) {
    return new OutputSpec(table.label(), DataFormat.ICEBERG, mode, options, tags, table);
  }

  public Optional<TableSpec> table() {
    return Optional.ofNullable(tableOrNull);
  }

  /**
   * The directory tree this output writes files under: the path, or a table's location when the catalog
   * makes it known (null for a REST catalog's tables, whose location the server decides).
   */
  public String storageLocation() {
    return tableOrNull == null ? path : tableOrNull.defaultLocation().orElse(null);
  }

  public OutputSpec withPath(String newPath) {
    return new OutputSpec(newPath, format, mode, options, tags, tableOrNull);
  }

  public OutputSpec withFormat(DataFormat newFormat) {
    return new OutputSpec(path, newFormat, mode, options, tags, tableOrNull);
  }

  public OutputSpec withMode(WriteMode newMode) {
    return new OutputSpec(path, format, newMode, options, tags, tableOrNull);
  }
}
