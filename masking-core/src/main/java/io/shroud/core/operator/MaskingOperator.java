package io.shroud.core.operator;

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

  /**
   * Masks a value whose result depends on another cell of its row: the value of the spec's
   * {@link OperatorSpec#subjectColumn() subject column} (a date shift moves all dates of one person
   * alike). Operators that need no subject ignore it.
   *
   * @param subject the row's subject value, or null when the row has none
   */
  default String apply(String value, EntityType type, String subject) {
    return apply(value, type);
  }
}
