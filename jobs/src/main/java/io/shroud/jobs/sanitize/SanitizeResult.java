package io.shroud.jobs.sanitize;

import io.shroud.core.audit.AuditRecord;

/**
 * What a finished sanitize run produced.
 *
 * @param audit the audit record
 * @param auditLocation where the audit record was written
 */
public record SanitizeResult(AuditRecord audit, String auditLocation) {}
