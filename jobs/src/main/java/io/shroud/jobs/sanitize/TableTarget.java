package io.shroud.jobs.sanitize;

import io.shroud.connectors.audit.AuditManifest;
import io.shroud.core.plan.MaskingPlan;
import io.shroud.jobs.iceberg.IcebergTableSink;
import io.shroud.jobs.spark.InputReader;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/** An Iceberg table output: a staged snapshot, checked, then cherry-picked by Iceberg's own atomic commit. */
final class TableTarget implements OutputTarget {
  private final IcebergTableSink sink;

  TableTarget(IcebergTableSink sink) {
    this.sink = sink;
  }

  @Override
  public void checkTarget() {
    sink.checkTarget();
  }

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

  @Override
  public void publish() {
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
    return AuditManifest.writeForTable(m.conf(), m.sink(), m.auditDir(), m.runId(), sink.toAudit().get("table").toString(),
        sink.publishedSnapshotId(), sink.location(), sink.publishedDataFiles(), m.auditFileName(), m.auditJson(),
        m.signing());
  }
}
