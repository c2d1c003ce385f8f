package io.shroud.core.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The audit's {@code aws} section for runs that write to S3: who ran the job and what the preflight
 * checks found. Properties are written in name order, as the map this section once was.
 *
 * @param callerIdentity account, ARN and user id from STS GetCallerIdentity, or null when not checked
 * @param preflight every preflight check that ran, in the order it ran
 */
@JsonPropertyOrder({"callerIdentity", "preflight"})
public record AwsAudit(Map<String, String> callerIdentity, List<Check> preflight) {
  public AwsAudit {
    preflight = List.copyOf(preflight);
  }

  /**
   * One preflight check on one bucket or key.
   *
   * @param check the policy name of the check (encryption, publicAccessBlock, ...)
   * @param detail what was found (never a secret)
   * @param outcome {@code passed}, {@code warned} or {@code refused}
   * @param subject what was checked: {@code bucket 'NAME'} or {@code KMS key ID}
   */
  @JsonPropertyOrder({"check", "detail", "outcome", "subject"})
  public record Check(String check, String detail, String outcome, String subject) {}
}
