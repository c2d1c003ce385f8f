package io.shroud.jobs.iceberg;

import io.shroud.connectors.audit.FileDigester;
import io.shroud.core.ShroudException;
import io.shroud.core.ShroudVersion;
import io.shroud.core.UsageException;
import io.shroud.core.policy.CatalogSpec;
import io.shroud.core.policy.OutputSpec;
import io.shroud.core.policy.TableSpec;
import io.shroud.core.policy.WriteMode;
import io.shroud.core.plan.MaskingPlan;
import io.shroud.jobs.spark.InputReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.iceberg.util.SnapshotUtil;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * Writes the masked rows as one new snapshot of an Iceberg table, published only after the residual rescan and
 * the anonymity re-check have passed. Write-audit-publish: the table has {@code write.wap.enabled}, the write runs
 * with {@code spark.wap.id} set, so Iceberg commits the snapshot <em>staged</em> (in the table's metadata, not
 * its current state: readers see nothing); the checks read that staged snapshot; {@link #publish()} cherry-picks
 * it and records the run in the table's properties in one transaction. {@link #abort()} expires the staged
 * snapshot (deleting its files) or drops a table this run created, so a failed run leaves no snapshot behind.
 */
public final class IcebergTableSink {
  static final String RUN_ID = "shroud.run-id";
  static final String POLICY_SHA256 = "shroud.policy-sha256";
  static final String VERSION = "shroud.version";
  static final String SOURCE = "shroud.source";

  private final SparkSession spark;
  private final OutputSpec output;
  private final TableSpec spec;
  private final String runId;
  private final String policyDigest;
  private final String sourceLabel;
  private final Optional<IcebergTableSource> source;
  private final Catalog catalog;
  private final TableIdentifier id;
  private boolean existed;
  private boolean created;
  private Long parentSnapshotId;
  private Long stagedSnapshotId;
  private Long publishedSnapshotId;
  /** Set once Iceberg committed the publish: from then on nothing may be undone. */
  private boolean published;
  private TableLayout layout = TableLayout.NONE;
  private String location;

  /**
   * @param sourceLabel what was read (the input path, or table and snapshot), recorded in the table's properties
   * @param source the input table, whose partition spec and sort order a new table takes over, if the input is one
   */
  public IcebergTableSink(SparkSession spark, OutputSpec output, String runId, String policyDigest, String sourceLabel,
      Optional<IcebergTableSource> source) {
    this.spark = spark;
    this.output = output;
    this.spec = output.table().orElseThrow();
    this.runId = runId;
    this.policyDigest = policyDigest;
    this.sourceLabel = sourceLabel;
    this.source = source;
    this.catalog = IcebergSession.catalog(spark, spec.catalog());
    this.id = IcebergSession.identifier(spec);
  }

  /** Refuses what the mode forbids (an existing table to create, a missing one to append to). Call before any work. */
  public void checkTarget() {
    existed = catalog.tableExists(id);
    String where = IcebergSession.describe(spec.catalog());
    if (existed && output.mode() == WriteMode.CREATE) {
      throw new UsageException("Cannot create table " + spec.identifier() + ": it already exists in " + where
          + "; set output.mode: overwrite or append (or pass --overwrite) to write a new snapshot of it");
    }
    if (!existed && output.mode() == WriteMode.APPEND) {
      throw new UsageException("Cannot append to table " + spec.identifier() + ": it does not exist in " + where
          + "; set output.mode: create (or overwrite) for the first run");
    }
    if (!existed && spec.catalog().type() == CatalogSpec.Type.GLUE && catalog instanceof SupportsNamespaces namespaces
        && !namespaces.namespaceExists(Namespace.of(spec.namespace().toArray(String[]::new)))) {
      throw new UsageException("Cannot create table " + spec.identifier() + ": database '" + spec.namespace().get(0)
          + "' does not exist in the Glue Data Catalog; create it first (aws glue create-database)");
    }
    if (existed) {
      Table table = catalog.loadTable(id);
      layout = TableLayout.of(table.schema(), table.spec(), table.sortOrder());
      location = table.location();
    } else {
      layout = source.map(IcebergTableSource::layout).orElse(TableLayout.NONE);
    }
  }

  /** Refuses a partition or sort column that masking would change, before anything is written. */
  public void checkLayout(MaskingPlan plan) {
    if (existed) {
      layout.requireUnmasked(plan, "table " + spec.identifier());
    } else if (source.isPresent()) {
      layout.requireUnmasked(plan, "input table " + source.get().identifier());
    }
  }

  /** Writes the rows as a staged snapshot (creating the table first when it does not exist). */
  public void write(Dataset<Row> masked) {
    Table table = existed ? prepareExisting(masked.schema()) : create(masked.schema());
    Snapshot parent = table.currentSnapshot();
    parentSnapshotId = parent == null ? null : parent.snapshotId();
    String wapId = "shroud-" + runId;
    Map<String, String> options = new HashMap<>(output.options());
    options.put("snapshot-property." + RUN_ID, runId);
    options.put("snapshot-property." + POLICY_SHA256, policyDigest);
    spark.conf().set("spark.wap.id", wapId);
    try {
      var writer = masked.writeTo(IcebergCatalogs.qualified(spark, spec)).options(options);
      if (output.mode() == WriteMode.OVERWRITE && parent != null) {
        writer.overwrite(functions.lit(true));
      } else {
        writer.append();
      }
    } catch (AnalysisException e) {
      throw new UsageException("Cannot write to table " + spec.identifier() + ": " + firstLine(e.getSimpleMessage()));
    } finally {
      spark.conf().unset("spark.wap.id");
    }
    table.refresh();
    for (Snapshot snapshot : table.snapshots()) {
      if (wapId.equals(snapshot.summary().get(SnapshotSummary.STAGED_WAP_ID_PROP))) {
        stagedSnapshotId = snapshot.snapshotId();
      }
    }
    Long current = table.currentSnapshot() == null ? null : table.currentSnapshot().snapshotId();
    if (stagedSnapshotId == null || (current != null && current.equals(stagedSnapshotId))) {
      throw new ShroudException("Cannot stage the write to table " + spec.identifier() + ": Iceberg did not keep it as "
          + "a staged (write-audit-publish) snapshot; nothing was published");
    }
  }

  /** The rows of the staged snapshot this run wrote (for append: only the rows it added), for the checks. */
  public InputReader.Input staged() {
    var reader = spark.read().format("iceberg");
    if (output.mode() == WriteMode.APPEND && parentSnapshotId != null) {
      reader = reader.option("start-snapshot-id", String.valueOf(parentSnapshotId))
          .option("end-snapshot-id", String.valueOf(stagedSnapshotId));
    } else {
      reader = reader.option("snapshot-id", String.valueOf(stagedSnapshotId));
    }
    Dataset<Row> frame = reader.load(IcebergCatalogs.qualified(spark, spec));
    return new InputReader.Input(frame.schema(), frame.withColumn(InputReader.FILE_COLUMN, functions.input_file_name()),
        false);
  }

  /** Makes the staged snapshot the table's current one and records the run in the table's properties, atomically. */
  public long publish() {
    Table table = catalog.loadTable(id);
    try {
      Transaction tx = table.newTransaction();
      tx.manageSnapshots().cherrypick(stagedSnapshotId).commit();
      tx.updateProperties().set(RUN_ID, runId).set(POLICY_SHA256, policyDigest).set(VERSION, ShroudVersion.get())
          .set(SOURCE, sourceLabel).commit();
      tx.commitTransaction();
    } catch (ValidationException e) {
      throw new ShroudException("Cannot publish table " + spec.identifier() + ": it changed while the run was writing ("
          + firstLine(e.getMessage()) + "); nothing was published, run again");
    }
    published = true;
    table.refresh();
    // The staged snapshot itself (fast-forward), or its cherry-picked copy on top of a commit made meanwhile.
    for (Snapshot s : SnapshotUtil.currentAncestors(table)) {
      if (s.snapshotId() == stagedSnapshotId
          || String.valueOf(stagedSnapshotId).equals(s.summary().get(SnapshotSummary.SOURCE_SNAPSHOT_ID_PROP))) {
        publishedSnapshotId = s.snapshotId();
        break;
      }
    }
    if (publishedSnapshotId == null) {
      throw new ShroudException("Cannot confirm the publish of table " + spec.identifier() + ": the snapshot this run "
          + "staged (" + stagedSnapshotId + ") is not in the table's history after the commit");
    }
    location = table.location();
    return publishedSnapshotId;
  }

  /** The table's location (known once the target was checked, for an existing table, or once created). */
  public String location() {
    return location;
  }

  public long publishedSnapshotId() {
    return publishedSnapshotId;
  }

  /** The data files the published snapshot added, relative to the table's location, with their sizes, by path. */
  public List<FileDigester.OutputFile> publishedDataFiles() {
    Table table = catalog.loadTable(id);
    String root = table.location().endsWith("/") ? table.location() : table.location() + "/";
    List<FileDigester.OutputFile> files = new ArrayList<>();
    for (DataFile file : table.snapshot(publishedSnapshotId).addedDataFiles(table.io())) {
      String path = file.location();
      if (!path.startsWith(root)) {
        throw new ShroudException("Cannot list the files of table " + spec.identifier() + ": data file " + path
            + " is outside the table's location " + table.location());
      }
      files.add(new FileDigester.OutputFile(path.substring(root.length()), file.fileSizeInBytes()));
    }
    files.sort(Comparator.comparing(FileDigester.OutputFile::relativePath));
    return files;
  }

  /** After a failure: removes the staged snapshot and its files, or the table this run created. Never throws. */
  public void abort() {
    if (published) {
      return;
    }
    try {
      if (created) {
        catalog.dropTable(id, true);
        return;
      }
      if (stagedSnapshotId != null) {
        Table table = catalog.loadTable(id);
        table.expireSnapshots().expireSnapshotId(stagedSnapshotId).commit();
      }
    } catch (RuntimeException e) {
      // Best effort: a staged snapshot is invisible to readers; a later expiry removes it.
    }
  }

  /** The audit's output entries. */
  public Map<String, Object> toAudit() {
    Map<String, Object> audit = new LinkedHashMap<>();
    audit.put("table", spec.identifier());
    audit.put("catalog", spec.catalog().type().yamlName());
    spec.catalog().warehouse().ifPresent(w -> audit.put("warehouse", w));
    if (location != null) {
      audit.put("location", location);
    }
    audit.put("created", created);
    if (parentSnapshotId != null) {
      audit.put("parentSnapshotId", parentSnapshotId);
    }
    if (stagedSnapshotId != null) {
      audit.put("stagedSnapshotId", stagedSnapshotId);
    }
    if (publishedSnapshotId != null) {
      audit.put("snapshotId", publishedSnapshotId);
    }
    audit.putAll(layout.toAudit());
    return audit;
  }

  private Table create(StructType schema) {
    Schema icebergSchema = SparkSchemaUtil.convert(schema);
    Map<String, String> properties = new HashMap<>();
    properties.put(TableProperties.WRITE_AUDIT_PUBLISH_ENABLED, "true");
    properties.put(TableProperties.FORMAT_VERSION, "2");
    properties.put(RUN_ID, runId);
    properties.put(POLICY_SHA256, policyDigest);
    properties.put(VERSION, ShroudVersion.get());
    properties.put(SOURCE, sourceLabel);
    Catalog.TableBuilder builder;
    try {
      builder = catalog.buildTable(id, icebergSchema).withPartitionSpec(layout.spec(icebergSchema))
          .withSortOrder(layout.sortOrder(icebergSchema)).withProperties(properties);
    } catch (ValidationException | IllegalArgumentException e) {
      throw new UsageException("Cannot create table " + spec.identifier() + " with the input's partition spec and sort "
          + "order: " + firstLine(e.getMessage()));
    }
    if (spec.catalog().type() == CatalogSpec.Type.GLUE) {
      // A fixed place under the warehouse, so the execution role can be scoped to it.
      builder = builder.withLocation(spec.defaultLocation().orElseThrow());
    }
    Table table;
    try {
      table = builder.create();
    } catch (AlreadyExistsException e) {
      throw new UsageException("Cannot create table " + spec.identifier() + ": it appeared while the job ran; "
          + "nothing was written");
    }
    created = true;
    location = table.location();
    return table;
  }

  private Table prepareExisting(StructType masked) {
    Table table = catalog.loadTable(id);
    TableSchemaFit.require(spec.identifier(), SparkSchemaUtil.convert(table.schema()), masked);
    if (!"true".equals(table.properties().get(TableProperties.WRITE_AUDIT_PUBLISH_ENABLED))) {
      // Without it Iceberg would commit the write at once instead of staging it.
      table.updateProperties().set(TableProperties.WRITE_AUDIT_PUBLISH_ENABLED, "true").commit();
      table.refresh();
    }
    return table;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
