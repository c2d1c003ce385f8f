package io.shroud.core.policy;

import java.util.LinkedHashMap;
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
}
