package io.shroud.connectors.aws;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One preflight check on one bucket or key.
 *
 * @param check the policy name of the check (encryption, publicAccessBlock, ...)
 * @param subject what was checked: {@code bucket NAME} or {@code KMS key ID}
 * @param outcome passed, warned or refused
 * @param detail what was found (never a secret)
 */
public record CheckResult(String check, String subject, Outcome outcome, String detail) {

  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("check", check);
    map.put("subject", subject);
    map.put("outcome", outcome.name().toLowerCase(Locale.ROOT));
    map.put("detail", detail);
    return map;
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
