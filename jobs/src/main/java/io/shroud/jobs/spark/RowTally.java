package io.shroud.jobs.spark;

import java.util.function.Predicate;
import org.apache.spark.sql.Row;

/**
 * What a masking batch learns about a row as it reads it, in one walk of its values (nested ones
 * included): how much text it holds, which bounds a batch's memory when cells are large, and whether
 * its text holds U+FFFD, the character Spark's decoder puts where input bytes are not valid UTF-8 (a
 * Latin-1 or UTF-16 file read without {@code input.options.encoding}). Masking such text would publish
 * it altered ("Málaga" as "M\uFFFDlaga") and detectors would miss what they cannot read. One walk, not
 * one per question: at every row, the second walk cost as much as the first (JFR, issue 16).
 *
 * <p>Reused for every row of a task (not thread-safe, like the task's other state).
 */
final class RowTally implements Predicate<Object> {
  static final char REPLACEMENT = '\uFFFD';
  /** What any value counts for besides its text: a batch of empty rows still ends. */
  private static final int PER_VALUE = 1;

  private final boolean checkEncoding;
  private long chars;
  private boolean undecodable;

  /** @param checkEncoding whether to look for U+FFFD (only text Spark decoded with its default, UTF-8) */
  RowTally(boolean checkEncoding) {
    this.checkEncoding = checkEncoding;
  }

  /** Walks {@code row}; {@link #chars()} and {@link #undecodable()} then describe it. */
  RowTally of(Row row) {
    chars = 0;
    undecodable = false;
    RowLeaves.anyLeaf(row, this);
    return this;
  }

  /**
   * Characters in the row's strings (in nested structs, arrays and maps too), plus one per value; a
   * binary value counts half its bytes (what a string of that size in memory would count).
   */
  long chars() {
    return chars;
  }

  /** Whether a string of the row holds U+FFFD (always false when not checking the encoding). */
  boolean undecodable() {
    return undecodable;
  }

  /** One leaf: never stops the walk, every value counts towards the size. */
  @Override
  public boolean test(Object value) {
    if (value instanceof String s) {
      chars += s.length() + PER_VALUE;
      if (checkEncoding && !undecodable && s.indexOf(REPLACEMENT) >= 0) {
        undecodable = true;
      }
    } else if (value instanceof byte[] bytes) { // binary cells (blobs, embeddings) weigh what they hold too
      chars += bytes.length / 2 + PER_VALUE;
    } else {
      chars += PER_VALUE;
    }
    return false;
  }
}
