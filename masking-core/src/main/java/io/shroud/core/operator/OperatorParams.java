package io.shroud.core.operator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The parameters of one action as a policy writes them (a YAML mapping), read strictly: each accessor
 * checks the value's type. The policy's parser implements it, so every error names the policy file,
 * line and dotted key; a spec's {@code parse} only says what is wrong.
 */
public interface OperatorParams {
  /** Rejects keys other than these (list {@code action} too). */
  void allowOnly(String... keys);

  boolean has(String key);

  Optional<String> string(String key);

  Optional<Integer> integer(String key);

  Optional<Double> number(String key);

  Optional<Boolean> bool(String key);

  /** One of the enum's constants by its YAML name; an error lists the names. */
  <E extends Enum<E>> Optional<E> enumValue(String key, Class<E> type, Function<E, String> yamlName);

  /** The value as parsed, for shapes the accessors do not cover (a list of numbers). */
  JsonNode raw(String key);

  /** The key's dotted path for messages, such as {@code columns.ssn.keepLast}. */
  String dotted(String key);

  /** The column or entity type these parameters belong to, for messages. */
  String owner();

  /** An error at {@code key}, or at the mapping itself when {@code key} is null, to throw. */
  RuntimeException error(String key, String message);

  /**
   * The key name at {@code key}, which must be declared in the policy's {@code keys} section.
   *
   * @param whenMissing the message when no key is named
   */
  String declaredKey(String whenMissing);

  /** The lines of a file the parameter at {@code key} names (a hierarchy), read once while the policy loads. */
  List<String> fileLines(String key, String file);

  /** {@code ACTION needs 'key'}: the usual message for a missing key. */
  default String requireKey(String action) {
    return declaredKey(action + " needs 'key': the name of a key in the policy's 'keys' section");
  }

  /** A whole number that must not be negative. */
  default int nonNegative(String key, int fallback) {
    int value = integer(key).orElse(fallback);
    if (value < 0) {
      throw error(key, "'" + dotted(key) + "' must not be negative, got " + value);
    }
    return value;
  }

  /** A required number greater than zero. */
  default double positive(String key) {
    double value = number(key).orElseThrow(() -> error(null, "missing required key '" + dotted(key) + "'"));
    if (!(value > 0)) {
      throw error(key, "'" + dotted(key) + "' must be greater than 0, got " + value);
    }
    return value;
  }
}
