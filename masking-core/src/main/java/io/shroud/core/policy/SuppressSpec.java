package io.shroud.core.policy;

import java.util.Map;

/** Sets the value to null (for a span in free text: removes it). To drop the column use {@code drop}. */
public record SuppressSpec() implements OperatorSpec {
  @Override
  public String action() {
    return "suppress";
  }

  @Override
  public Map<String, Object> auditParameters() {
    return Map.of("mode", "null");
  }
}
