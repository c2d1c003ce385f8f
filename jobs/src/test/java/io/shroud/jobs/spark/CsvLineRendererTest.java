package io.shroud.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shroud.core.policy.DataFormat;
import io.shroud.core.policy.OutputSpec;
import io.shroud.core.policy.WriteMode;
import io.shroud.jobs.SparkTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Masked rows written as rendered lines ({@link CsvLineRenderer}, {@link CsvLineFileFormat}) must give the
 * files Spark's CSV writer gives for the same rows: the same names (but the job's id), the same bytes,
 * the same files for empty partitions.
 */
class CsvLineRendererTest {
  /** Values a masked or kept cell may hold, the ones CSV must quote or escape among them. */
  private static final String[] VALUES = {"plain", "", " ", "  padded  ", "a,b", "say \"hi\"", "\"", "\"\"",
      "line\nbreak", "cr\rreturn", "\r\n", "tab\there", "#hash", "naïve café 😀", "\u0000nul", "=1+2", "'single'",
      "\\back\\slash", "[REDACTED]", "***-**-1234", "ends with space ", ",", "null", "NULL", "x".repeat(300)};

  @TempDir
  Path dir;

  @Test
  void linesMakeTheFilesOfSparksCsvWriter() throws IOException {
    Random random = new Random(3);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      Object[] values = new Object[4];
      for (int c = 0; c < 4; c++) {
        values[c] = random.nextInt(8) == 0 ? null : VALUES[random.nextInt(VALUES.length)];
      }
      rows.add(RowFactory.create(values));
    }
    StructType schema = strings("id", "note, with comma", "say \"q\"", " spaced ");
    compare("wide", rows, schema, 6, 0, 3);
    // One column: a null row renders as an empty line, an empty string as "" (Spark's emptyValue).
    compare("single", List.of(RowFactory.create((Object) null), RowFactory.create(""), RowFactory.create("x"),
        RowFactory.create((Object) null)), strings("only"), 2);
    compare("no rows", List.of(), strings("a", "b"), 3);
    compare("partition 0 empty", rows.subList(0, 30), schema, 4, 0);
  }

  @Test
  void onlyACsvOutputWithDefaultOptionsTakesLines() {
    assertThat(OutputWriter.takesCsvLines(csv(Map.of()))).isTrue();
    assertThat(OutputWriter.takesCsvLines(csv(Map.of("Header", "TRUE", "escape", "\"", "ignoreLeadingWhiteSpace",
        "false", "ignoreTrailingWhiteSpace", "false", "encoding", "utf-8")))).as("the defaults, spelled out").isTrue();
    for (Map<String, String> other : List.of(Map.of("sep", ";"), Map.of("header", "false"), Map.of("compression", "gzip"),
        Map.of("quoteAll", "true"), Map.of("nullValue", "NA"), Map.of("encoding", "UTF-16"), Map.of("lineSep", "\r\n"),
        Map.of("ignoreLeadingWhiteSpace", "true"))) {
      assertThat(OutputWriter.takesCsvLines(csv(other))).as(other.toString()).isFalse();
    }
    assertThat(OutputWriter.takesCsvLines(new OutputSpec(dir.toString(), DataFormat.JSON, WriteMode.ERROR_IF_EXISTS, Map.of())))
        .isFalse();
    assertThatThrownBy(() -> OutputWriter.writeCsvLines(null, csv(Map.of("sep", ";")), dir.resolve("x").toString()))
        .isInstanceOf(IllegalStateException.class).hasMessage("Cannot write CSV lines to " + dir
            + ": only a CSV output with Shroud's default options takes them");
  }

  private OutputSpec csv(Map<String, String> options) {
    return new OutputSpec(dir.toString(), DataFormat.CSV, WriteMode.ERROR_IF_EXISTS, options);
  }

  /** Writes {@code rows} in {@code partitions} (the listed ones emptied) both ways and compares the files. */
  private void compare(String name, List<Row> rows, StructType schema, int partitions, int... emptied) throws IOException {
    SparkSession spark = SparkTestSupport.spark();
    JavaRDD<Row> rdd = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, partitions)
        .mapPartitionsWithIndex((index, it) -> {
          for (int e : emptied) {
            if (e == index) {
              return java.util.Collections.emptyIterator();
            }
          }
          return it;
        }, true);
    Dataset<Row> frame = spark.createDataFrame(rdd, schema);
    OutputSpec spec = csv(Map.of());
    Path bySpark = dir.resolve(name.replace(' ', '-') + "-spark");
    Path byLines = dir.resolve(name.replace(' ', '-') + "-lines");
    OutputWriter.write(frame, spec, bySpark.toString());
    CsvLineRenderer renderer = new CsvLineRenderer(OutputWriter.defaults(spec), schema.fieldNames());
    OutputWriter.writeCsvLines(frame.mapPartitions((MapPartitionsFunction<Row, Row>) renderer::lines,
        Encoders.row(CsvLineRenderer.LINE_SCHEMA)), spec, byLines.toString());
    Map<String, String> expected = parts(bySpark);
    assertThat(parts(byLines)).as(name).containsExactlyEntriesOf(expected);
    assertThat(expected).as(name).isNotEmpty();
  }

  /** Part files by name without the job's id, and their text. */
  private static Map<String, String> parts(Path output) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (var files = Files.list(output)) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
        String fileName = p.getFileName().toString();
        out.put(fileName.replaceAll("-[0-9a-f]{8}-[0-9a-f-]{27}-", "-ID-"), Files.readString(p));
      }
    }
    return out;
  }

  private static StructType strings(String... names) {
    StructType schema = new StructType();
    for (String n : names) {
      schema = schema.add(n, DataTypes.StringType, true);
    }
    return schema;
  }
}
