package io.shroud.core.operator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Replaces a value with a constant.
 *
 * @param replacementText the constant; null means the entity label such as {@code <EMAIL>}
 */
public record RedactSpec(String replacementText) implements OperatorSpec {
  public static final RedactSpec LABEL = new RedactSpec(null);

  public static RedactSpec of(Optional<String> replacement) {
    return new RedactSpec(replacement.orElse(null));
  }

  static RedactSpec parse(OperatorParams params) {
    params.allowOnly("action", "replacement");
    return of(params.string("replacement"));
  }

  public Optional<String> replacement() {
    return Optional.ofNullable(replacementText);
  }

  @Override
  public String action() {
    return "redact";
  }

  @Override
  public Map<String, Object> auditParameters() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("replacement", replacementText == null ? "<TYPE>" : replacementText);
    return params;
  }

  @Override
  public Traits traits() {
    return Traits.OPAQUE;
  }

  @Override
  public MaskingOperator build(KeyResolver keys) {
    return new Redactor(this);
  }
}
