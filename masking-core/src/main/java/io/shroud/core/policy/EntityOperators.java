package io.shroud.core.policy;

import io.shroud.core.detect.EntityType;
import io.shroud.core.operator.OperatorSpec;
import io.shroud.core.operator.RedactSpec;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The operator for findings of each entity type, with a default for the rest. Used for detected
 * columns and for spans found inside free text. A type may instead be kept, with the reason the policy
 * gives (nationality or religion words in a corpus about them): its spans are found and counted but
 * left as written.
 */
public record EntityOperators(Map<EntityType, OperatorSpec> byType, OperatorSpec fallback, Map<EntityType, String> kept)
    implements Serializable {

  /** Every finding replaced by its label, {@code <EMAIL>}: the built-in default. */
  public static final EntityOperators REDACT_ALL = new EntityOperators(Map.of(), RedactSpec.LABEL);

  public EntityOperators {
    Objects.requireNonNull(fallback, "fallback");
    byType = Map.copyOf(byType);
    kept = Map.copyOf(kept);
  }

  public EntityOperators(Map<EntityType, OperatorSpec> byType, OperatorSpec fallback) {
    this(byType, fallback, Map.of());
  }

  /** The operator for a type; for a kept type, the default (which its spans never reach). */
  public OperatorSpec forType(EntityType type) {
    return byType.getOrDefault(type, fallback);
  }

  /** Whether spans of this type are left as written. */
  public boolean keeps(EntityType type) {
    return kept.containsKey(type);
  }

  /** Entries sorted by type, for stable audit output. */
  public Map<EntityType, OperatorSpec> sorted() {
    return new TreeMap<>(byType);
  }
}
