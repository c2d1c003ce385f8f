package io.shroud.connectors.aws;

import io.shroud.core.audit.AwsAudit;
import java.util.Locale;

/**
 * One preflight check on one bucket or key.
 *
 * @param check the policy name of the check (encryption, publicAccessBlock, ...)
 * @param subject what was checked: {@code bucket NAME} or {@code KMS key ID}
 * @param outcome passed, warned or refused
 * @param detail what was found (never a secret)
 */
public record CheckResult(String check, String subject, Outcome outcome, String detail) {

  /** This check as the audit records it. */
  public AwsAudit.Check toAudit() {
    return new AwsAudit.Check(check, detail, outcome.name().toLowerCase(Locale.ROOT), subject);
  }

  /** A line for messages: {@code bucket 'b': default encryption is AES256 (aws.preflight.encryption)}. */
  public String describe() {
    return subject + ": " + detail + " (aws.preflight." + check + ")";
  }

  /** How a check ended. */
  public enum Outcome {
    PASSED,
    WARNED,
    REFUSED
  }
}
