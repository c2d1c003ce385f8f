package io.shroud.core.policy;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Restricts a rule on a nested field to the elements whose sibling string field holds one of some
 * values, e.g. {@code when: { role: [assistant] }} on {@code messages[].content}. Elements that do not
 * match get the decision the field would have without the rule (an enclosing rule, else
 * {@code unlistedColumns}), so a new role nobody listed is still detected.
 *
 * @param field the sibling field's name, in the same struct as the ruled field
 * @param values the values that select the rule (compared exactly)
 */
public record RuleCondition(String field, List<String> values) implements Serializable {
  public RuleCondition {
    Objects.requireNonNull(field, "field");
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a condition needs at least one value");
    }
  }

  public boolean matches(String sibling) {
    return sibling != null && values.contains(sibling);
  }

  @Override
  public String toString() {
    return field + " in " + values;
  }
}
