package io.shroud.core.policy;

import java.io.Serializable;
import java.util.Optional;

/**
 * Where the run's audit record goes.
 *
 * @param pathOrNull a directory for audit records; null means beside the output ({@code <output>_audit})
 */
public record AuditSettings(String pathOrNull) implements Serializable {
  public static final AuditSettings DEFAULTS = new AuditSettings(null);

  public static AuditSettings of(Optional<String> path) {
    return new AuditSettings(path.orElse(null));
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
