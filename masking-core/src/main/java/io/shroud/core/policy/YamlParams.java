package io.shroud.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.shroud.core.operator.OperatorParams;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An action's YAML mapping as {@link OperatorParams}: the specs read their own parameters through it,
 * and its errors name the policy file, line and key like every other policy error.
 */
final class YamlParams implements OperatorParams {
  private final YamlObject yaml;
  private final Set<String> keyNames;

  YamlParams(YamlObject yaml, Set<String> keyNames) {
    this.yaml = yaml;
    this.keyNames = keyNames;
  }

  @Override
  public void allowOnly(String... keys) {
    yaml.allowOnly(keys);
  }

  @Override
  public boolean has(String key) {
    return yaml.has(key);
  }

  @Override
  public Optional<String> string(String key) {
    return yaml.string(key);
  }

  @Override
  public Optional<Integer> integer(String key) {
    return yaml.integer(key);
  }

  @Override
  public Optional<Double> number(String key) {
    return yaml.number(key);
  }

  @Override
  public Optional<Boolean> bool(String key) {
    return yaml.bool(key);
  }

  @Override
  public <E extends Enum<E>> Optional<E> enumValue(String key, Class<E> type, Function<E, String> yamlName) {
    return yaml.enumValue(key, type, yamlName);
  }

  @Override
  public JsonNode raw(String key) {
    return yaml.raw(key);
  }

  @Override
  public String dotted(String key) {
    return yaml.dotted(key);
  }

  @Override
  public String owner() {
    return yaml.pointer().substring(yaml.pointer().lastIndexOf('/') + 1);
  }

  @Override
  public InvalidPolicyException error(String key, String message) {
    return yaml.error(key, message);
  }

  @Override
  public String declaredKey(String whenMissing) {
    String key = yaml.string("key").orElseThrow(() -> yaml.error(null, whenMissing));
    if (!keyNames.contains(key)) {
      throw yaml.error("key", "unknown key '" + key + "' at '" + yaml.dotted("key") + "'; "
          + (keyNames.isEmpty() ? "the policy has no 'keys' section" : "declared keys: " + String.join(", ", keyNames)));
    }
    return key;
  }

  @Override
  public List<String> fileLines(String key, String file) {
    return SideFiles.lines(yaml, key, file);
  }
}
