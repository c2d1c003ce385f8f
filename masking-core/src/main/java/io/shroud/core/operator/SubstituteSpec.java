package io.shroud.core.operator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Realistic fake values of the same kind (names, e-mails, phones, addresses, dates...), chosen by a
 * keyed PRF of the value: the same person gets the same fake everywhere under one key.
 *
 * @param key key name
 * @param fakeType kind of fake (PERSON, EMAIL, ...); null means the finding's entity type
 * @param locale BCP 47 locale for the fakes, such as en-US or de-DE
 */
public record SubstituteSpec(String key, String fakeType, String locale) implements OperatorSpec {
  public SubstituteSpec {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(locale, "locale");
  }

  static SubstituteSpec parse(OperatorParams params) {
    params.allowOnly("action", "key", "type", "locale");
    String key = params.requireKey("substitute");
    String type = params.string("type").map(t -> t.trim().toUpperCase(Locale.ROOT)).orElse(null);
    String locale = params.string("locale").orElse("en-US");
    if (!locale.matches("[a-z]{2,3}(-[A-Z]{2})?")) {
      throw params.error("locale", "invalid locale '" + locale + "' at '" + params.dotted("locale")
          + "'; expected a tag such as en-US or de-DE");
    }
    return new SubstituteSpec(key, type, locale);
  }

  @Override
  public String action() {
    return "substitute";
  }

  @Override
  public String keyName() {
    return key;
  }

  @Override
  public Map<String, Object> auditParameters() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("key", key);
    params.put("type", fakeType == null ? "<TYPE>" : fakeType);
    params.put("locale", locale);
    return params;
  }

  @Override
  public Traits traits() {
    // a substitute name is still a name
    return new Traits(false, false, true);
  }

  @Override
  public MaskingOperator build(KeyResolver keys) {
    return new Substituter(this, keys.key(key));
  }
}
