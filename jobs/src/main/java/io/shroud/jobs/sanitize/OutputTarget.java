package io.shroud.jobs.sanitize;

import io.shroud.connectors.audit.AuditManifest;
import io.shroud.connectors.storage.AuditSink;
import io.shroud.connectors.storage.StaleStaging;
import io.shroud.core.plan.MaskingPlan;
import io.shroud.jobs.spark.InputReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Where the masked rows go, written so that nothing is visible until {@link #publish}: files into a hidden
 * staging directory renamed into place, or a staged Iceberg snapshot cherry-picked into its table.
 */
interface OutputTarget {
  /** Refuses an output the mode does not allow, before any work. */
  void checkTarget();

  /**
   * Removes what dead runs left beside the output (their staging directories), before this run claims its
   * own; never fails a run. Nothing to remove for a table: a failed table run expires its own snapshot.
   */
  StaleStaging.Result removeStaleStaging();

  /** Says, while the job writes, that this run is alive (a lease beside a file output's staging directory). */
  void holdLease();

  /** Refuses a plan the output cannot take (a masked partition column of a table), before anything is written. */
  void checkPlan(MaskingPlan plan);

  /** Writes the rows, unpublished. */
  void write(Dataset<Row> masked);

  /** Writes masked rows already rendered as CSV lines ({@code MaskStage.applyAsCsvLines}); only a CSV file output takes them. */
  default void writeCsvLines(Dataset<Row> lines) {
    throw new IllegalStateException("Cannot write CSV lines to " + getClass().getSimpleName());
  }

  /** Re-reads what {@link #write} wrote, for the residual rescan and the anonymity re-check. */
  InputReader.Input written(StructType schema);

  /**
   * Makes the written rows visible. A file output on S3 has its objects tagged once in place and before its
   * {@code _SUCCESS} marker (a tagging failure puts the previous output back); a table's files are Iceberg's.
   */
  void publish(ObjectTagStage tagging);

  /** Removes everything written after a failure. Never throws. */
  void abort();

  /** The audit's output entries beyond path, format and mode (empty for files). */
  Map<String, Object> toAudit();

  /** Writes the signed manifest of what was published and returns its location. */
  String writeManifest(ManifestInput manifest);

  /** What a manifest needs besides the output: the audit record and the key check values of reversible columns. */
  record ManifestInput(Configuration conf, AuditSink sink, String auditDir, String runId, String auditFileName,
      String auditJson, List<Map<String, Object>> keyChecks, Optional<AuditManifest.Signing> signing) {}
}
