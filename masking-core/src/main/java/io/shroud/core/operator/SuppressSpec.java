package io.shroud.core.operator;

import java.util.Map;

/** Sets the value to null (for a span in free text: removes it). To drop the column use {@code drop}. */
public record SuppressSpec() implements OperatorSpec {
  static SuppressSpec parse(OperatorParams params) {
    params.allowOnly("action");
    return new SuppressSpec();
  }

  @Override
  public String action() {
    return "suppress";
  }

  @Override
  public Map<String, Object> auditParameters() {
    return Map.of("mode", "null");
  }

  @Override
  public Traits traits() {
    return Traits.OPAQUE;
  }

  @Override
  public MaskingOperator build(KeyResolver keys) {
    return (value, type) -> null;
  }
}
