package io.shroud.core.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What happened to one column. Counts, decisions and key fingerprints only: never a value or a key.
 *
 * @param name column name
 * @param inputType type in the input
 * @param outputType type in the output, or "dropped"
 * @param treatment KEEP, DROP, MASK_VALUE, SCAN_TEXT, SCAN_NUMBER, SHUFFLE, or QUASI_IDENTIFIER (generalized
 *     for k-anonymity after masking)
 * @param origin who decided: policy, detected, anonymity, macie or unlisted (ColumnPlan.Origin labels)
 * @param entityType the column's classification, when it has one
 * @param operator the column operator's action and parameters (secrets excluded), or null
 * @param keys names and fingerprints of keys the column's operators used
 * @param reason why this decision
 * @param findings findings per entity type
 * @param maskedCells cells whose value was changed (masked, nulled for numbers, or generalized)
 * @param sample for a column an explicit rule masks without detection: what a scan of the profiling
 *     sample found in it (its classification is {@code entityType}); null otherwise
 */
public record ColumnAudit(
    String name,
    String inputType,
    String outputType,
    String treatment,
    String origin,
    String entityType,
    OperatorAudit operator,
    List<KeyUse> keys,
    String reason,
    Map<String, Long> findings,
    long maskedCells,
    @JsonInclude(JsonInclude.Include.NON_NULL) SampleScan sample) {

  public ColumnAudit(String name, String inputType, String outputType, String treatment, String origin,
      String entityType, OperatorAudit operator, List<KeyUse> keys, String reason, Map<String, Long> findings,
      long maskedCells) {
    this(name, inputType, outputType, treatment, origin, entityType, operator, keys, reason, findings, maskedCells, null);
  }

  /**
   * Findings in the profiling sample of a column a rule masks (the full data is not scanned).
   *
   * @param values non-empty values scanned
   * @param findings findings per entity type among them
   */
  public record SampleScan(int values, Map<String, Long> findings) {}

  /**
   * A key by name, version, where it lives and fingerprint: never its bytes. For the key of a
   * column's reversible rule ({@code tokenize}, {@code encrypt}), also the operator's key check value,
   * which {@code detokenize} compares before reversing anything.
   */
  public record KeyUse(String name, int version, String source, String fingerprint,
      @JsonInclude(JsonInclude.Include.NON_NULL) String checkValue) {
    public KeyUse(String name, int version, String source, String fingerprint) {
      this(name, version, source, fingerprint, null);
    }
  }
}
