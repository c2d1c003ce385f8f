package io.shroud.jobs.spark;

import io.shroud.core.policy.InputSpec;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A CSV input read as lines of text, for the masking pass only: each task splits its lines with the
 * CSV parser and settings Spark's own line reader uses ({@link CsvLineSplitter}) and hands the masking
 * function rows of Java strings. Spark's CSV reader would turn each field into its internal UTF-8 form
 * and the masking function's input encoder turn it back into a Java string: for a plain string table
 * that round trip is all the reader adds, ~15% of the masking stage with NER (issue 16, tenth round).
 *
 * <p>Taken only where the two readings are the same by construction: CSV with Shroud's default options
 * (the policy sets none but those {@link #onlyDefaults} lists: no other delimiter, quote, encoding,
 * comment or null value), every file read line by line (no quoted line breaks), every column a string,
 * and no partition columns from {@code key=value} directories. Everything else (profiling, quarantine,
 * the residual rescan, k-anonymity) still reads through Spark's CSV reader.
 */
public final class CsvLines {
  private final SparkSession spark;
  private final String path;
  private final CsvLineSplitter splitter;

  private CsvLines(SparkSession spark, String path, CsvLineSplitter splitter) {
    this.spark = spark;
    this.path = path;
    this.splitter = splitter;
  }

  /**
   * The input's line reading where its settings allow it, else null. Nothing is read or listed yet: a CSV
   * read only to be checked (the residual rescan) never pays for it.
   */
  static CsvLines ifSettingsAllow(SparkSession spark, InputSpec spec, Map<String, String> readerOptions,
      StructType dataOnly, InputReader.CsvReaders readers) {
    if (!onlyDefaults(spec.options()) || readers.anyMultiLine() || dataOnly.fields().length == 0
        || Arrays.stream(dataOnly.fields()).anyMatch(f -> !f.dataType().equals(DataTypes.StringType))) {
      return null;
    }
    return new CsvLines(spark, spec.path(), new CsvLineSplitter(new HashMap<>(readerOptions), dataOnly.fields().length));
  }

  /**
   * Whether the policy's reader options only say what the line path does anyway: Shroud's defaults
   * ({@code header: true}, {@code escape: '"'}; {@link InputReader#defaults}), {@code multiLine: false},
   * {@code inferSchema: false}, or UTF-8 as the {@code encoding}. Any other option, even one Spark would
   * read the same way, keeps Spark's reader. Keys are case-insensitive, as Spark's are.
   */
  static boolean onlyDefaults(Map<String, String> policyOptions) {
    return onlyDefaults(policyOptions, Set.of("multiline", "inferschema"));
  }

  /**
   * Whether CSV options say nothing but Shroud's defaults ({@code header: true}, {@code escape: '"'}), UTF-8
   * as the {@code encoding}, or {@code false} for one of {@code falseKeys} (lower case): the options under
   * which the line path reads (and writes) as Spark's CSV reader (and writer) would. Keys are
   * case-insensitive, as Spark's are.
   */
  static boolean onlyDefaults(Map<String, String> options, Set<String> falseKeys) {
    return options.entrySet().stream().allMatch(e -> {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      String value = e.getValue();
      if (falseKeys.contains(key)) {
        return "false".equalsIgnoreCase(value);
      }
      return switch (key) {
        case "header" -> "true".equalsIgnoreCase(value);
        case "escape" -> "\"".equals(value);
        case "encoding", "charset" -> isUtf8(value);
        default -> false;
      };
    });
  }

  private static boolean isUtf8(String charset) {
    try {
      return Charset.forName(charset).equals(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false; // not a charset at all: Spark's reader reports it
    }
  }

  /** The input's lines (Spark's text source over the same path), or null where it finds partition columns. */
  Dataset<Row> lines() {
    Dataset<Row> lines = spark.read().text(path);
    // Spark's CSV reader adds key=value directories as columns; the text source would too, and then no line path.
    return Arrays.equals(lines.schema().fieldNames(), new String[] {"value"}) ? lines : null;
  }

  CsvLineSplitter splitter() {
    return splitter;
  }
}
