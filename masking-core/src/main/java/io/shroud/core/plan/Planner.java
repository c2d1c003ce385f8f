package io.shroud.core.plan;

import io.shroud.core.operator.OperatorSpec;
import io.shroud.core.policy.ColumnRule;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.UnlistedColumns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds a policy to the input's columns: every rule must name a real column, and every column gets a
 * decision (fail closed: unless the policy says otherwise, an undecided column is detected).
 */
public final class Planner {
  private Planner() {}

  public static BoundPolicy bind(Policy policy, List<ColumnInfo> schema) {
    Map<String, ColumnInfo> byName = new LinkedHashMap<>();
    Set<String> addressable = new LinkedHashSet<>();
    for (ColumnInfo column : schema) {
      byName.put(column.name(), column);
      addressable.addAll(column.ancestors());
      addressable.add(column.name());
    }
    for (String column : policy.columns().keySet()) {
      if (!addressable.contains(column)) {
        throw policy.source().error(pointer(column), (column.contains(".") || column.contains("[") ? "path '" : "column '")
            + column + "' is not in the input " + policy.input().path() + suggestion(column, addressable));
      }
    }
    Map<String, ColumnRule> anonymity = anonymityColumns(policy, byName, addressable);
    Map<String, ColumnRule> decisions = new LinkedHashMap<>();
    Map<String, ColumnRule> fallbacks = new LinkedHashMap<>();
    List<String> undecided = new ArrayList<>();
    for (ColumnInfo column : schema) {
      ColumnRule rule = NestedRules.ruleFor(policy, column);
      if (rule == null) {
        rule = anonymity.get(column.name());
      }
      if (rule == null) {
        undecided.add(column.name());
        rule = switch (policy.unlistedColumns()) {
          case DETECT, FAIL -> ColumnRule.detect(column.name());
          case DROP -> ColumnRule.drop(column.name());
          case KEEP -> ColumnRule.keep(column.name(), "unlistedColumns: keep");
        };
      }
      decisions.put(column.name(), NestedRules.check(policy, column, rule));
      if (rule.condition().isPresent()) {
        NestedRules.checkCondition(policy, column, rule, byName);
        ColumnRule otherwise = NestedRules.inheritedRule(policy, column);
        if (otherwise == null) {
          otherwise = switch (policy.unlistedColumns()) {
            case DETECT, FAIL -> ColumnRule.detect(column.name());
            case DROP -> ColumnRule.detect(column.name()); // a field inside a struct cannot be dropped: detect it
            case KEEP -> ColumnRule.keep(column.name(), "unlistedColumns: keep");
          };
        }
        fallbacks.put(column.name(), NestedRules.check(policy, column, otherwise));
      }
    }
    if (policy.unlistedColumns() == UnlistedColumns.FAIL && !undecided.isEmpty()) {
      throw policy.source().error("/unlistedColumns", "unlistedColumns is 'fail' and the policy has no rule for "
          + undecided.size() + " column(s): " + String.join(", ", undecided));
    }
    checkSubjects(policy, byName);
    return new BoundPolicy(policy, schema, decisions, fallbacks);
  }

  static String pointer(String column) {
    return "/columns/" + column.replace("~", "~0").replace("/", "~1");
  }

  /**
   * Quasi-identifiers are generalized by the anonymity stage, not detected or masked as PII: they
   * pass the mask stage unchanged. Sensitive attributes are kept unless a rule says otherwise.
   */
  private static Map<String, ColumnRule> anonymityColumns(Policy policy, Map<String, ColumnInfo> byName,
      Set<String> addressable) {
    Map<String, ColumnRule> rules = new LinkedHashMap<>();
    policy.anonymity().ifPresent(a -> {
      for (String qi : a.quasiIdentifierNames()) {
        String pointer = "/anonymity/quasiIdentifiers/" + qi;
        if (!byName.containsKey(qi) || byName.get(qi).nested()) {
          throw policy.source().error(pointer, "quasi-identifier '" + qi + "' is not "
              + (addressable.contains(qi) ? "a top-level column (k-anonymity groups rows by top-level columns)"
                  : "in the input " + policy.input().path() + suggestion(qi, topLevelNames(byName))));
        }
        if (policy.columns().containsKey(qi)) {
          throw policy.source().error(pointer, "column '" + qi + "' is a quasi-identifier and also has a rule in "
              + "'columns'; quasi-identifiers are generalized by the anonymity stage, so remove one of the two");
        }
        rules.put(qi, ColumnRule.keep(qi, "quasi-identifier: generalized by the anonymity stage"));
      }
      for (String sensitive : a.sensitive().keySet()) {
        if (!byName.containsKey(sensitive) || byName.get(sensitive).nested()) {
          throw policy.source().error("/anonymity/sensitive/" + sensitive, "sensitive column '" + sensitive
              + "' is not " + (addressable.contains(sensitive) ? "a top-level column"
                  : "in the input " + policy.input().path() + suggestion(sensitive, topLevelNames(byName))));
        }
        rules.put(sensitive, ColumnRule.keep(sensitive, "sensitive attribute: protected by l-diversity"));
      }
    });
    return rules;
  }

  private static Set<String> topLevelNames(Map<String, ColumnInfo> byName) {
    Set<String> names = new LinkedHashSet<>();
    byName.values().forEach(c -> names.add(c.topLevel()));
    return names;
  }

  /** A subject column (a date shift's) must exist: it decides each row's offset. */
  private static void checkSubjects(Policy policy, Map<String, ColumnInfo> byName) {
    policy.columns().forEach((column, rule) -> rule.operator().ifPresent(op -> checkSubject(policy, byName, op,
        "/columns/" + column + "/subject")));
    policy.operators().byType().forEach((type, op) -> checkSubject(policy, byName, op, "/operators/" + type.name() + "/subject"));
  }

  private static void checkSubject(Policy policy, Map<String, ColumnInfo> byName, OperatorSpec op, String pointer) {
    op.subjectColumn().filter(subject -> !byName.containsKey(subject) || byName.get(subject).nested())
        .ifPresent(subject -> {
          throw policy.source().error(pointer, "subject column '" + subject + "' is not in the input "
              + policy.input().path() + suggestion(subject, byName.keySet()));
        });
  }

  /** " (columns: a, b, c; did you mean 'x'?)" */
  static String suggestion(String wanted, Set<String> columns) {
    String nearest = null;
    int best = Integer.MAX_VALUE;
    for (String c : columns) {
      int d = editDistance(wanted.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
      if (d < best) {
        best = d;
        nearest = c;
      }
    }
    String listed = columns.stream().limit(20).collect(Collectors.joining(", "));
    String hint = nearest != null && best <= Math.max(2, wanted.length() / 3) ? "; did you mean '" + nearest + "'?" : "";
    return " (its columns: " + listed + (columns.size() > 20 ? ", ..." : "") + hint + ")";
  }

  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
