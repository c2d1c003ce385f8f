package io.shroud.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shroud.core.detect.EntityType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parses column rules and operator specs, checking each action's own parameters. */
final class OperatorParser {
  static final List<String> RULE_ACTIONS = List.of("detect", "keep", "drop", "redact", "partial-mask", "hash");
  static final List<String> OPERATOR_ACTIONS = List.of("redact", "partial-mask", "hash");

  private final Set<String> keyNames;

  OperatorParser(Set<String> keyNames) {
    this.keyNames = keyNames;
  }

  /** A column rule: a mapping with {@code action}, or the action alone as a string. */
  ColumnRule parseRule(YamlObject columns, String column) {
    YamlObject rule = asRuleObject(columns, column);
    String action = rule.string("action").orElseThrow(() -> rule.error(null,
        "column '" + column + "' needs an 'action'; expected one of: " + String.join(", ", RULE_ACTIONS)));
    switch (action) {
      case "detect":
        rule.allowOnly("action");
        return ColumnRule.detect(column);
      case "drop":
        rule.allowOnly("action");
        return ColumnRule.drop(column);
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
    OperatorSpec fallback = RedactSpec.LABEL;
    for (String name : section.keys()) {
      YamlObject spec = asRuleObject(section, name);
      String action = spec.string("action").orElseThrow(() -> spec.error(null,
          "operator for '" + name + "' needs an 'action'; expected one of: " + String.join(", ", OPERATOR_ACTIONS)));
      OperatorSpec operator = parseOperator(spec, action, OPERATOR_ACTIONS);
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
    return new EntityOperators(byType, fallback);
  }

  private OperatorSpec parseOperator(YamlObject spec, String action, List<String> permitted) {
    switch (action) {
      case "redact":
        spec.allowOnly("action", "replacement");
        return RedactSpec.of(spec.string("replacement"));
      case "partial-mask":
        return parsePartialMask(spec);
      case "hash":
        return parseHash(spec);
      default:
        throw spec.error("action", "unknown action '" + action + "' at '" + spec.dotted("action")
            + "'; expected one of: " + String.join(", ", permitted));
    }
  }

  private static PartialMaskSpec parsePartialMask(YamlObject spec) {
    spec.allowOnly("action", "keepFirst", "keepLast", "maskChar");
    // With neither given, keep the last four (***-**-6789); naming one means the other is zero.
    boolean neither = !spec.has("keepFirst") && !spec.has("keepLast");
    int keepFirst = nonNegative(spec, "keepFirst", 0);
    int keepLast = nonNegative(spec, "keepLast", neither ? 4 : 0);
    String maskChar = spec.string("maskChar").orElse("*");
    if (maskChar.codePointCount(0, maskChar.length()) != 1 || maskChar.length() != 1
        || Character.isLetterOrDigit(maskChar.charAt(0))) {
      throw spec.error("maskChar", "'" + spec.dotted("maskChar")
          + "' must be one character that is not a letter or digit, such as '*'");
    }
    return new PartialMaskSpec(keepFirst, keepLast, maskChar.charAt(0));
  }

  private HashSpec parseHash(YamlObject spec) {
    spec.allowOnly("action", "key", "encoding", "length");
    String key = spec.string("key").orElseThrow(() -> spec.error(null,
        "hash needs 'key': the name of a key in the policy's 'keys' section (a hash without a key can be reversed by guessing)"));
    if (!keyNames.contains(key)) {
      throw spec.error("key", "unknown key '" + key + "' at '" + spec.dotted("key") + "'; "
          + (keyNames.isEmpty() ? "the policy has no 'keys' section" : "declared keys: " + String.join(", ", keyNames)));
    }
    HashSpec.Encoding encoding = spec.enumValue("encoding", HashSpec.Encoding.class, HashSpec.Encoding::yamlName)
        .orElse(HashSpec.Encoding.HEX);
    int length = spec.integer("length").orElse(0);
    try {
      return new HashSpec(key, encoding, length);
    } catch (IllegalArgumentException e) {
      throw spec.error("length", "invalid '" + spec.dotted("length") + "': " + e.getMessage());
    }
  }

  private static int nonNegative(YamlObject spec, String key, int fallback) {
    int value = spec.integer(key).orElse(fallback);
    if (value < 0) {
      throw spec.error(key, "'" + spec.dotted(key) + "' must not be negative, got " + value);
    }
    return value;
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
