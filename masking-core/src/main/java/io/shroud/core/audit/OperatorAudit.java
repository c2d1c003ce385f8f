package io.shroud.core.audit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of the audit's {@code entityOperators} section: the action used for an entity type's findings
 * and that action's own audit parameters. The parameters stay a map because they are open by design: each
 * operator kind writes its own ({@code OperatorSpec.auditParameters()}). In JSON the entry is one flat
 * object, the action beside its parameters, as the map it replaced: {@code {"action" : "tokenize", "key" : "k", ...}}.
 *
 * @param action the action's policy name ({@code redact}, {@code tokenize}, ... or {@code keep})
 * @param parameters the action's parameters as the audit shows them (never key material)
 */
public record OperatorAudit(String action, Map<String, Object> parameters) {
  private static final String ACTION = "action";

  public OperatorAudit {
    if (parameters.containsKey(ACTION)) {
      throw new IllegalArgumentException("Invalid audit parameters of action " + action + ": 'action' is not a parameter");
    }
    // Not Map.copyOf: an operator may show a parameter as null.
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** An entity type whose findings are kept, with the policy's reason. */
  public static OperatorAudit keep(String reason) {
    return new OperatorAudit("keep", Map.of("reason", reason));
  }

  /** The flat object written to the audit (its keys are ordered by name when written). */
  @JsonValue
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(ACTION, action);
    json.putAll(parameters);
    return json;
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static OperatorAudit fromJson(Map<String, Object> json) {
    Map<String, Object> parameters = new LinkedHashMap<>(json);
    Object action = parameters.remove(ACTION);
    return new OperatorAudit(action == null ? null : action.toString(), parameters);
  }
}
