package io.shroud.core.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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
    @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> amazonComprehend,
    @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> amazonMacie,
    boolean auto,
    String sha256,
    String source,
    String unlistedColumns) {

  /** A policy that sent nothing to a remote service. */
  public static PolicyAudit local(String source, String sha256, boolean auto, String unlistedColumns) {
    return new PolicyAudit(null, null, auto, sha256, source, unlistedColumns);
  }
}
