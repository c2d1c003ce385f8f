package io.shroud.connectors.aws;

import io.shroud.core.audit.AwsAudit;
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
  public AwsAudit toAudit() {
    return new AwsAudit(callerIdentityOrNull, results.stream().map(CheckResult::toAudit).toList());
  }
}
