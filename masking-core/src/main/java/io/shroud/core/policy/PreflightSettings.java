package io.shroud.core.policy;

import java.io.Serializable;
import java.util.Map;

/**
 * Posture checks on the output and audit buckets and the output KMS key, run before any row is written.
 *
 * @param production the production profile (versioning becomes required unless set explicitly)
 * @param encryption bucket default encryption is SSE-KMS (with the policy's key when one is set)
 * @param publicAccessBlock all four Block Public Access settings are on
 * @param versioning bucket versioning is enabled
 * @param kmsKey the output KMS key is customer-managed, enabled, and rotates
 * @param callerIdentity the caller identity (STS GetCallerIdentity) is recorded in the audit
 */
public record PreflightSettings(
    boolean production,
    CheckMode encryption,
    CheckMode publicAccessBlock,
    CheckMode versioning,
    CheckMode kmsKey,
    CheckMode callerIdentity) implements Serializable {

  /** Safe defaults: refuse what leaks or is unencrypted, warn about what only loses history. */
  public static final PreflightSettings DEFAULTS = new PreflightSettings(false, CheckMode.REQUIRE, CheckMode.REQUIRE,
      CheckMode.WARN, CheckMode.REQUIRE, CheckMode.WARN);

  public PreflightSettings {
    java.util.Objects.requireNonNull(encryption, "encryption");
    java.util.Objects.requireNonNull(publicAccessBlock, "publicAccessBlock");
    java.util.Objects.requireNonNull(versioning, "versioning");
    java.util.Objects.requireNonNull(kmsKey, "kmsKey");
    java.util.Objects.requireNonNull(callerIdentity, "callerIdentity");
  }

  /** Each check's mode by its policy name, for the audit. */
  public Map<String, String> toMap() {
    return Map.of("encryption", encryption.yamlName(), "publicAccessBlock", publicAccessBlock.yamlName(),
        "versioning", versioning.yamlName(), "kmsKey", kmsKey.yamlName(), "callerIdentity", callerIdentity.yamlName(),
        "profile", production ? "production" : "default");
  }

  /** What a failed check does. */
  public enum CheckMode {
    /** Refuse to run. */
    REQUIRE,
    /** Print a warning and record it in the audit. */
    WARN,
    /** Do not check. */
    OFF;

    public String yamlName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
