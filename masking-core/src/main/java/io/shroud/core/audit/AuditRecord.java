package io.shroud.core.audit;

import io.shroud.core.utility.UtilityReport;
import java.util.List;
import java.util.Map;

/**
 * One run of a job, as written to the audit log. Built from counts and decisions: it has no field
 * that could hold a cell value or key material.
 *
 * @param schemaVersion version of this record's layout
 * @param runId unique id of the run
 * @param tool tool name and version
 * @param command the CLI command
 * @param status how the run ended: a {@link Status} label ({@code succeeded}, {@code failed},
 *     {@code not-anonymized}); kept as text so a record from a newer Shroud still reads
 * @param error the failure's message when status is failed
 * @param startedAt ISO-8601 instant
 * @param finishedAt ISO-8601 instant
 * @param durationMillis wall time
 * @param policy source name, digest, whether the built-in auto policy ran, remote services used
 * @param input path and format
 * @param output path, format and mode
 * @param rowsRead rows read
 * @param rowsWritten rows written
 * @param columns per-column decisions and counts
 * @param findingsByType totals over all columns
 * @param entityOperators operator per entity type used for findings
 * @param anonymity k-anonymity search, transformation, suppression, metrics and re-check, or null
 * @param residual the post-masking rescan of a sample of the output: findings per column, or null
 * @param aws S3 runs: the caller identity (STS) and the preflight checks' outcomes, or null
 * @param objectTags the S3 object tags of the run's objects and where they were applied (not applicable
 *     off S3), or null
 * @param utility what masking cost the data, measured on a sample (aggregates only), or null
 */
public record AuditRecord(
    int schemaVersion,
    String runId,
    Map<String, String> tool,
    String command,
    String status,
    String error,
    String startedAt,
    String finishedAt,
    long durationMillis,
    PolicyAudit policy,
    Map<String, String> input,
    Map<String, String> output,
    long rowsRead,
    long rowsWritten,
    List<ColumnAudit> columns,
    Map<String, Long> findingsByType,
    Map<String, OperatorAudit> entityOperators,
    AnonymityAudit anonymity,
    ResidualAudit residual,
    AwsAudit aws,
    ObjectTagsAudit objectTags,
    UtilityReport utility) {

  public static final int SCHEMA_VERSION = 1;

  /** Whether the run ended so. */
  public boolean ended(Status outcome) {
    return outcome.label().equals(status);
  }

  /** How a run ends. */
  public enum Status {
    SUCCEEDED("succeeded"),
    FAILED("failed"),
    /** check-anonymity, or a sanitize run whose anonymity target could not be met (nothing written). */
    NOT_ANONYMIZED("not-anonymized");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    /** The audit's word for it. */
    public String label() {
      return label;
    }
  }
}
