package io.shroud.core.operator;

import java.util.Map;

/** Deletes the value: an empty string for a cell, nothing left of a span in free text. */
public record RemoveSpec() implements OperatorSpec {
  static RemoveSpec parse(OperatorParams params) {
    params.allowOnly("action");
    return new RemoveSpec();
  }

  @Override
  public String action() {
    return "remove";
  }

  @Override
  public Map<String, Object> auditParameters() {
    return Map.of();
  }

  @Override
  public Traits traits() {
    return Traits.OPAQUE;
  }

  @Override
  public MaskingOperator build(KeyResolver keys) {
    return (value, type) -> "";
  }
}
