package io.shroud.jobs.sanitize;

import io.shroud.core.plan.MaskingPlan;
import io.shroud.jobs.spark.InputReader;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Where the masked rows go, written so that nothing is visible until {@link #publish()}: files into a hidden
 * staging directory renamed into place, or a staged Iceberg snapshot cherry-picked into its table.
 */
interface OutputTarget {
  /** Refuses an output the mode does not allow, before any work. */
  void checkTarget();

  /** Refuses a plan the output cannot take (a masked partition column of a table), before anything is written. */
  void checkPlan(MaskingPlan plan);

  /** Writes the rows, unpublished. */
  void write(Dataset<Row> masked);

  /** Re-reads what {@link #write} wrote, for the residual rescan and the anonymity re-check. */
  InputReader.Input written(StructType schema);

  /** Makes the written rows visible. */
  void publish();

  /** Removes everything written after a failure. Never throws. */
  void abort();

  /** The audit's output entries beyond path, format and mode (empty for files). */
  Map<String, Object> toAudit();

  /** Writes the signed manifest of what was published and returns its location. */
  String writeManifest(ManifestInput manifest);

  /** What a manifest needs besides the output. */
  record ManifestInput(org.apache.hadoop.conf.Configuration conf, io.shroud.connectors.storage.AuditSink sink,
      String auditDir, String runId, String auditFileName, String auditJson,
      java.util.Optional<io.shroud.connectors.audit.AuditManifest.Signing> signing) {}
}
