package io.shroud.core.operator;

import io.shroud.core.detect.EntityType;

/** Replaces a value with a constant, or with its entity label such as {@code <EMAIL>}. */
final class Redactor implements MaskingOperator {
  private final RedactSpec spec;

  Redactor(RedactSpec spec) {
    this.spec = spec;
  }

  @Override
  public String apply(String value, EntityType type) {
    return spec.replacement().orElseGet(() -> type == null ? "<REDACTED>" : type.label());
  }
}
