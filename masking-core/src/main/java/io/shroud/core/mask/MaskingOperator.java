package io.shroud.core.mask;

import io.shroud.core.detect.EntityType;

/**
 * Turns one sensitive value into its masked form. Instances may hold per-thread state (a Mac), so
 * one instance serves one thread; build them per Spark task with {@link Operators}.
 */
public interface MaskingOperator {
  /**
   * @param value a non-null value (a whole cell, or a span found inside free text)
   * @param type the value's entity type, or null when the column rule did not name one
   */
  String apply(String value, EntityType type);
}
