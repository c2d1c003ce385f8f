package io.shroud.connectors.aws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the preflight checks found, for the audit and for warnings.
 *
 * @param results every check that ran
 * @param callerIdentityOrNull account, ARN and user id from STS GetCallerIdentity, or null
 */
public record PreflightReport(List<CheckResult> results, Map<String, String> callerIdentityOrNull) {
  public PreflightReport {
    results = List.copyOf(results);
  }

  public List<CheckResult> refused() {
    return results.stream().filter(r -> r.outcome() == CheckResult.Outcome.REFUSED).toList();
  }

  public List<CheckResult> warnings() {
    return results.stream().filter(r -> r.outcome() == CheckResult.Outcome.WARNED).toList();
  }

  /** The audit's {@code aws} section. */
  public Map<String, Object> toAudit() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("callerIdentity", callerIdentityOrNull);
    map.put("preflight", results.stream().map(CheckResult::toMap).toList());
    return map;
  }
}
