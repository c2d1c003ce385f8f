package io.shroud.jobs.sanitize;

import io.shroud.connectors.audit.AuditManifest;
import io.shroud.connectors.audit.Ed25519Signer;
import io.shroud.connectors.keys.AwsKeyProviderFactory;
import io.shroud.core.keys.CachingKeyProvider;
import io.shroud.core.policy.KeySpec;
import io.shroud.core.policy.Policy;
import java.io.PrintStream;
import java.util.Optional;

/**
 * Resolves the manifest's signing key before the run does any work (a missing key fails fast), warning
 * when it is a local key file: anyone who can read that file can sign a forged manifest.
 */
final class ManifestStage {
  private ManifestStage() {}

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
