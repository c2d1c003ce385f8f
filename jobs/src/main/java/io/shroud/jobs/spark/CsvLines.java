package io.shroud.jobs.spark;

import io.shroud.core.policy.InputSpec;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
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
 * (the policy sets none but {@code header: true}: no other delimiter, quote, encoding, comment or null
 * value), every file read
 * line by line (no quoted line breaks), every column a string, and no partition columns from
 * {@code key=value} directories. Everything else (profiling, quarantine, the residual rescan, k-anonymity)
 * still reads through Spark's CSV reader.
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
   * Whether the policy's reader options only repeat Shroud's defaults ({@code header: true},
   * {@code escape: "\""}, {@link InputReader#defaults}): any other option, even one Spark would read the
   * same way, keeps Spark's reader.
   */
  static boolean onlyDefaults(Map<String, String> policyOptions) {
    return policyOptions.entrySet().stream().allMatch(e ->
        (e.getKey().equals("header") && "true".equalsIgnoreCase(e.getValue()))
            || (e.getKey().equals("escape") && "\"".equals(e.getValue())));
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
