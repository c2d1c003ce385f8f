package io.shroud.core.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shroud.core.keys.KeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Parses one key entry: exactly one of {@code file}, {@code secretsManager} or {@code kms}, an
 * optional {@code version}, and optional {@code previous} versions (for rotation).
 */
final class KeySpecParser {
  private KeySpecParser() {}

  static KeySpec parse(String name, YamlObject spec, boolean allowPrevious) {
    if (allowPrevious) {
      spec.allowOnly("version", "file", "generateIfMissing", "secretsManager", "kms", "previous");
    } else {
      spec.allowOnly("version", "file", "generateIfMissing", "secretsManager", "kms");
    }
    List<String> sources = Stream.of("file", "secretsManager", "kms").filter(spec::has).toList();
    if (sources.size() != 1) {
      throw spec.error(null, "key '" + name + "' needs exactly one of: file, secretsManager, kms"
          + (sources.isEmpty() ? "" : " (got " + String.join(", ", sources) + ")"));
    }
    int version = spec.integer("version").orElse(1);
    if (version < 1) {
      throw spec.error("version", "'" + spec.dotted("version") + "' must be at least 1, got " + version);
    }
    List<KeySpec> previous = allowPrevious ? previous(name, spec, version) : List.of();
    switch (sources.get(0)) {
      case "file" -> {
        return new KeySpec(name, version, KeySpec.KeySource.FILE, spec.string("file").orElseThrow(),
            spec.bool("generateIfMissing").orElse(false), null, null, Map.of(), null, null, previous);
      }
      case "secretsManager" -> {
        YamlObject sm = spec.object("secretsManager").orElseThrow();
        sm.allowOnly("secret", "versionStage", "region", "endpoint");
        String secret = sm.string("secret").orElseThrow(() -> sm.error(null,
            "'" + sm.dotted("secret") + "' is required: the secret's name or ARN"));
        return new KeySpec(name, version, KeySpec.KeySource.SECRETS_MANAGER, secret, false,
            sm.string("versionStage").orElse("AWSCURRENT"), null, Map.of(), sm.string("region").orElse(null),
            endpoint(sm), previous);
      }
      default -> {
        YamlObject kms = spec.object("kms").orElseThrow();
        kms.allowOnly("keyId", "encryptedDataKey", "context", "region", "endpoint");
        String keyId = kms.string("keyId").orElseThrow(() -> kms.error(null,
            "'" + kms.dotted("keyId") + "' is required: the KMS key id or ARN that wraps the data key"));
        String wrapped = kms.string("encryptedDataKey").orElseThrow(() -> kms.error(null,
            "'" + kms.dotted("encryptedDataKey") + "' is required: base64 CiphertextBlob from GenerateDataKey"));
        try {
          Base64.getDecoder().decode(wrapped);
        } catch (IllegalArgumentException e) {
          throw kms.error("encryptedDataKey", "'" + kms.dotted("encryptedDataKey") + "' must be base64");
        }
        return new KeySpec(name, version, KeySpec.KeySource.KMS_WRAPPED, keyId, false, null, wrapped,
            kms.scalarMap("context"), kms.string("region").orElse(null), endpoint(kms), previous);
      }
    }
  }

  private static String endpoint(YamlObject section) {
    Optional<String> endpoint = section.string("endpoint");
    endpoint.filter(e -> !e.startsWith("https://") && !e.startsWith("http://127.0.0.1") && !e.startsWith("http://localhost"))
        .ifPresent(e -> {
          throw section.error("endpoint", "'" + section.dotted("endpoint")
              + "' must be an https:// URL (plain http is allowed only for 127.0.0.1/localhost test servers)");
        });
    return endpoint.orElse(null);
  }

  private static List<KeySpec> previous(String name, YamlObject spec, int current) {
    List<KeySpec> versions = new ArrayList<>();
    var raw = spec.raw("previous");
    if (raw == null || raw.isNull()) {
      return versions;
    }
    if (!raw.isArray()) {
      throw spec.error("previous", "'" + spec.dotted("previous") + "' must be a list of older key versions");
    }
    for (int i = 0; i < raw.size(); i++) {
      if (!raw.get(i).isObject()) {
        throw spec.error("previous", "'" + spec.dotted("previous") + "' must be a list of mappings such as { version: 1, file: PATH }");
      }
      YamlObject older = new YamlObject((ObjectNode) raw.get(i),
          spec.childPointer("previous") + "/" + i, spec.source());
      if (!older.has("version")) {
        throw older.error(null, "each entry of 'previous' needs a 'version'");
      }
      KeySpec parsed = parse(name, older, false);
      if (parsed.version() == current || versions.stream().anyMatch(v -> v.version() == parsed.version())) {
        throw older.error("version", "key '" + name + "' lists version " + parsed.version() + " twice");
      }
      versions.add(parsed);
    }
    return versions;
  }
}
