package io.shroud.jobs.spark;

import io.shroud.core.UsageException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Refuses column names Spark would silently change or that cannot be right, so the output's header
 * is the input's: an input without columns (an empty file), a CSV header with an empty name (Spark
 * calls it {@code _c<n>}) or with two names that are the same to Spark (it renames both to
 * {@code <name><n>}; names compare case-insensitively), and names that are not UTF-8 text (a UTF-16
 * or Latin-1 file read without {@code input.options.encoding}).
 */
final class HeaderCheck {
  private HeaderCheck() {}

  static void check(SparkSession spark, String path, String format, Map<String, String> options, StructType schema) {
    if (schema.fields().length == 0) {
      throw new UsageException("Invalid input " + path + ": it has no columns (an empty file?"
          + (format.equals("csv") ? " CSV input needs a header line" : "") + ")");
    }
    StructField[] fields = schema.fields();
    for (int i = 0; i < fields.length; i++) {
      String name = fields[i].name();
      if (name.indexOf('\uFFFD') >= 0 || name.indexOf('\u0000') >= 0) {
        throw new UsageException("Invalid input " + path + ": column " + (i + 1) + "'s name is not UTF-8 text (it holds "
            + "bytes that are not UTF-8, or NUL characters, as a UTF-16 or Latin-1 file read as UTF-8 does); set "
            + "input.options.encoding to the file's encoding, for example UTF-16 or ISO-8859-1");
      }
    }
    if (format.equals("csv") && "true".equalsIgnoreCase(options.getOrDefault("header", "true")) && renamedBySpark(fields)) {
      checkRawHeader(spark, path, options, fields.length);
    }
  }

  /**
   * Whether a name looks like one Spark made up: {@code _c<n>} or {@code <name><n>} at index n. Only
   * then is the header read again as written (a header of q1, q2 at indexes 1 and 2 looks the same).
   */
  private static boolean renamedBySpark(StructField[] fields) {
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].name().endsWith(String.valueOf(i))) {
        return true;
      }
    }
    return false;
  }

  private static void checkRawHeader(SparkSession spark, String path, Map<String, String> options, int columns) {
    Map<String, String> raw = new HashMap<>(options);
    raw.put("header", "false");
    raw.remove("inferSchema");
    List<Row> first = spark.read().format("csv").options(raw).load(path).limit(1).collectAsList();
    if (first.isEmpty()) {
      return;
    }
    Row header = first.get(0);
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < Math.min(columns, header.length()); i++) {
      String name = header.isNullAt(i) ? "" : header.getString(i);
      if (name.isEmpty() || name.equals(options.getOrDefault("nullValue", ""))) {
        throw new UsageException("Invalid input " + path + ": column " + (i + 1) + " has no name in the header; "
            + "name it (Spark would call it _c" + i + ")");
      }
      Integer before = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
      if (before != null) {
        String earlier = header.getString(before);
        throw new UsageException("Invalid input " + path + ": columns " + (before + 1) + " and " + (i + 1) + " have the "
            + "same name" + (earlier.equals(name) ? " '" + name + "'" : ", '" + earlier + "' and '" + name
                + "' (Spark compares names case-insensitively)") + "; rename one (Spark would rename both)");
      }
    }
  }
}
