package io.shroud.core.operator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Deterministic authenticated encryption (AES-256-GCM-SIV): reversible with the key, equal values
 * give equal ciphertexts (so joins and counts survive), tampering is detected. Output is
 * {@code enc1:} followed by base64url.
 *
 * @param key key name
 */
public record EncryptSpec(String key) implements OperatorSpec {
  public EncryptSpec {
    Objects.requireNonNull(key, "key");
  }

  static EncryptSpec parse(OperatorParams params) {
    params.allowOnly("action", "key");
    return new EncryptSpec(params.requireKey("encrypt"));
  }

  @Override
  public String action() {
    return "encrypt";
  }

  @Override
  public String keyName() {
    return key;
  }

  @Override
  public Map<String, Object> auditParameters() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("algorithm", "AES-256-GCM-SIV");
    params.put("key", key);
    return params;
  }

  @Override
  public Traits traits() {
    // reversible with the key; its output is opaque text
    return new Traits(true, false, false);
  }

  @Override
  public MaskingOperator build(KeyResolver keys) {
    return new SivEncryptor(keys.key(key));
  }
}
