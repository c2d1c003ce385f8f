package io.shroud.core.plan;

import io.shroud.core.policy.ColumnRule;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.RuleCondition;
import java.util.List;
import java.util.Map;

/**
 * How policy rules reach the leaves of nested data. The most specific rule wins: one on the leaf's
 * own path, else one on the nearest enclosing struct, array or map, up to the top-level column.
 * Nested output keeps its exact schema, which rules out a few actions below the top level.
 */
final class NestedRules {
  private NestedRules() {}

  /** The rule that applies to {@code column}, or null when the policy names neither it nor a container. */
  static ColumnRule ruleFor(Policy policy, ColumnInfo column) {
    ColumnRule own = policy.columns().get(column.name());
    return own != null ? own : inheritedRule(policy, column);
  }

  /** The rule of the nearest enclosing container that has one, or null. */
  static ColumnRule inheritedRule(Policy policy, ColumnInfo column) {
    List<String> ancestors = column.ancestors();
    for (int i = ancestors.size() - 1; i >= 0; i--) {
      ColumnRule inherited = policy.columns().get(ancestors.get(i));
      if (inherited != null) {
        return inherited.kind() == ColumnRule.Kind.MASK && column.kind() != ColumnInfo.Kind.STRING
            // An operator for a container masks its text; numbers and other leaves inside it are
            // still detected (fail closed) rather than turned into strings, which would change the schema.
            ? ColumnRule.detect(column.name()) : inherited;
      }
    }
    return null;
  }

  /**
   * A conditional rule needs a string field beside the ruled one to test; returns the sibling's path.
   */
  static void checkCondition(Policy policy, ColumnInfo column, ColumnRule rule, Map<String, ColumnInfo> byName) {
    RuleCondition condition = rule.condition().orElseThrow();
    String where = Planner.pointer(column.name()) + "/when";
    if (!column.nested() || !column.name().equals(rule.column())) {
      throw policy.source().error(where, "'when' works on a field inside a struct (such as messages[].content), "
          + "and '" + rule.column() + "' is " + (column.nested() ? "a container" : "a top-level column"));
    }
    String parent = column.ancestors().get(column.ancestors().size() - 1);
    String siblingPath = parent + "." + condition.field();
    ColumnInfo sibling = byName.get(siblingPath);
    if (sibling == null || sibling.kind() != ColumnInfo.Kind.STRING || !column.name().startsWith(parent + ".")) {
      throw policy.source().error(where, "'when' on '" + column.name() + "' tests field '" + condition.field()
          + "', which is not a string field beside it (expected '" + siblingPath + "')");
    }
  }

  /** Refuses actions a nested leaf cannot take without changing the schema. */
  static ColumnRule check(Policy policy, ColumnInfo column, ColumnRule rule) {
    if (!column.nested()) {
      return rule;
    }
    String where = ruleName(policy, column);
    if (where == null) {
      return rule;
    }
    switch (rule.kind()) {
      case DROP:
        if (!where.equals(column.topLevel())) {
          throw policy.source().error(Planner.pointer(where), "cannot drop '" + where + "': it is inside '"
              + column.topLevel() + "' and nested output keeps its schema; use action remove or redact for the field, "
              + "or drop the top-level column '" + column.topLevel() + "'");
        }
        return rule;
      case SHUFFLE:
        throw policy.source().error(Planner.pointer(where), "cannot shuffle '" + where + "': shuffle permutes "
            + "top-level columns across rows, and '" + where + "' is nested data");
      case MASK:
        if (column.kind() != ColumnInfo.Kind.STRING && !rule.operator().orElseThrow().preservesType()) {
          throw policy.source().error(Planner.pointer(where), "cannot apply " + rule.operator().orElseThrow().action()
              + " to '" + column.name() + "' of type " + column.typeName() + ": nested fields keep their type, so "
              + "only perturb applies to them (or redact the enclosing text, or drop '" + column.topLevel() + "')");
        }
        return rule;
      default:
        return rule;
    }
  }

  /** The policy key whose rule applies, or null when none does. */
  private static String ruleName(Policy policy, ColumnInfo column) {
    if (policy.columns().containsKey(column.name())) {
      return column.name();
    }
    for (int i = column.ancestors().size() - 1; i >= 0; i--) {
      if (policy.columns().containsKey(column.ancestors().get(i))) {
        return column.ancestors().get(i);
      }
    }
    return null;
  }
}
