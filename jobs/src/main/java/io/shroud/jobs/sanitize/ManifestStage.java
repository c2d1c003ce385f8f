package io.shroud.jobs.sanitize;

import io.shroud.connectors.audit.AuditManifest;
import io.shroud.connectors.audit.Ed25519Signer;
import io.shroud.connectors.keys.AwsKeyProviderFactory;
import io.shroud.core.audit.AuditRecord;
import io.shroud.core.audit.ColumnAudit;
import io.shroud.core.keys.CachingKeyProvider;
import io.shroud.core.keys.KeySpec;
import io.shroud.core.policy.Policy;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the manifest's signing key before the run does any work (a missing key fails fast), warning
 * when it is a local key file: anyone who can read that file can sign a forged manifest.
 */
final class ManifestStage {
  private ManifestStage() {}

  /** Per reversible column: action, key, key version and key check value (from the audit record). */
  static List<Map<String, Object>> keyChecks(AuditRecord record) {
    List<Map<String, Object>> checks = new ArrayList<>();
    for (ColumnAudit column : record.columns()) {
      for (ColumnAudit.KeyUse key : column.keys()) {
        if (key.checkValue() != null) {
          Map<String, Object> check = new LinkedHashMap<>();
          check.put("column", column.name());
          check.put("action", column.operator().action());
          check.put("key", key.name());
          check.put("keyVersion", key.version());
          check.put("checkValue", key.checkValue());
          checks.add(check);
        }
      }
    }
    return checks;
  }

  static Optional<AuditManifest.Signing> signing(Policy policy, PrintStream warnings) {
    if (policy.audit().signingKey().isEmpty()) {
      return Optional.empty();
    }
    String name = policy.audit().signingKey().get();
    KeySpec spec = policy.keys().get(name);
    if (spec.source() == KeySpec.KeySource.FILE) {
      warnings.println("shroud: warning: the audit manifest is signed with key '" + name + "' from a local file ("
          + spec.location() + "); use a Secrets Manager or KMS key outside local runs");
      warnings.flush();
    }
    var key = CachingKeyProvider.forFactory(new AwsKeyProviderFactory()).get(spec);
    return Optional.of(new AuditManifest.Signing(Ed25519Signer.fromKey(key), name, spec.version()));
  }
}
