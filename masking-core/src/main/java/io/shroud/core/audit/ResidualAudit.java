package io.shroud.core.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit's {@code residual} section: the rescan of a sample of the masked output, counts only.
 * Properties are written in name order, as the map this section once was.
 *
 * @param columnsRescanned the columns whose output should hold no personal data
 * @param findings per rescanned column, the entity types still found and how often (empty: none left)
 * @param rowsScannedOrNull output rows the sample read, or null when nothing was rescanned
 * @param sampleSize the rows the rescan samples at most ({@code audit.residualSampleSize})
 */
@JsonPropertyOrder({"columnsRescanned", "findings", "rowsScanned", "sampleSize"})
public record ResidualAudit(
    List<String> columnsRescanned,
    Map<String, Map<String, Long>> findings,
    @JsonProperty("rowsScanned") @JsonInclude(JsonInclude.Include.NON_NULL) Integer rowsScannedOrNull,
    int sampleSize) {

  public ResidualAudit {
    columnsRescanned = List.copyOf(columnsRescanned);
    findings = findings == null ? Map.of() : findings;
  }

  /** Output rows the sample read; empty when nothing was rescanned. */
  public Optional<Integer> rowsScanned() {
    return Optional.ofNullable(rowsScannedOrNull);
  }

  /** Whether the rescan found personal data left in the output. */
  public boolean foundPersonalData() {
    return !findings.isEmpty();
  }
}
