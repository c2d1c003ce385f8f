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
import java.util.stream.Stream;

/** Parses column rules and operator specs, checking each action's own parameters. */
final class OperatorParser {
  static final List<String> OPERATOR_ACTIONS = List.of("redact", "remove", "partial-mask", "hash", "pseudonymize",
      "substitute", "tokenize", "encrypt", "generalize", "suppress", "perturb");
  static final List<String> RULE_ACTIONS = java.util.stream.Stream.concat(
      Stream.of("detect", "keep", "drop", "shuffle"), OPERATOR_ACTIONS.stream()).toList();
  /** Digits in entity types of fixed or minimum length, to reject too-short FF1 domains at load. */
  private static final Map<String, Integer> MIN_DIGITS = Map.of("US_SSN", 9, "CREDIT_CARD", 13, "PHONE", 7);

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
      throw given.error("when", "'when' cannot restrict action " + rule.kind().name().toLowerCase(java.util.Locale.ROOT)
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
      checkTokenizeDomain(spec, name, operator);
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

  private OperatorSpec parseOperator(YamlObject spec, String action, List<String> permitted) {
    switch (action) {
      case "redact":
        spec.allowOnly("action", "replacement");
        return RedactSpec.of(spec.string("replacement"));
      case "partial-mask":
        return parsePartialMask(spec);
      case "hash":
        return parseHash(spec);
      case "remove":
        spec.allowOnly("action");
        return new RemoveSpec();
      case "suppress":
        spec.allowOnly("action");
        return new SuppressSpec();
      case "pseudonymize":
        spec.allowOnly("action", "key", "prefix", "length");
        return build(spec, "prefix", () -> new PseudonymizeSpec(requireKey(spec, "pseudonymize"),
            spec.string("prefix").orElse(null), spec.integer("length").orElse(8)));
      case "substitute":
        return parseSubstitute(spec);
      case "tokenize":
        return parseTokenize(spec);
      case "encrypt":
        spec.allowOnly("action", "key");
        return new EncryptSpec(requireKey(spec, "encrypt"));
      case "generalize":
        return GeneralizeParser.parse(spec);
      case "perturb":
        return parsePerturb(spec);
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
    checkKeyDeclared(spec, key);
    HashSpec.Encoding encoding = spec.enumValue("encoding", HashSpec.Encoding.class, HashSpec.Encoding::yamlName)
        .orElse(HashSpec.Encoding.HEX);
    int length = spec.integer("length").orElse(0);
    try {
      return new HashSpec(key, encoding, length);
    } catch (IllegalArgumentException e) {
      throw spec.error("length", "invalid '" + spec.dotted("length") + "': " + e.getMessage());
    }
  }

  private String requireKey(YamlObject spec, String action) {
    String key = spec.string("key").orElseThrow(() -> spec.error(null,
        action + " needs 'key': the name of a key in the policy's 'keys' section"));
    checkKeyDeclared(spec, key);
    return key;
  }

  private void checkKeyDeclared(YamlObject spec, String key) {
    if (!keyNames.contains(key)) {
      throw spec.error("key", "unknown key '" + key + "' at '" + spec.dotted("key") + "'; "
          + (keyNames.isEmpty() ? "the policy has no 'keys' section" : "declared keys: " + String.join(", ", keyNames)));
    }
  }

  private SubstituteSpec parseSubstitute(YamlObject spec) {
    spec.allowOnly("action", "key", "type", "locale");
    String key = requireKey(spec, "substitute");
    String type = spec.string("type").map(t -> t.trim().toUpperCase(java.util.Locale.ROOT)).orElse(null);
    String locale = spec.string("locale").orElse("en-US");
    if (!locale.matches("[a-z]{2,3}(-[A-Z]{2})?")) {
      throw spec.error("locale", "invalid locale '" + locale + "' at '" + spec.dotted("locale") + "'; expected a tag such as en-US or de-DE");
    }
    return new SubstituteSpec(key, type, locale);
  }

  private TokenizeSpec parseTokenize(YamlObject spec) {
    spec.allowOnly("action", "key", "alphabet", "keepFirst", "keepLast", "luhn", "tweak");
    String key = requireKey(spec, "tokenize");
    TokenizeSpec.Alphabet alphabet = spec.enumValue("alphabet", TokenizeSpec.Alphabet.class, TokenizeSpec.Alphabet::yamlName)
        .orElse(TokenizeSpec.Alphabet.DIGITS);
    boolean luhn = spec.bool("luhn").orElse(false);
    if (luhn && alphabet != TokenizeSpec.Alphabet.DIGITS) {
      throw spec.error("luhn", "'" + spec.dotted("luhn") + "' needs alphabet: digits");
    }
    return new TokenizeSpec(key, alphabet, nonNegative(spec, "keepFirst", 0), nonNegative(spec, "keepLast", 0), luhn,
        spec.string("tweak").orElse(""));
  }

  /** A tokenize rule for an entity type of known length must leave FF1 a big enough domain. */
  private static void checkTokenizeDomain(YamlObject spec, String entity, OperatorSpec operator) {
    if (operator instanceof TokenizeSpec tokenize && tokenize.alphabet() == TokenizeSpec.Alphabet.DIGITS) {
      Integer digits = MIN_DIGITS.get(entity.toUpperCase(java.util.Locale.ROOT));
      if (digits != null && tokenize.encryptedLength(digits) < tokenize.minimumEncrypted()) {
        throw spec.error(null, "tokenize for " + entity.toUpperCase(java.util.Locale.ROOT) + " would encrypt "
            + Math.max(0, tokenize.encryptedLength(digits)) + " of " + digits + " digits; FF1 needs at least "
            + tokenize.minimumEncrypted() + " (10^6 >= 1,000,000): keep fewer digits");
      }
    }
  }

  private PerturbSpec parsePerturb(YamlObject spec) {
    spec.allowOnly("action", "kind", "epsilon", "sensitivity", "bound", "key", "subject", "maxDays");
    PerturbSpec.Kind kind = spec.enumValue("kind", PerturbSpec.Kind.class, PerturbSpec.Kind::yamlName)
        .orElseThrow(() -> spec.error(null, "perturb needs 'kind': laplace, uniform or date-shift"));
    switch (kind) {
      case LAPLACE -> {
        double epsilon = positive(spec, "epsilon");
        double sensitivity = positive(spec, "sensitivity");
        return new PerturbSpec(kind, epsilon, sensitivity, 0, null, null, 0);
      }
      case UNIFORM -> {
        return new PerturbSpec(kind, 0, 0, positive(spec, "bound"), null, null, 0);
      }
      default -> {
        String key = requireKey(spec, "date-shift");
        String subject = spec.string("subject").orElseThrow(() -> spec.error(null,
            "date-shift needs 'subject': the column whose value identifies the person (same person, same shift)"));
        int maxDays = spec.integer("maxDays").orElse(30);
        if (maxDays < 1 || maxDays > 3650) {
          throw spec.error("maxDays", "'" + spec.dotted("maxDays") + "' must be between 1 and 3650, got " + maxDays);
        }
        return new PerturbSpec(kind, 0, 0, 0, key, subject, maxDays);
      }
    }
  }

  private static double positive(YamlObject spec, String key) {
    double value = spec.number(key).orElseThrow(() -> spec.error(null, "missing required key '" + spec.dotted(key) + "'"));
    if (!(value > 0)) {
      throw spec.error(key, "'" + spec.dotted(key) + "' must be greater than 0, got " + value);
    }
    return value;
  }

  private static <T> T build(YamlObject spec, String key, java.util.function.Supplier<T> factory) {
    try {
      return factory.get();
    } catch (IllegalArgumentException e) {
      throw spec.error(null, "invalid '" + spec.pointer().substring(spec.pointer().lastIndexOf('/') + 1) + "': " + e.getMessage());
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
