package io.shroud.connectors.aws;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Posture checks on the output and audit buckets, the account and the output KMS key, run before any
 * row is written.
 *
 * @param production the production profile (stricter defaults for checks not set explicitly)
 * @param encryption bucket default encryption is SSE-KMS (with the policy's key when one is set)
 * @param publicAccessBlock all four Block Public Access settings are on for the bucket
 * @param versioning bucket versioning is enabled
 * @param kmsKey the output KMS key is customer-managed, enabled, and rotates
 * @param callerIdentity the caller identity (STS GetCallerIdentity) is recorded in the audit
 * @param accountPublicAccessBlock all four Block Public Access settings are on for the whole account (S3 Control)
 * @param secureTransport the bucket policy denies every request made without TLS ({@code aws:SecureTransport})
 * @param objectOwnership the bucket's Object Ownership is BucketOwnerEnforced (ACLs disabled)
 * @param bucketKey the bucket's default SSE-KMS encryption uses an S3 Bucket Key
 */
public record PreflightSettings(
    boolean production,
    CheckMode encryption,
    CheckMode publicAccessBlock,
    CheckMode versioning,
    CheckMode kmsKey,
    CheckMode callerIdentity,
    CheckMode accountPublicAccessBlock,
    CheckMode secureTransport,
    CheckMode objectOwnership,
    CheckMode bucketKey) implements Serializable {

  /** Safe defaults: refuse what leaks or is unencrypted, warn about the rest. */
  public static final PreflightSettings DEFAULTS = new PreflightSettings(false, CheckMode.REQUIRE, CheckMode.REQUIRE,
      CheckMode.WARN, CheckMode.REQUIRE, CheckMode.WARN, CheckMode.WARN, CheckMode.WARN, CheckMode.WARN, CheckMode.WARN);

  /**
   * The production profile's defaults: versioning, the account's Block Public Access, the TLS-only bucket
   * policy and bucket-owner-enforced ownership become required. Bucket Keys (cost and KMS request rate,
   * not exposure) stay a warning.
   */
  public static final PreflightSettings PRODUCTION = new PreflightSettings(true, CheckMode.REQUIRE, CheckMode.REQUIRE,
      CheckMode.REQUIRE, CheckMode.REQUIRE, CheckMode.WARN, CheckMode.REQUIRE, CheckMode.REQUIRE, CheckMode.REQUIRE,
      CheckMode.WARN);

  public PreflightSettings {
    Objects.requireNonNull(encryption, "encryption");
    Objects.requireNonNull(publicAccessBlock, "publicAccessBlock");
    Objects.requireNonNull(versioning, "versioning");
    Objects.requireNonNull(kmsKey, "kmsKey");
    Objects.requireNonNull(callerIdentity, "callerIdentity");
    Objects.requireNonNull(accountPublicAccessBlock, "accountPublicAccessBlock");
    Objects.requireNonNull(secureTransport, "secureTransport");
    Objects.requireNonNull(objectOwnership, "objectOwnership");
    Objects.requireNonNull(bucketKey, "bucketKey");
  }

  /** Each check's mode by its policy name, for the audit. */
  public Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("profile", production ? "production" : "default");
    map.put("encryption", encryption.yamlName());
    map.put("publicAccessBlock", publicAccessBlock.yamlName());
    map.put("versioning", versioning.yamlName());
    map.put("kmsKey", kmsKey.yamlName());
    map.put("callerIdentity", callerIdentity.yamlName());
    map.put("accountPublicAccessBlock", accountPublicAccessBlock.yamlName());
    map.put("secureTransport", secureTransport.yamlName());
    map.put("objectOwnership", objectOwnership.yamlName());
    map.put("bucketKey", bucketKey.yamlName());
    return map;
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
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
