package io.shroud.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shroud.core.detect.EntityType;
import io.shroud.core.operator.OperatorSpec;
import io.shroud.core.operator.RedactSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Parses column rules and operator specs, checking each action's own parameters. */
final class OperatorParser {
  static final List<String> OPERATOR_ACTIONS = OperatorSpec.actionNames();
  static final List<String> RULE_ACTIONS = Stream.concat(
      Stream.of("detect", "keep", "drop", "shuffle"), OPERATOR_ACTIONS.stream()).toList();

  private final Set<String> keyNames;

  OperatorParser(Set<String> keyNames) {
    this.keyNames = keyNames;
  }

  /** A column rule: a mapping with {@code action}, or the action alone as a string. */
  ColumnRule parseRule(YamlObject columns, String column) {
    YamlObject given = asRuleObject(columns, column);
    if (!given.has("when")) {
      return parseUnconditionalRule(given, column);
    }
    RuleCondition condition = parseCondition(given, column);
    ColumnRule rule = parseUnconditionalRule(given.without("when"), column);
    if (rule.kind() == ColumnRule.Kind.DROP || rule.kind() == ColumnRule.Kind.SHUFFLE) {
      throw given.error("when", "'when' cannot restrict action " + rule.kind().name().toLowerCase(Locale.ROOT)
          + ": it applies to the whole column");
    }
    return rule.withCondition(condition);
  }

  /** {@code when: { role: [user, tool] }} or {@code when: { role: user }}: one sibling field, its values. */
  private static RuleCondition parseCondition(YamlObject rule, String column) {
    YamlObject when = rule.object("when").orElseThrow();
    List<String> fields = when.keys();
    if (fields.size() != 1) {
      throw rule.error("when", "'when' on '" + column + "' needs exactly one field and its values, e.g. "
          + "when: { role: [assistant] }; got " + fields.size() + " fields");
    }
    String field = fields.get(0);
    JsonNode raw = when.raw(field);
    List<String> values = raw != null && raw.isTextual() ? List.of(raw.textValue())
        : when.stringList(field).orElse(List.of());
    if (values.isEmpty()) {
      throw when.error(field, "'when." + field + "' on '" + column + "' needs a value or a list of values");
    }
    return new RuleCondition(field, values);
  }

  private ColumnRule parseUnconditionalRule(YamlObject rule, String column) {
    String action = rule.string("action").orElseThrow(() -> rule.error(null,
        "column '" + column + "' needs an 'action'; expected one of: " + String.join(", ", RULE_ACTIONS)));
    switch (action) {
      case "detect":
        rule.allowOnly("action");
        return ColumnRule.detect(column);
      case "drop":
        rule.allowOnly("action");
        return ColumnRule.drop(column);
      case "shuffle":
        rule.allowOnly("action");
        return new ColumnRule(column, ColumnRule.Kind.SHUFFLE, null, null);
      case "keep":
        rule.allowOnly("action", "reason");
        String reason = rule.string("reason").filter(r -> !r.isBlank()).orElseThrow(() -> rule.error(null,
            "column '" + column + "' is kept without a 'reason'; say why it is safe (it goes to the audit)"));
        return ColumnRule.keep(column, reason);
      default:
        return ColumnRule.mask(column, parseOperator(rule, action, RULE_ACTIONS));
    }
  }

  EntityOperators parseEntityOperators(YamlObject section) {
    Map<EntityType, OperatorSpec> byType = new LinkedHashMap<>();
    Map<EntityType, String> kept = new LinkedHashMap<>();
    OperatorSpec fallback = RedactSpec.LABEL;
    for (String name : section.keys()) {
      YamlObject spec = asRuleObject(section, name);
      String action = spec.string("action").orElseThrow(() -> spec.error(null,
          "operator for '" + name + "' needs an 'action'; expected one of: " + String.join(", ", OPERATOR_ACTIONS)
              + ", or keep"));
      if (action.equals("keep")) {
        kept.put(keptType(section, spec, name), spec.string("reason").filter(r -> !r.isBlank()).orElseThrow(() ->
            spec.error(null, "entity type '" + name + "' is kept without a 'reason'; say why its spans may stay "
                + "(it goes to the audit)")));
        continue;
      }
      OperatorSpec operator = parseOperator(spec, action, OPERATOR_ACTIONS);
      operator.problemFor(name).ifPresent(problem -> {
        throw spec.error(null, problem);
      });
      if (name.equalsIgnoreCase("default")) {
        fallback = operator;
      } else {
        try {
          byType.put(EntityType.of(name), operator);
        } catch (IllegalArgumentException e) {
          throw section.error(name, "invalid entity type '" + name + "' in 'operators'; use names such as EMAIL or US_SSN, or 'default'");
        }
      }
    }
    return new EntityOperators(byType, fallback, kept);
  }

  /** The type a {@code keep} names: never {@code default}, which would pass every finding through. */
  private static EntityType keptType(YamlObject section, YamlObject spec, String name) {
    spec.allowOnly("action", "reason");
    if (name.equalsIgnoreCase("default")) {
      throw spec.error(null, "'default' cannot be kept: every type nobody decided about is masked (fail closed); "
          + "keep names the types to leave as written, such as NRP");
    }
    try {
      return EntityType.of(name);
    } catch (IllegalArgumentException e) {
      throw section.error(name, "invalid entity type '" + name + "' in 'operators'; use names such as EMAIL or US_SSN, or 'default'");
    }
  }

  /** The action's own spec reads its parameters: see {@link OperatorSpec#ACTIONS}. */
  private OperatorSpec parseOperator(YamlObject spec, String action, List<String> permitted) {
    OperatorSpec.Action<?> known = OperatorSpec.named(action).orElseThrow(() -> spec.error("action", "unknown action '"
        + action + "' at '" + spec.dotted("action") + "'; expected one of: " + String.join(", ", permitted)));
    return known.parse(new YamlParams(spec, keyNames));
  }

  /** Accepts {@code email: redact} as shorthand for {@code email: { action: redact }}. */
  private static YamlObject asRuleObject(YamlObject parent, String name) {
    JsonNode raw = parent.raw(name);
    if (raw != null && raw.isTextual()) {
      ObjectNode expanded = JsonNodeFactory.instance.objectNode();
      expanded.put("action", raw.textValue());
      return new YamlObject(expanded, parent.childPointer(name), sourceOf(parent));
    }
    Optional<YamlObject> object = parent.object(name);
    return object.orElseThrow(() -> parent.error(name, "'" + parent.dotted(name) + "' needs an action, such as { action: redact }"));
  }

  private static PolicySource sourceOf(YamlObject object) {
    return object.source();
  }
}
