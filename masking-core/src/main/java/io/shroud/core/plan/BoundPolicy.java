package io.shroud.core.plan;

import io.shroud.core.detect.ColumnProfile;
import io.shroud.core.detect.EntityType;
import io.shroud.core.policy.ColumnRule;
import io.shroud.core.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A policy checked against the input's columns, with one rule per column. */
public final class BoundPolicy {
  private final Policy policy;
  private final List<ColumnInfo> schema;
  private final Map<String, ColumnRule> decisions;

  BoundPolicy(Policy policy, List<ColumnInfo> schema, Map<String, ColumnRule> decisions) {
    this.policy = policy;
    this.schema = List.copyOf(schema);
    this.decisions = Map.copyOf(decisions);
  }

  public Policy policy() {
    return policy;
  }

  /** Columns whose treatment depends on what a sample of them holds. */
  public List<ColumnInfo> columnsToProfile() {
    return schema.stream()
        .filter(c -> decisions.get(c.name()).kind() == ColumnRule.Kind.DETECT)
        .filter(c -> c.kind() == ColumnInfo.Kind.STRING || c.kind() == ColumnInfo.Kind.NUMBER)
        .toList();
  }

  /** The final plan, given profiles of the columns from {@link #columnsToProfile()}. */
  public MaskingPlan plan(Map<String, ColumnProfile> profiles) {
    List<ColumnPlan> plans = new ArrayList<>();
    for (ColumnInfo column : schema) {
      plans.add(planColumn(column, decisions.get(column.name()), profiles.get(column.name())));
    }
    return new MaskingPlan(plans, policy.operators(), policy.detection(), policy.keys());
  }

  private ColumnPlan planColumn(ColumnInfo column, ColumnRule rule, ColumnProfile profile) {
    boolean named = policy.columns().containsKey(column.name())
        || column.ancestors().stream().anyMatch(policy.columns()::containsKey);
    String origin = named ? "policy"
        : policy.anonymity().map(a -> a.quasiIdentifierNames().contains(column.name())
            || a.sensitive().containsKey(column.name())).orElse(false) ? "anonymity" : "unlisted";
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

  private ColumnPlan planDetected(ColumnInfo column, ColumnProfile profile, String origin) {
    if (column.kind() == ColumnInfo.Kind.OTHER_ATOMIC || column.kind() == ColumnInfo.Kind.NESTED) {
      return new ColumnPlan(column, Treatment.KEEP, null, null, origin,
          "type " + column.typeName() + " holds no text the detectors apply to");
    }
    boolean keepsSchema = column.nested() && column.kind() != ColumnInfo.Kind.STRING;
    if (profile != null && profile.classification().isPresent() && !keepsSchema) {
      EntityType type = profile.classification().get();
      return new ColumnPlan(column, Treatment.MASK_VALUE, type,
          policy.operators().forType(type), "detected",
          String.format(java.util.Locale.ROOT, "classified as %s (%.0f%% of %d sampled values)",
              type, profile.confidence() * 100, profile.nonEmpty()));
    }
    Treatment scan = column.kind() == ColumnInfo.Kind.NUMBER ? Treatment.SCAN_NUMBER : Treatment.SCAN_TEXT;
    return new ColumnPlan(column, scan, null, null, origin, "scanned cell by cell");
  }
}
