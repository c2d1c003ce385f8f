package io.shroud.core.operator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Keyed HMAC-SHA256 of the value. Never an unsalted digest: without the key the output cannot be
 * brute-forced from a dictionary of likely inputs.
 *
 * @param key name of the key in the policy's {@code keys} section
 * @param encoding hex or base32
 * @param length characters kept from the encoded digest (0 = all)
 */
public record HashSpec(String key, Encoding encoding, int length) implements OperatorSpec {
  public HashSpec {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(encoding, "encoding");
    int max = encoding.encodedLength();
    if (length < 0 || length > max) {
      throw new IllegalArgumentException(
          "length must be between 0 (all) and " + max + " for " + encoding.yamlName() + ", got " + length);
    }
    if (length != 0 && length < 8) {
      throw new IllegalArgumentException(
          "length must be at least 8 characters to keep collisions rare, got " + length);
    }
  }

  static HashSpec parse(OperatorParams params) {
    params.allowOnly("action", "key", "encoding", "length");
    String key = params.declaredKey("hash needs 'key': the name of a key in the policy's 'keys' section (a hash "
        + "without a key can be reversed by guessing)");
    Encoding encoding = params.enumValue("encoding", Encoding.class, Encoding::yamlName).orElse(Encoding.HEX);
    int length = params.integer("length").orElse(0);
    try {
      return new HashSpec(key, encoding, length);
    } catch (IllegalArgumentException e) {
      throw params.error("length", "invalid '" + params.dotted("length") + "': " + e.getMessage());
    }
  }

  @Override
  public String action() {
    return "hash";
  }

  @Override
  public String keyName() {
    return key;
  }

  @Override
  public Map<String, Object> auditParameters() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("algorithm", "HMAC-SHA256");
    params.put("key", key);
    params.put("encoding", encoding.yamlName());
    params.put("length", length == 0 ? encoding.encodedLength() : length);
    return params;
  }

  @Override
  public Traits traits() {
    return Traits.OPAQUE;
  }

  @Override
  public MaskingOperator build(KeyResolver keys) {
    return new KeyedHasher(this, keys.key(key));
  }

  /** Text encodings of the 32-byte digest. */
  public enum Encoding {
    HEX("hex", 64),
    BASE32("base32", 52);

    private final String yamlName;
    private final int encodedLength;

    Encoding(String yamlName, int encodedLength) {
      this.yamlName = yamlName;
      this.encodedLength = encodedLength;
    }

    public String yamlName() {
      return yamlName;
    }

    public int encodedLength() {
      return encodedLength;
    }
  }
}
