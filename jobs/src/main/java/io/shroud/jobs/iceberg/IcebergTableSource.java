package io.shroud.jobs.iceberg;

import io.shroud.core.UsageException;
import io.shroud.core.policy.InputSpec;
import io.shroud.core.policy.TableSpec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.util.SnapshotUtil;
import org.apache.spark.sql.SparkSession;

/**
 * An input table pinned to one snapshot at the start of the run: the current snapshot, the one asked for by id,
 * or the one current at {@code asOf}. The run reads exactly that snapshot and the audit records its id, so the
 * run can be repeated on the same data however the table moves on.
 */
public final class IcebergTableSource {
  private final TableSpec requested;
  private final TableSpec pinned;
  private final long snapshotTimestampMillis;
  private final String location;
  private final TableLayout layout;

  private IcebergTableSource(TableSpec requested, TableSpec pinned, long snapshotTimestampMillis, String location,
      TableLayout layout) {
    this.requested = requested;
    this.pinned = pinned;
    this.snapshotTimestampMillis = snapshotTimestampMillis;
    this.location = location;
    this.layout = layout;
  }

  /** Loads the table and resolves the snapshot to read; a missing table or snapshot is a usage error (exit 2). */
  public static IcebergTableSource resolve(SparkSession spark, InputSpec input) {
    TableSpec spec = input.table().orElseThrow();
    Table table;
    try {
      table = IcebergSession.catalog(spark, spec.catalog()).loadTable(IcebergSession.identifier(spec));
    } catch (NoSuchTableException e) {
      throw new UsageException("Cannot read input table " + spec.identifier() + ": it does not exist in "
          + IcebergSession.describe(spec.catalog()));
    }
    Snapshot snapshot;
    if (spec.snapshotId().isPresent()) {
      snapshot = table.snapshot(spec.snapshotId().get());
      if (snapshot == null) {
        throw new UsageException("Cannot read input table " + spec.identifier() + " at snapshot " + spec.snapshotId().get()
            + ": the table has no such snapshot (it may have been expired); current snapshot: "
            + (table.currentSnapshot() == null ? "none" : table.currentSnapshot().snapshotId()));
      }
    } else if (spec.asOf().isPresent()) {
      Long id = SnapshotUtil.nullableSnapshotIdAsOfTime(table, spec.asOf().get().toEpochMilli());
      if (id == null) {
        throw new UsageException("Cannot read input table " + spec.identifier() + " as of " + spec.asOf().get()
            + ": the table has no snapshot that old");
      }
      snapshot = table.snapshot(id);
    } else {
      snapshot = table.currentSnapshot();
      if (snapshot == null) {
        throw new UsageException("Cannot read input table " + spec.identifier() + ": it has no snapshot (no data was "
            + "ever committed to it)");
      }
    }
    // The layout as of the snapshot read: its schema names the partition and sort columns.
    var schema = snapshot.schemaId() == null ? table.schema() : table.schemas().get(snapshot.schemaId());
    TableLayout layout = TableLayout.of(schema, table.spec(), table.sortOrder());
    return new IcebergTableSource(spec, spec.withSnapshot(snapshot.snapshotId()), snapshot.timestampMillis(),
        table.location(), layout);
  }

  /** The input with its snapshot pinned. */
  public InputSpec pinned(InputSpec input) {
    return input.withTable(pinned);
  }

  public String identifier() {
    return pinned.identifier();
  }

  public long snapshotId() {
    return pinned.snapshotId().orElseThrow();
  }

  TableLayout layout() {
    return layout;
  }

  /** The audit's input entries: table, catalog, the snapshot read and how it was chosen. */
  public Map<String, String> toAudit() {
    Map<String, String> audit = new LinkedHashMap<>();
    audit.put("table", pinned.identifier());
    audit.put("catalog", pinned.catalog().type().yamlName());
    pinned.catalog().warehouse().ifPresent(w -> audit.put("warehouse", w));
    audit.put("location", location);
    audit.put("snapshotId", String.valueOf(snapshotId()));
    audit.put("snapshotCommittedAt", Instant.ofEpochMilli(snapshotTimestampMillis).toString());
    audit.put("snapshotRequested", requested.snapshotId().map(id -> "snapshot " + id)
        .or(() -> requested.asOf().map(t -> "as of " + t)).orElse("current"));
    return audit;
  }
}
