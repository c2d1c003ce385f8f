package io.shroud.core.policy;

import io.shroud.core.operator.OperatorSpec;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * What the policy says about one column.
 *
 * @param column the column name
 * @param kind detect, mask with an operator, keep or drop
 * @param operatorSpec the operator when {@code kind == MASK}, else null
 * @param reasonText why a column is kept (required for keep: it lands in the audit)
 * @param conditionOrNull restricts the rule to elements whose sibling field matches, or null
 */
public record ColumnRule(String column, Kind kind, OperatorSpec operatorSpec, String reasonText,
    RuleCondition conditionOrNull) implements Serializable {

  public ColumnRule(String column, Kind kind, OperatorSpec operatorSpec, String reasonText) {
    this(column, kind, operatorSpec, reasonText, null);
  }

  public Optional<RuleCondition> condition() {
    return Optional.ofNullable(conditionOrNull);
  }

  public ColumnRule withCondition(RuleCondition condition) {
    return new ColumnRule(column, kind, operatorSpec, reasonText, condition);
  }

  public ColumnRule {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.MASK && operatorSpec == null) {
      throw new IllegalArgumentException("a mask rule needs an operator");
    }
  }

  public Optional<OperatorSpec> operator() {
    return Optional.ofNullable(operatorSpec);
  }

  public Optional<String> reason() {
    return Optional.ofNullable(reasonText);
  }

  public static ColumnRule detect(String column) {
    return new ColumnRule(column, Kind.DETECT, null, null);
  }

  public static ColumnRule mask(String column, OperatorSpec operator) {
    return new ColumnRule(column, Kind.MASK, operator, null);
  }

  public static ColumnRule keep(String column, String reason) {
    return new ColumnRule(column, Kind.KEEP, null, reason);
  }

  public static ColumnRule drop(String column) {
    return new ColumnRule(column, Kind.DROP, null, null);
  }

  /** Rule kinds. */
  public enum Kind {
    DETECT,
    MASK,
    KEEP,
    DROP,
    /** Permute the column's values across rows (breaks row linkage, keeps the distribution). */
    SHUFFLE
  }
}
