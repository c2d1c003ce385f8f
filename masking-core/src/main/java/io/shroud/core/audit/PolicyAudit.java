package io.shroud.core.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The audit's {@code policy} section: which policy ran, and which remote services it sent data to.
 * Properties are written in name order, as the map this section once was.
 *
 * @param amazonComprehend where free text was sent for PII detection (region, endpoint, language,
 *     columns, the per-executor character cap), or null when Comprehend was off
 * @param amazonMacie what Amazon Macie reported and where it was read from (counts only), or null
 * @param auto whether the built-in auto policy ran
 * @param sha256 SHA-256 of the policy text plus command-line overrides
 * @param source the policy file's name (or the built-in policy's)
 * @param unlistedColumns what the policy does with columns it does not name
 */
@JsonPropertyOrder({"amazonComprehend", "amazonMacie", "auto", "sha256", "source", "unlistedColumns"})
public record PolicyAudit(
    @JsonInclude(JsonInclude.Include.NON_NULL) Comprehend amazonComprehend,
    @JsonInclude(JsonInclude.Include.NON_NULL) Macie amazonMacie,
    boolean auto,
    String sha256,
    String source,
    String unlistedColumns) {

  /** A policy that sent nothing to a remote service. */
  public static PolicyAudit local(String source, String sha256, boolean auto, String unlistedColumns) {
    return new PolicyAudit(null, null, auto, sha256, source, unlistedColumns);
  }

  /**
   * Where free text was sent to Amazon Comprehend for PII detection.
   *
   * @param columns the columns sent: their names, or the text {@code every free-text column}
   * @param endpoint the endpoint, or {@code public regional endpoint}
   * @param findingsDetectorId the detector id its findings carry
   * @param languageCode the texts' language
   * @param maxCharactersPerExecutor the cost guard: the most characters one executor sends in a run
   * @param region the service region
   */
  @JsonPropertyOrder({"columns", "endpoint", "findingsDetectorId", "languageCode", "maxCharactersPerExecutor", "region"})
  public record Comprehend(Object columns, String endpoint, String findingsDetectorId, String languageCode,
      long maxCharactersPerExecutor, String region) {
    public static final String EVERY_COLUMN = "every free-text column";
    public static final String PUBLIC_ENDPOINT = "public regional endpoint";

    /** The audit entry for these settings' values; empty columns and no endpoint are spelled out. */
    public static Comprehend of(String region, String endpointOrNull, String languageCode, List<String> columns,
        long maxCharacters) {
      return new Comprehend(columns.isEmpty() ? EVERY_COLUMN : List.copyOf(columns),
          endpointOrNull == null ? PUBLIC_ENDPOINT : endpointOrNull, "comprehend", languageCode, maxCharacters, region);
    }
  }

  /**
   * What Amazon Macie reported and where it was read from (counts only).
   *
   * @param bucket the bucket the findings are about
   * @param detailedResultFiles discovery-result files read
   * @param findingsRead findings read
   * @param occurrencesByColumn per column, the entity types Macie reported and how often
   * @param prefix the key prefix the findings were limited to, or null
   */
  @JsonPropertyOrder({"bucket", "detailedResultFiles", "findingsRead", "occurrencesByColumn", "prefix"})
  public record Macie(String bucket, int detailedResultFiles, int findingsRead,
      Map<String, Map<String, Long>> occurrencesByColumn, String prefix) {}
}
