package io.shroud.core.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings extension sections produced, by their type: what {@link Policy#extension} reads. Holds
 * only the sections present and on.
 */
public final class PolicyExtensions {
  public static final PolicyExtensions NONE = new PolicyExtensions(Map.of());

  private final Map<Class<?>, Object> byType;

  private PolicyExtensions(Map<Class<?>, Object> byType) {
    this.byType = Map.copyOf(byType);
  }

  /** The settings of type {@code type}, if an extension produced them. */
  public <T> Optional<T> get(Class<T> type) {
    return Optional.ofNullable(type.cast(byType.get(type)));
  }

  /** These settings plus {@code settings} under {@code type} (replacing any of that type). */
  public <T> PolicyExtensions with(Class<T> type, T settings) {
    Objects.requireNonNull(settings, "settings");
    Map<Class<?>, Object> copy = new LinkedHashMap<>(byType);
    copy.put(type, type.cast(settings));
    return new PolicyExtensions(copy);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PolicyExtensions other && byType.equals(other.byType);
  }

  @Override
  public int hashCode() {
    return byType.hashCode();
  }

  @Override
  public String toString() {
    return "PolicyExtensions" + byType.values();
  }
}
