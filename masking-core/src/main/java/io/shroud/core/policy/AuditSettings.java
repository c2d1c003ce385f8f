package io.shroud.core.policy;

import java.io.Serializable;
import java.util.Optional;

/**
 * Where the run's audit record goes.
 *
 * @param pathOrNull a directory for audit records; null means beside the output ({@code <output>_audit})
 * @param residualSampleSize output rows re-scanned after masking (0 turns the rescan off)
 * @param failOnResidual any residual finding fails the run before the output is published
 * @param signingKeyOrNull the name of the key (in {@code keys:}) that signs the run's manifest, or null
 */
public record AuditSettings(String pathOrNull, int residualSampleSize, boolean failOnResidual, String signingKeyOrNull)
    implements Serializable {
  public static final AuditSettings DEFAULTS = new AuditSettings(null, 1000, false, null);

  public AuditSettings(String pathOrNull, int residualSampleSize, boolean failOnResidual) {
    this(pathOrNull, residualSampleSize, failOnResidual, null);
  }

  public static AuditSettings of(Optional<String> path) {
    return new AuditSettings(path.orElse(null), 1000, false, null);
  }

  public Optional<String> signingKey() {
    return Optional.ofNullable(signingKeyOrNull);
  }

  public Optional<String> path() {
    return Optional.ofNullable(pathOrNull);
  }

  /** The audit directory for an output path. */
  public String directoryFor(String outputPath) {
    return path().orElseGet(() -> stripTrailingSlash(outputPath) + "_audit");
  }

  private static String stripTrailingSlash(String p) {
    String result = p;
    while (result.length() > 1 && result.endsWith("/")) {
      result = result.substring(0, result.length() - 1);
    }
    return result;
  }
}
