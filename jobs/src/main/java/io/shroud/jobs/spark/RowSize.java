package io.shroud.jobs.spark;

import org.apache.spark.sql.Row;
import scala.Tuple2;
import scala.collection.Iterator;
import scala.collection.Map;
import scala.collection.Seq;

/** How much text a row holds: what bounds a masking batch's memory when cells are large. */
final class RowSize {
  /** What any value counts for besides its text: a batch of empty rows still ends. */
  private static final int PER_VALUE = 1;

  private RowSize() {}

  /**
   * Characters in the row's strings (in nested structs, arrays and maps too), plus one per value; a
   * binary value counts half its bytes (what a string of that size in memory would count).
   */
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
    if (value instanceof byte[] bytes) { // binary cells (blobs, embeddings) weigh what they hold too
      return bytes.length / 2 + PER_VALUE;
    }
    long chars = 0;
    if (value instanceof Map<?, ?> map) { // walked in place: a copy per row would cost more than it counts
      Iterator<? extends Tuple2<?, ?>> entries = map.iterator();
      while (entries.hasNext()) {
        Tuple2<?, ?> entry = entries.next();
        chars += chars(entry._1()) + chars(entry._2());
      }
      return chars;
    }
    if (value instanceof Seq<?> seq) {
      Iterator<?> elements = seq.iterator();
      while (elements.hasNext()) {
        chars += chars(elements.next());
      }
      return chars;
    }
    if (value instanceof java.util.Map<?, ?> map) {
      for (java.util.Map.Entry<?, ?> entry : map.entrySet()) {
        chars += chars(entry.getKey()) + chars(entry.getValue());
      }
      return chars;
    }
    if (value instanceof Iterable<?> elements) {
      for (Object element : elements) {
        chars += chars(element);
      }
      return chars;
    }
    return PER_VALUE;
  }
}
