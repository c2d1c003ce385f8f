package io.shroud.jobs.sanitize;

import io.shroud.connectors.audit.AuditManifest;
import io.shroud.connectors.storage.StaleStaging;
import io.shroud.core.plan.MaskingPlan;
import io.shroud.jobs.iceberg.IcebergTableSink;
import io.shroud.jobs.spark.InputReader;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** An Iceberg table output: a staged snapshot, checked, then cherry-picked by Iceberg's own atomic commit. */
final class TableTarget implements OutputTarget {
  private final IcebergTableSink sink;
  private final SparkSession spark;

  TableTarget(IcebergTableSink sink, SparkSession spark) {
    this.sink = sink;
    this.spark = spark;
  }

  @Override
  public void checkTarget() {
    sink.checkTarget();
  }

  /** No staging directory beside a table: a failed run expires its staged snapshot itself. */
  @Override
  public StaleStaging.Result removeStaleStaging() {
    return StaleStaging.Result.NONE;
  }

  /** Iceberg's staged snapshot is not visible to others: there is nothing to claim. */
  @Override
  public void holdLease() {}

  @Override
  public void checkPlan(MaskingPlan plan) {
    sink.checkLayout(plan);
  }

  @Override
  public void write(Dataset<Row> masked) {
    sink.write(masked);
  }

  @Override
  public InputReader.Input written(StructType schema) {
    return sink.staged();
  }

  /** Iceberg's atomic commit; the table's files are written by Iceberg and not tagged. */
  @Override
  public void publish(ObjectTagStage tagging) {
    sink.publish();
  }

  @Override
  public void abort() {
    sink.abort();
  }

  @Override
  public Map<String, Object> toAudit() {
    return sink.toAudit();
  }

  @Override
  public String writeManifest(ManifestInput m) {
    return AuditManifest.writeForTable(m.conf(), new SparkFileDigester(spark), m.sink(), m.auditDir(), m.runId(),
        sink.toAudit().get("table").toString(), sink.publishedSnapshotId(), sink.location(), sink.publishedDataFiles(),
        m.auditFileName(), m.auditJson(), m.keyChecks(), m.signing());
  }
}
