package io.shroud.core.plan;

import io.shroud.core.detect.ColumnProfile;
import io.shroud.core.detect.EntityType;
import io.shroud.core.plan.ColumnPlan.Origin;
import io.shroud.core.policy.ColumnRule;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.RuleCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A policy checked against the input's columns, with one rule per column. */
public final class BoundPolicy {
  private final Policy policy;
  private final List<ColumnInfo> schema;
  private final Map<String, ColumnRule> decisions;
  private final Map<String, ColumnRule> fallbacks;

  BoundPolicy(Policy policy, List<ColumnInfo> schema, Map<String, ColumnRule> decisions,
      Map<String, ColumnRule> fallbacks) {
    this.policy = policy;
    this.schema = List.copyOf(schema);
    this.decisions = Map.copyOf(decisions);
    this.fallbacks = Map.copyOf(fallbacks);
  }

  public Policy policy() {
    return policy;
  }

  /** Columns whose treatment depends on what a sample of them holds. */
  public List<ColumnInfo> columnsToProfile() {
    return schema.stream()
        .filter(c -> decisions.get(c.name()).kind() == ColumnRule.Kind.DETECT
            || (fallbacks.containsKey(c.name()) && fallbacks.get(c.name()).kind() == ColumnRule.Kind.DETECT))
        .filter(c -> c.kind() == ColumnInfo.Kind.STRING || c.kind() == ColumnInfo.Kind.NUMBER)
        .toList();
  }

  /**
   * Text and number columns an explicit rule masks (hash, redact, tokenize, ...). Their profile does
   * not change the plan; it tells the audit and the run report what they held (on a sample).
   */
  public List<ColumnInfo> columnsMaskedByRule() {
    return schema.stream()
        .filter(c -> decisions.get(c.name()).kind() == ColumnRule.Kind.MASK)
        .filter(c -> c.kind() == ColumnInfo.Kind.STRING || c.kind() == ColumnInfo.Kind.NUMBER)
        .toList();
  }

  /** The final plan, given profiles of the columns from {@link #columnsToProfile()}. */
  public MaskingPlan plan(Map<String, ColumnProfile> profiles) {
    return plan(profiles, ColumnHints.NONE);
  }

  /**
   * The final plan, with an outside scanner's {@code hints} merged in: a detected column the hints
   * flag is masked even when Shroud's own sample scan missed it; explicit rules still win, and their
   * reason notes the hint.
   */
  public MaskingPlan plan(Map<String, ColumnProfile> profiles, ColumnHints hints) {
    List<ColumnPlan> plans = new ArrayList<>();
    List<ColumnPlan> otherwise = new ArrayList<>();
    for (ColumnInfo column : schema) {
      ColumnPlan plan = withHint(planColumn(column, decisions.get(column.name()), profiles.get(column.name())),
          decisions.get(column.name()), profiles.get(column.name()), hints);
      ColumnRule fallback = fallbacks.get(column.name());
      if (fallback != null) {
        // Values that do not match the condition follow a second plan, appended after the leaves.
        ColumnInfo rest = new ColumnInfo(column.name() + " [otherwise]", column.kind(), column.typeName(),
            column.topLevel(), column.ancestors(), column.nullable());
        ColumnPlan other = planColumn(rest, fallback, profiles.get(column.name()));
        RuleCondition condition = decisions.get(column.name()).condition().orElseThrow();
        plan = new ColumnPlan(column, plan.treatment(), plan.entityType(), plan.operatorSpec(), plan.decidedBy(),
            plan.reason() + " (when " + condition + ")", condition, schema.size() + otherwise.size());
        otherwise.add(new ColumnPlan(rest, other.treatment(), other.entityType(), other.operatorSpec(), other.decidedBy(),
            other.reason() + " (when not " + condition + ")"));
      }
      plans.add(plan);
    }
    plans.addAll(otherwise);
    return new MaskingPlan(plans, policy.operators(), policy.detection(), policy.keys());
  }

  private ColumnPlan withHint(ColumnPlan plan, ColumnRule rule, ColumnProfile profile, ColumnHints hints) {
    ColumnInfo column = plan.column();
    EntityType hinted = hints.strongest(column.name());
    if (hinted == null) {
      return plan;
    }
    String seen = hints.source() + " found " + hints.describe(column.name());
    if (rule.kind() != ColumnRule.Kind.DETECT) {
      return note(plan, plan.reason() + "; note: " + seen + " in it");
    }
    boolean scanned = plan.treatment() == Treatment.SCAN_TEXT || plan.treatment() == Treatment.SCAN_NUMBER;
    boolean sampleAgrees = profile != null && profile.findings().keySet().stream()
        .anyMatch(t -> hints.byColumn().get(column.name()).containsKey(t));
    boolean typeSafe = column.kind() == ColumnInfo.Kind.STRING || !column.nested();
    if ((scanned && !sampleAgrees || plan.treatment() == Treatment.KEEP) && typeSafe) {
      // Shroud's scan of the sample did not see what the outside scanner saw: trust it and mask the whole column.
      return new ColumnPlan(column, Treatment.MASK_VALUE, hinted, policy.operators().forType(hinted), Origin.MACIE,
          seen + "; Shroud's sample scan did not, so every value is masked as " + hinted);
    }
    return note(plan, plan.reason() + "; " + seen);
  }

  private static ColumnPlan note(ColumnPlan plan, String reason) {
    return new ColumnPlan(plan.column(), plan.treatment(), plan.entityType(), plan.operatorSpec(), plan.decidedBy(), reason,
        plan.conditionOrNull(), plan.otherwise());
  }

  private ColumnPlan planColumn(ColumnInfo column, ColumnRule rule, ColumnProfile profile) {
    boolean named = policy.columns().containsKey(column.name())
        || column.ancestors().stream().anyMatch(policy.columns()::containsKey);
    Origin origin = named ? Origin.POLICY
        : policy.anonymity().map(a -> a.quasiIdentifierNames().contains(column.name())
            || a.sensitive().containsKey(column.name())).orElse(false) ? Origin.ANONYMITY : Origin.UNLISTED;
    switch (rule.kind()) {
      case KEEP:
        return new ColumnPlan(column, Treatment.KEEP, null, null, origin, rule.reason().orElse(""));
      case DROP:
        return new ColumnPlan(column, Treatment.DROP, null, null, origin, "dropped by policy");
      case SHUFFLE:
        return new ColumnPlan(column, Treatment.SHUFFLE, null, null, origin, "values permuted across rows");
      case MASK:
        return new ColumnPlan(column, Treatment.MASK_VALUE, null, rule.operator().get(), origin,
            "rule: " + rule.operator().get().action());
      default:
        return planDetected(column, profile, origin);
    }
  }

  private ColumnPlan planDetected(ColumnInfo column, ColumnProfile profile, Origin origin) {
    if (column.kind() == ColumnInfo.Kind.OTHER_ATOMIC || column.kind() == ColumnInfo.Kind.NESTED) {
      return new ColumnPlan(column, Treatment.KEEP, null, null, origin,
          "type " + column.typeName() + " holds no text the detectors apply to");
    }
    boolean keepsSchema = column.nested() && column.kind() != ColumnInfo.Kind.STRING;
    if (profile != null && profile.classification().isPresent() && !keepsSchema) {
      EntityType type = profile.classification().get();
      return new ColumnPlan(column, Treatment.MASK_VALUE, type,
          policy.operators().forType(type), Origin.DETECTED,
          String.format(Locale.ROOT, "classified as %s (%.0f%% of %d sampled values)",
              type, profile.confidence() * 100, profile.nonEmpty()));
    }
    Treatment scan = column.kind() == ColumnInfo.Kind.NUMBER ? Treatment.SCAN_NUMBER : Treatment.SCAN_TEXT;
    return new ColumnPlan(column, scan, null, null, origin, "scanned cell by cell");
  }
}
