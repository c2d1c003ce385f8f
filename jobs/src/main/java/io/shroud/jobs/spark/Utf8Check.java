package io.shroud.jobs.spark;

import org.apache.spark.sql.Row;
import scala.collection.Map;
import scala.collection.Seq;

/**
 * Finds U+FFFD, the character Spark's decoder puts where input bytes are not valid UTF-8: a Latin-1
 * or UTF-16 file read without {@code input.options.encoding}. Masking such text would publish it
 * altered ("Málaga" as "M\uFFFDlaga") and detectors would miss what they cannot read.
 */
final class Utf8Check {
  static final char REPLACEMENT = '\uFFFD';

  private Utf8Check() {}

  /** Whether any string in the row (nested ones included) holds U+FFFD. */
  static boolean hasReplacementCharacter(Row row) {
    for (int i = 0; i < row.length(); i++) {
      if (holds(row.get(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean holds(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof String s) {
      return s.indexOf(REPLACEMENT) >= 0;
    }
    if (value instanceof Row nested) {
      return hasReplacementCharacter(nested);
    }
    if (value instanceof Map<?, ?>) {
      for (var entry : ScalaCollections.asJava(value).entrySet()) {
        if (holds(entry.getKey()) || holds(entry.getValue())) {
          return true;
        }
      }
      return false;
    }
    if (value instanceof Seq<?>) {
      for (Object element : ScalaCollections.elements(value)) {
        if (holds(element)) {
          return true;
        }
      }
    }
    return false;
  }
}
