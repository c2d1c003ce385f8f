package io.shroud.core.operator;

import io.shroud.core.detect.EntityType;
import io.shroud.core.keys.KeyMaterial;
import java.util.HexFormat;

/** {@code PERSON_7f3a9c2e}: a keyed PRF of the value, stable under one key, unlinkable across keys. */
final class Pseudonymizer implements MaskingOperator {
  private final PseudonymizeSpec spec;
  private final Hmac hmac;

  Pseudonymizer(PseudonymizeSpec spec, KeyMaterial key) {
    this.spec = spec;
    this.hmac = new Hmac(key, "pseudonymize");
  }

  @Override
  public String apply(String value, EntityType type) {
    String prefix = spec.prefix() != null ? spec.prefix() : type != null ? type.name() : "ID";
    return prefix + "_" + HexFormat.of().formatHex(hmac.digest(value)).substring(0, spec.length());
  }
}
