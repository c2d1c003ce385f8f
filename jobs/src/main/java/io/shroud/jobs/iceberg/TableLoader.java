package io.shroud.jobs.iceberg;

import io.shroud.core.UsageException;
import io.shroud.core.policy.CatalogSpec;
import io.shroud.core.policy.TableSpec;
import io.shroud.jobs.spark.InputReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Loads a data file into an Iceberg table ({@code shroud table load}) and lists a table's snapshots
 * ({@code shroud table snapshots}): the setup and inspection steps around a table run, for local trials.
 */
public final class TableLoader {
  private TableLoader() {}

  /** One snapshot, for listing: nothing in it comes from the data. */
  public record SnapshotInfo(long id, Long parentId, String committedAt, String operation, boolean current,
      String addedRecords, String totalRecords, String shroudRunId) {}

  /**
   * Creates {@code table} (partitioned by identity of {@code partitionBy}) from the rows of {@code input}, or with
   * {@code append} adds them to the existing table as a new snapshot. Returns the new snapshot's id.
   */
  public static long load(SparkSession spark, TableSpec table, InputReader.Input input, List<String> partitionBy,
      boolean append) {
    // Cached: Spark refuses a query on the corrupt-record column alone over raw files, and the rows are read twice.
    Dataset<Row> frame = input.frame().cache();
    if (input.hasCorruptColumn()) {
      long malformed = frame.filter(functions.col(InputReader.CORRUPT_COLUMN).isNotNull()).count();
      if (malformed > 0) {
        throw new UsageException("Cannot load table " + table.identifier() + ": the file has " + malformed
            + " malformed record(s); nothing was written");
      }
    }
    Dataset<Row> rows = frame.select(Arrays.stream(input.dataSchema().fieldNames())
        .map(functions::col).toArray(Column[]::new));
    Catalog catalog = IcebergSession.catalog(spark, table.catalog());
    TableIdentifier id = IcebergSession.identifier(table);
    boolean exists = catalog.tableExists(id);
    if (exists && !append) {
      throw new UsageException("Cannot load table " + table.identifier() + ": it already exists in "
          + IcebergSession.describe(table.catalog()) + "; pass --append to add the rows as a new snapshot");
    }
    if (!exists && append) {
      throw new UsageException("Cannot append to table " + table.identifier() + ": it does not exist in "
          + IcebergSession.describe(table.catalog()));
    }
    if (!exists) {
      Schema schema = SparkSchemaUtil.convert(rows.schema());
      PartitionSpec.Builder spec = PartitionSpec.builderFor(schema);
      for (String column : partitionBy) {
        if (schema.findField(column) == null) {
          throw new UsageException("Cannot partition table " + table.identifier() + " by '" + column
              + "': the file has no such column (columns: " + String.join(", ", rows.columns()) + ")");
        }
        spec.identity(column);
      }
      var builder = catalog.buildTable(id, schema).withPartitionSpec(spec.build());
      if (table.catalog().type() == CatalogSpec.Type.GLUE) {
        builder = builder.withLocation(table.defaultLocation().orElseThrow());
      }
      builder.create();
    } else if (!partitionBy.isEmpty()) {
      throw new UsageException("Cannot partition table " + table.identifier() + ": it exists already "
          + "(--partition-by applies when the table is created)");
    }
    try {
      rows.writeTo(IcebergCatalogs.qualified(spark, table)).append();
    } catch (AnalysisException e) {
      throw new UsageException("Cannot append to table " + table.identifier() + ": " + e.getSimpleMessage());
    } finally {
      frame.unpersist();
    }
    return catalog.loadTable(id).currentSnapshot().snapshotId();
  }

  /** The table's snapshots, oldest first. */
  public static List<SnapshotInfo> snapshots(SparkSession spark, TableSpec table) {
    Table t;
    try {
      t = IcebergSession.catalog(spark, table.catalog()).loadTable(IcebergSession.identifier(table));
    } catch (NoSuchTableException e) {
      throw new UsageException("Cannot list table " + table.identifier() + ": it does not exist in "
          + IcebergSession.describe(table.catalog()));
    }
    Long current = t.currentSnapshot() == null ? null : t.currentSnapshot().snapshotId();
    List<SnapshotInfo> result = new ArrayList<>();
    List<Snapshot> snapshots = new ArrayList<>();
    t.snapshots().forEach(snapshots::add);
    snapshots.sort(Comparator.comparingLong(Snapshot::timestampMillis).thenComparingLong(Snapshot::sequenceNumber));
    for (Snapshot s : snapshots) {
      Map<String, String> summary = new LinkedHashMap<>(s.summary());
      result.add(new SnapshotInfo(s.snapshotId(), s.parentId(), Instant.ofEpochMilli(s.timestampMillis()).toString(),
          s.operation(), current != null && current == s.snapshotId(), summary.getOrDefault("added-records", "0"),
          summary.getOrDefault("total-records", "?"), summary.get(IcebergTableSink.RUN_ID)));
    }
    return result;
  }
}
