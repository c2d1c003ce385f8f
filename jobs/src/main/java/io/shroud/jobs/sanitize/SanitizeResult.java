package io.shroud.jobs.sanitize;

import io.shroud.core.audit.AuditRecord;
import java.util.Optional;

/**
 * What a finished sanitize run produced.
 *
 * @param audit the audit record
 * @param auditLocation where the audit record was written
 * @param manifestLocationOrNull where the manifest of output digests was written, or null
 */
public record SanitizeResult(AuditRecord audit, String auditLocation, String manifestLocationOrNull) {
  public SanitizeResult(AuditRecord audit, String auditLocation) {
    this(audit, auditLocation, null);
  }

  public Optional<String> manifestLocation() {
    return Optional.ofNullable(manifestLocationOrNull);
  }
}
