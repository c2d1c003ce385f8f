package io.shroud.core.operator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Consistent pseudonyms such as {@code PERSON_7f3a9c2e}: a keyed PRF of the value, so the same value
 * gets the same pseudonym in every row, column, table and run under one key (joins survive), and
 * different keys give unlinkable pseudonyms.
 *
 * @param key key name
 * @param prefix text before the underscore; null means the entity type (or {@code ID})
 * @param length hex digits after the underscore (6..32)
 */
public record PseudonymizeSpec(String key, String prefix, int length) implements OperatorSpec {
  public PseudonymizeSpec {
    Objects.requireNonNull(key, "key");
    if (length < 6 || length > 32) {
      throw new IllegalArgumentException("length must be between 6 and 32 hex digits, got " + length);
    }
    if (prefix != null && !prefix.matches("[A-Za-z0-9_-]{1,32}")) {
      throw new IllegalArgumentException("prefix must be 1-32 letters, digits, '_' or '-'");
    }
  }

  static PseudonymizeSpec parse(OperatorParams params) {
    params.allowOnly("action", "key", "prefix", "length");
    try {
      return new PseudonymizeSpec(params.requireKey("pseudonymize"), params.string("prefix").orElse(null),
          params.integer("length").orElse(8));
    } catch (IllegalArgumentException e) {
      throw params.error(null, "invalid '" + params.owner() + "': " + e.getMessage());
    }
  }

  @Override
  public String action() {
    return "pseudonymize";
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
    params.put("prefix", prefix == null ? "<TYPE>" : prefix);
    params.put("length", length);
    return params;
  }

  @Override
  public Traits traits() {
    return Traits.OPAQUE;
  }

  @Override
  public MaskingOperator build(KeyResolver keys) {
    return new Pseudonymizer(this, keys.key(key));
  }
}
