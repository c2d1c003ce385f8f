package io.shroud.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A YAML mapping being read strictly: each accessor checks the value's type, and {@link #allowOnly}
 * rejects keys nobody reads. Every error names the file, line and dotted key. Public so that policy
 * extensions in other modules ({@link PolicyExtension}) read their sections the same way; only the
 * parser creates one.
 */
public final class YamlObject {
  private final ObjectNode node;
  private final String pointer;
  private final PolicySource source;

  YamlObject(ObjectNode node, String pointer, PolicySource source) {
    this.node = node;
    this.pointer = pointer;
    this.source = source;
  }

  public PolicySource source() {
    return source;
  }

  public String pointer() {
    return pointer;
  }

  String childPointer(String key) {
    return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  public InvalidPolicyException error(String key, String message) {
    String at = key == null ? pointer : childPointer(key);
    return source.error(at, message);
  }

  public List<String> keys() {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  public boolean has(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  public JsonNode raw(String key) {
    return node.get(key);
  }

  /** The same mapping without {@code key} (same place for errors), for keys read separately. */
  YamlObject without(String key) {
    ObjectNode copy = node.deepCopy();
    copy.remove(key);
    return new YamlObject(copy, pointer, source);
  }

  public void allowOnly(String... allowed) {
    Set<String> permitted = new LinkedHashSet<>(List.of(allowed));
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!permitted.contains(key)) {
        String in = pointer.isEmpty() ? "at the top level" : "in '" + PolicySource.dotted(pointer) + "'";
        throw error(key, "unknown key '" + key + "' " + in + "; expected one of: " + String.join(", ", permitted));
      }
    }
  }

  public Optional<String> string(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw typeError(key, "a string", value);
    }
    return Optional.of(value.textValue());
  }

  String requiredString(String key) {
    return string(key).orElseThrow(() -> error(null, "missing required key '" + dotted(key) + "'"));
  }

  public Optional<Integer> integer(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw typeError(key, "a whole number", value);
    }
    return Optional.of(value.intValue());
  }

  public Optional<Long> longValue(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw typeError(key, "a whole number", value);
    }
    return Optional.of(value.longValue());
  }

  public Optional<Double> number(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isNumber()) {
      throw typeError(key, "a number", value);
    }
    return Optional.of(value.doubleValue());
  }

  public Optional<Boolean> bool(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      throw typeError(key, "true or false", value);
    }
    return Optional.of(value.booleanValue());
  }

  public Optional<YamlObject> object(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      throw typeError(key, "a mapping", value);
    }
    return Optional.of(new YamlObject((ObjectNode) value, childPointer(key), source));
  }

  public Optional<List<String>> stringList(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isArray()) {
      throw typeError(key, "a list of strings", value);
    }
    List<String> items = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw typeError(key, "a list of strings", value);
      }
      items.add(item.textValue());
    }
    return Optional.of(items);
  }

  /** A mapping of scalars, each turned into its string form (for reader/writer options). */
  Map<String, String> scalarMap(String key) {
    Optional<YamlObject> child = object(key);
    Map<String, String> result = new LinkedHashMap<>();
    if (child.isEmpty()) {
      return result;
    }
    for (String name : child.get().keys()) {
      JsonNode value = child.get().raw(name);
      if (value == null || value.isNull() || !value.isValueNode()) {
        throw child.get().typeError(name, "a string, number or boolean", value);
      }
      result.put(name, value.asText());
    }
    return result;
  }

  public <E extends Enum<E>> Optional<E> enumValue(String key, Class<E> type, Function<E, String> yamlName) {
    return enumValue(key, List.of(type.getEnumConstants()), yamlName);
  }

  /** One of {@code allowed}, by its YAML name; the error lists exactly those. */
  public <E extends Enum<E>> Optional<E> enumValue(String key, List<E> allowed, Function<E, String> yamlName) {
    Optional<String> text = string(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String wanted = text.get().trim().toLowerCase(Locale.ROOT);
    List<String> names = new ArrayList<>();
    for (E constant : allowed) {
      String name = yamlName.apply(constant);
      if (name.equals(wanted)) {
        return Optional.of(constant);
      }
      names.add(name);
    }
    throw error(key, "invalid value '" + text.get() + "' for '" + dotted(key) + "'; expected one of: "
        + String.join(", ", names));
  }

  InvalidPolicyException typeError(String key, String expected, JsonNode actual) {
    return error(key, "'" + dotted(key) + "' must be " + expected + ", got " + describe(actual));
  }

  public String dotted(String key) {
    return PolicySource.dotted(childPointer(key));
  }

  private static String describe(JsonNode value) {
    if (value == null || value.isNull()) {
      return "nothing";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    if (value.isNumber()) {
      return "a number";
    }
    return "a string";
  }
}
