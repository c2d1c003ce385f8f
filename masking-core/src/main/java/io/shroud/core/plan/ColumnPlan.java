package io.shroud.core.plan;

import io.shroud.core.detect.EntityType;
import io.shroud.core.operator.OperatorSpec;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * The decision for one column, with the reason for the audit.
 *
 * @param column the column
 * @param treatment what happens to its values
 * @param entityType the entity type when the column was classified, or null
 * @param operatorSpec the operator for {@link Treatment#MASK_VALUE}, or null
 * @param origin "policy" when a rule decided, "detected" when profiling did, "unlisted" otherwise
 * @param reason human-readable why
 * @param conditionOrNull when set, this plan applies only to values whose sibling field matches; the
 *     others follow the plan at index {@code otherwise}
 * @param otherwise index in the masking plan of the plan for values that do not match, or -1
 */
public record ColumnPlan(
    ColumnInfo column,
    Treatment treatment,
    EntityType entityType,
    OperatorSpec operatorSpec,
    String origin,
    String reason,
    io.shroud.core.policy.RuleCondition conditionOrNull,
    int otherwise) implements Serializable {

  public ColumnPlan(ColumnInfo column, Treatment treatment, EntityType entityType, OperatorSpec operatorSpec,
      String origin, String reason) {
    this(column, treatment, entityType, operatorSpec, origin, reason, null, -1);
  }

  public Optional<io.shroud.core.policy.RuleCondition> condition() {
    return Optional.ofNullable(conditionOrNull);
  }

  public ColumnPlan {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(treatment, "treatment");
    if (treatment == Treatment.MASK_VALUE && operatorSpec == null) {
      throw new IllegalArgumentException("MASK_VALUE needs an operator");
    }
  }

  /** Nullable components keep the plan serializable (Optional is not). */
  public Optional<EntityType> entity() {
    return Optional.ofNullable(entityType);
  }

  public Optional<OperatorSpec> operator() {
    return Optional.ofNullable(operatorSpec);
  }

  public String name() {
    return column.name();
  }

  /** Whether the output column holds strings where the input held another type. */
  public boolean becomesString() {
    return treatment == Treatment.MASK_VALUE && column.kind() != ColumnInfo.Kind.STRING && !keepsType();
  }

  /** Whether the operator keeps the column's type (perturbed numbers, shifted dates). */
  public boolean keepsType() {
    return operatorSpec != null && operatorSpec.preservesType();
  }
}
