package io.shroud.core.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * What surrounds a text besides its own words: for a table cell, the column name. An {@code ssn}
 * header is the best context a table has.
 */
public final class DetectionContext {
  public static final DetectionContext NONE = new DetectionContext(null);

  private final String columnName;
  private final List<String> columnTokens;
  private final String columnJoined;
  /**
   * Answers of {@link #columnMentions} by word list (identity: each detector passes its own fixed list).
   * Copy-on-write, so reads from any thread need no lock; a lost race only recomputes an answer.
   */
  private volatile Object[] answers = new Object[0];
  private static final int MAX_ANSWERS = 256;

  private DetectionContext(String columnName) {
    this.columnName = columnName;
    this.columnTokens = columnName == null ? List.of() : tokens(columnName);
    this.columnJoined = String.join("", columnTokens);
  }

  public static DetectionContext forColumn(String columnName) {
    return new DetectionContext(columnName);
  }

  public String columnName() {
    return columnName;
  }

  /**
   * Whether the column name mentions any of the words. Short words (under 4 letters, like "ssn" or
   * "ip") must be a whole token so "zip" does not count as "ip"; longer ones may be part of a token.
   */
  public boolean columnMentions(Collection<String> words) {
    if (columnTokens.isEmpty()) {
      return false;
    }
    Object[] known = answers;
    for (int i = 0; i < known.length; i += 2) {
      if (known[i] == words) {
        return (Boolean) known[i + 1];
      }
    }
    boolean mentions = mentions(words);
    if (known.length >= 2 * MAX_ANSWERS) {
      return mentions; // a caller passing a new list each time must not grow this forever
    }
    Object[] grown = Arrays.copyOf(known, known.length + 2);
    grown[known.length] = words;
    grown[known.length + 1] = mentions;
    answers = grown;
    return mentions;
  }

  private boolean mentions(Collection<String> words) {
    for (String word : words) {
      String w = normalize(word);
      if (w.isEmpty()) {
        continue;
      }
      if (w.length() < 4 ? columnTokens.contains(w) : columnJoined.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** Lower-case letters and digits only: the form {@link #columnMentions} compares. */
  static String normalize(String word) {
    StringBuilder sb = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      char c = Character.toLowerCase(word.charAt(i));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Splits {@code customerSSN_number} into {@code customer, ssn, number}. */
  public static List<String> tokens(String name) {
    String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
    List<String> result = new ArrayList<>();
    for (String part : spaced.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (!part.isEmpty()) {
        result.add(part);
      }
    }
    return result;
  }
}
