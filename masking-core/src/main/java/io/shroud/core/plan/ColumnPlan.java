package io.shroud.core.plan;

import io.shroud.core.detect.EntityType;
import io.shroud.core.operator.OperatorSpec;
import io.shroud.core.policy.RuleCondition;
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
 * @param decidedBy who decided: a policy rule, profiling, the anonymity section, an outside scanner
 *     (Macie), or nobody (the unlisted-columns default); {@link #origin()} is its audit label
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
    Origin decidedBy,
    String reason,
    RuleCondition conditionOrNull,
    int otherwise) implements Serializable {

  public ColumnPlan(ColumnInfo column, Treatment treatment, EntityType entityType, OperatorSpec operatorSpec,
      Origin decidedBy, String reason) {
    this(column, treatment, entityType, operatorSpec, decidedBy, reason, null, -1);
  }

  /** With the origin as the audit writes it ({@code policy}, {@code detected}, ...). */
  public ColumnPlan(ColumnInfo column, Treatment treatment, EntityType entityType, OperatorSpec operatorSpec,
      String origin, String reason) {
    this(column, treatment, entityType, operatorSpec, Origin.of(origin), reason);
  }

  /** Who decided, as the audit writes it: {@code policy}, {@code detected}, {@code anonymity}, ... */
  public String origin() {
    return decidedBy.label();
  }

  public Optional<RuleCondition> condition() {
    return Optional.ofNullable(conditionOrNull);
  }

  public ColumnPlan {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(treatment, "treatment");
    Objects.requireNonNull(decidedBy, "decidedBy");
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

  /** Who decided a column's treatment. */
  public enum Origin {
    /** A policy rule names the column or a column enclosing it. */
    POLICY("policy"),
    /** No rule: profiling classified the column's values. */
    DETECTED("detected"),
    /** No rule, but the anonymity section names it (a quasi-identifier or sensitive attribute). */
    ANONYMITY("anonymity"),
    /** An outside scanner (Amazon Macie) found what Shroud's sample scan did not. */
    MACIE("macie"),
    /** No rule: the policy's unlistedColumns default applied. */
    UNLISTED("unlisted");

    private final String label;

    Origin(String label) {
      this.label = label;
    }

    /** The audit's word for it. */
    public String label() {
      return label;
    }

    /** The origin with this audit label. */
    public static Origin of(String label) {
      for (Origin origin : values()) {
        if (origin.label.equals(label)) {
          return origin;
        }
      }
      throw new IllegalArgumentException("Invalid column plan origin '" + label + "'");
    }
  }
}
