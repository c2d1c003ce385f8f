package io.shroud.jobs.spark;

import org.apache.spark.sql.Row;

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
    return RowLeaves.anyLeaf(row, value -> value instanceof String s && s.indexOf(REPLACEMENT) >= 0);
  }
}
