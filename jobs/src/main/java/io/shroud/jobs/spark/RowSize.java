package io.shroud.jobs.spark;

import org.apache.spark.sql.Row;
import scala.collection.Map;
import scala.collection.Seq;

/** How much text a row holds: what bounds a masking batch's memory when cells are large. */
final class RowSize {
  /** What any value counts for besides its text: a batch of empty rows still ends. */
  private static final int PER_VALUE = 1;

  private RowSize() {}

  /** Characters in the row's strings (nested ones included), plus one per value. */
  static long chars(Row row) {
    long chars = 0;
    for (int i = 0; i < row.length(); i++) {
      chars += chars(row.get(i));
    }
    return chars;
  }

  private static long chars(Object value) {
    if (value instanceof String s) {
      return s.length() + PER_VALUE;
    }
    if (value instanceof Row nested) {
      return chars(nested);
    }
    if (value instanceof Map<?, ?>) {
      long chars = 0;
      for (var entry : ScalaCollections.asJava(value).entrySet()) {
        chars += chars(entry.getKey()) + chars(entry.getValue());
      }
      return chars;
    }
    if (value instanceof Seq<?>) {
      long chars = 0;
      for (Object element : ScalaCollections.elements(value)) {
        chars += chars(element);
      }
      return chars;
    }
    return PER_VALUE;
  }
}
