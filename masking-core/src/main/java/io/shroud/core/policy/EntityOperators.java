package io.shroud.core.policy;

import io.shroud.core.detect.EntityType;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The operator for findings of each entity type, with a default for the rest. Used for detected
 * columns and for spans found inside free text.
 */
public record EntityOperators(Map<EntityType, OperatorSpec> byType, OperatorSpec fallback)
    implements Serializable {

  /** Every finding replaced by its label, {@code <EMAIL>}: the built-in default. */
  public static final EntityOperators REDACT_ALL = new EntityOperators(Map.of(), RedactSpec.LABEL);

  public EntityOperators {
    Objects.requireNonNull(fallback, "fallback");
    byType = Map.copyOf(byType);
  }

  public OperatorSpec forType(EntityType type) {
    return byType.getOrDefault(type, fallback);
  }

  /** Entries sorted by type, for stable audit output. */
  public Map<EntityType, OperatorSpec> sorted() {
    return new TreeMap<>(byType);
  }
}
