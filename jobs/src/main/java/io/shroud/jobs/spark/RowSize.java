package io.shroud.jobs.spark;

import org.apache.spark.sql.Row;

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
    long[] chars = {0};
    RowLeaves.anyLeaf(row, value -> {
      chars[0] += weight(value);
      return false;
    });
    return chars[0];
  }

  private static long weight(Object value) {
    if (value instanceof String s) {
      return s.length() + PER_VALUE;
    }
    if (value instanceof byte[] bytes) { // binary cells (blobs, embeddings) weigh what they hold too
      return bytes.length / 2 + PER_VALUE;
    }
    return PER_VALUE;
  }
}
