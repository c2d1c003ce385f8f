package io.shroud.core.keys;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a named key comes from. The policy references keys by name only; the material is never
 * inline. A rotated key keeps its older versions in {@code previous} so data masked with them can
 * still be reversed ({@code shroud detokenize --key-version name=1}).
 *
 * @param name the name rules use ({@code key: pii})
 * @param version this version's number (the audit records it with the fingerprint)
 * @param source where the key lives
 * @param location file path, Secrets Manager secret id (name or ARN), or KMS key id (for KMS_WRAPPED)
 * @param generateIfMissing for local files: create a fresh random key (mode 0600) on first use
 * @param versionStage for Secrets Manager: the version stage to read (AWSCURRENT by default)
 * @param encryptedDataKey for KMS_WRAPPED: base64 ciphertext of the data key (from GenerateDataKey)
 * @param encryptionContext for KMS_WRAPPED: the encryption context the data key was wrapped with
 * @param region AWS region for Secrets Manager and KMS (null: the default region chain)
 * @param endpoint service endpoint override, such as a VPC interface endpoint (null: AWS default)
 * @param previous older versions of this key, newest first
 */
public record KeySpec(
    String name,
    int version,
    KeySource source,
    String location,
    boolean generateIfMissing,
    String versionStage,
    String encryptedDataKey,
    Map<String, String> encryptionContext,
    String region,
    String endpoint,
    List<KeySpec> previous) implements Serializable {

  public KeySpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(location, "location");
    encryptionContext = Map.copyOf(encryptionContext);
    previous = List.copyOf(previous);
  }

  /** A local key file, version 1. */
  public KeySpec(String name, KeySource source, String location, boolean generateIfMissing) {
    this(name, 1, source, location, generateIfMissing, null, null, Map.of(), null, null, List.of());
  }

  /** This key, or one of its previous versions. */
  public KeySpec atVersion(int wanted) {
    if (wanted == version) {
      return this;
    }
    for (KeySpec older : previous) {
      if (older.version() == wanted) {
        return older;
      }
    }
    throw new IllegalArgumentException("key '" + name + "' has no version " + wanted + " (versions: " + version
        + previous.stream().map(p -> ", " + p.version()).reduce("", String::concat) + ")");
  }

  /** Where the key lives, for messages and the audit (never the material). */
  public String describe() {
    return switch (source) {
      case FILE -> "file " + location;
      case SECRETS_MANAGER -> "Secrets Manager secret " + location;
      case KMS_WRAPPED -> "data key wrapped by KMS key " + location;
    };
  }

  /** Key sources. */
  public enum KeySource {
    /** A local file: for local runs only. */
    FILE,
    /** An AWS Secrets Manager secret holding the key (SecretBinary, or base64 in SecretString). */
    SECRETS_MANAGER,
    /** A data key encrypted under a KMS key (envelope encryption): only the ciphertext is in the policy. */
    KMS_WRAPPED
  }
}
