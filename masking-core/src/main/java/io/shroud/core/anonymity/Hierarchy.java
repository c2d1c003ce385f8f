package io.shroud.core.anonymity;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Generalization hierarchy of one attribute: level 0 = original value; last level = "*".
 *
 * <p>Besides ragged rows, duplicate values and a last column other than "*", loading also rejects
 * hierarchies that are not functional (one value at level i generalizing to two different values
 * at level i + 1): the lattice search relies on every level being a coarsening of the previous
 * one, which is what makes k-anonymity monotone.
 */
public final class Hierarchy implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String SUPPRESSED = "*";

  private final String[][] rows;
  private final Map<String, Integer> rowOfValue;
  private final int height;

  private Hierarchy(String[][] rows, Map<String, Integer> rowOfValue, int height) {
    this.rows = rows;
    this.rowOfValue = rowOfValue;
    this.height = height;
  }

  /** Reads an ARX hierarchy file: one row per original value, column i = value at level i. */
  public static Hierarchy fromArxCsv(Path file, char separator) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read hierarchy " + file, e);
    }
    List<List<String>> rows = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = i == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(i);
      if (line.isBlank()) {
        continue; // trailing or separating blank lines carry no value
      }
      rows.add(CsvLine.split(line, separator));
      lineNumbers.add(i + 1);
    }
    return validated(file.toString(), rows, lineNumbers);
  }

  /** Same as {@link #fromArxCsv} for rows already in memory ("line N" = row N, 1-based). */
  public static Hierarchy fromRows(List<List<String>> rows) {
    List<Integer> lineNumbers = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      lineNumbers.add(i + 1);
    }
    return validated("(in memory)", rows, lineNumbers);
  }

  /**
   * Level i = ranges of {@code widths.get(i-1)}: "30-39" when values and widths are whole numbers,
   * otherwise "[30, 40)"; then "*". Each width must be a multiple of the previous one so that the
   * ranges nest. Values that are not numbers go straight to "*" at level 1.
   */
  public static Hierarchy numericRanges(Collection<String> values, List<Double> widths) {
    return BuiltInHierarchies.numericRanges(values, widths);
  }

  /** Level i masks the last i characters with '*' (i = 1..maxMasked, capped by the value length), then "*". */
  public static Hierarchy prefixes(Collection<String> values, int maxMasked) {
    return BuiltInHierarchies.prefixes(values, maxMasked);
  }

  /** yyyy-MM-dd... → month (yyyy-MM) → year → "*"; unreadable values go to "*" at level 1. */
  public static Hierarchy dates(Collection<String> values) {
    return BuiltInHierarchies.dates(values);
  }

  /** Hierarchy generated in code: already known to be valid, height given for the empty case. */
  static Hierarchy trusted(List<String[]> rows, int height) {
    Map<String, Integer> rowOfValue = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      rowOfValue.put(rows.get(i)[0], i);
    }
    return new Hierarchy(rows.toArray(new String[0][]), rowOfValue, height);
  }

  private static Hierarchy validated(String source, List<List<String>> rows, List<Integer> lineNumbers) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("Invalid hierarchy " + source + ": no rows");
    }
    int height = rows.get(0).size();
    String[][] table = new String[rows.size()][];
    Map<String, Integer> rowOfValue = new HashMap<>();
    // Per level: generalized value -> (its value one level up, line where first seen).
    List<Map<String, String>> parents = new ArrayList<>();
    List<Map<String, Integer>> parentLines = new ArrayList<>();
    for (int level = 0; level < height; level++) {
      parents.add(new HashMap<>());
      parentLines.add(new HashMap<>());
    }
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      int line = lineNumbers.get(r);
      String where = "Invalid hierarchy " + source + " line " + line + ": ";
      if (row == null || row.size() < 2) {
        throw new IllegalArgumentException(where + "needs at least 2 columns (the value and \"*\")");
      }
      if (row.size() != height) {
        throw new IllegalArgumentException(where + "expected " + height + " columns like line "
            + lineNumbers.get(0) + ", found " + row.size());
      }
      if (row.stream().anyMatch(Objects::isNull)) {
        throw new IllegalArgumentException(where + "null cell");
      }
      if (!SUPPRESSED.equals(row.get(height - 1))) {
        throw new IllegalArgumentException(where + "last column must be \"*\", found '" + row.get(height - 1) + "'");
      }
      Integer earlier = rowOfValue.putIfAbsent(row.get(0), r);
      if (earlier != null) {
        throw new IllegalArgumentException(where + "duplicate value '" + row.get(0) + "' (first on line "
            + lineNumbers.get(earlier) + ")");
      }
      for (int level = 1; level < height - 1; level++) {
        String value = row.get(level);
        String parent = row.get(level + 1);
        String known = parents.get(level).putIfAbsent(value, parent);
        parentLines.get(level).putIfAbsent(value, line);
        if (known != null && !known.equals(parent)) {
          throw new IllegalArgumentException(where + "'" + value + "' at level " + level + " generalizes to '"
              + parent + "' at level " + (level + 1) + ", but line " + parentLines.get(level).get(value)
              + " generalizes it to '" + known + "'");
        }
      }
      table[r] = row.toArray(new String[0]);
    }
    return new Hierarchy(table, rowOfValue, height);
  }

  /** Number of levels including level 0 and "*". */
  public int height() {
    return height;
  }

  /** Values not in the hierarchy: level 0 → the value itself, any level > 0 → "*". */
  public String generalize(String value, int level) {
    if (level < 0 || level >= height) {
      throw new IllegalArgumentException("Invalid level " + level + ": hierarchy has levels 0.." + (height - 1));
    }
    Integer row = rowOfValue.get(value);
    if (row == null) {
      return level == 0 ? value : SUPPRESSED;
    }
    return rows[row][level];
  }

  /** Level-0 values, in hierarchy order. */
  public Set<String> values() {
    Set<String> values = new LinkedHashSet<>();
    for (String[] row : rows) {
      values.add(row[0]);
    }
    return Collections.unmodifiableSet(values);
  }

  /** Splits one line of an ARX CSV: plain separated fields, optionally double-quoted with "" escapes. */
  private static final class CsvLine {
    static List<String> split(String line, char separator) {
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
        } else if (c == '"' && field.length() == 0) {
          quoted = true;
        } else if (c == separator) {
          fields.add(field.toString());
          field.setLength(0);
        } else {
          field.append(c);
        }
      }
      fields.add(field.toString());
      return fields;
    }
  }
}
