package io.shroud.core.policy;

import java.util.Map;

/** Deletes the value: an empty string for a cell, nothing left of a span in free text. */
public record RemoveSpec() implements OperatorSpec {
  @Override
  public String action() {
    return "remove";
  }

  @Override
  public Map<String, Object> auditParameters() {
    return Map.of();
  }
}
