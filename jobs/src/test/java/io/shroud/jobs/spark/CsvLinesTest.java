package io.shroud.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.policy.DataFormat;
import io.shroud.core.policy.InputSpec;
import io.shroud.jobs.SparkTestSupport;
import io.shroud.jobs.SparkWrites;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The masking pass's line reading ({@link CsvLines}) must hand the masking function exactly the rows
 * Spark's CSV reader would: the same values, nulls, malformed records and order, across files split
 * between tasks and tasks holding several files.
 */
class CsvLinesTest {
  /** Fields as they stand in a file: plain, quoted, escaped quotes, spaces, empty, stray quotes, non-ASCII. */
  private static final String[] FIELDS = {"plain", "", "\"\"", "\"quoted, with comma\"", "\"say \"\"hi\"\"\"",
      " leading", "trailing ", "  ", "\t", "a\"b", "\\back\\slash", "naïve café", "😀 emoji", "#not a comment",
      "\"line\"", "x\"\"y", "null", "NULL", "\"\"\"\"", "\" spaced \"", "'single'", "=1+2", "ünïcödé",
      "ana@example.com", "\"call +1 415 555 0100, ask for Maria Kowalczyk\"", "Spoke with Tarquin in Leeds",
      "a\u0000b", "\u0001ctl", " , ", "\uFEFFmark", "tail\\", "x,", ",y", "\"after\"text", "\"space\" ",
      "\"\"\"lead\"", "\"a,\"\"b\"\",c\"", "\"x\"\"\"\"y\""};

  @TempDir
  Path dir;

  @Test
  void linesSplitToTheRowsOfSparksCsvReader() throws IOException {
    Random random = new Random(11);
    for (int f = 0; f < 6; f++) {
      writeFile(dir.resolve("part-" + f + ".csv"), random, f, true);
    }
    Files.writeString(dir.resolve("header-only.csv"), "id,a,b,c\n");
    Files.writeString(dir.resolve("blank-first.csv"), "\n  \nid,a,b,c\r\n1,x,y,z\r\n\r\n2,\"\",,w\r\n");
    Files.writeString(dir.resolve("bom.csv"), "\uFEFFid,a,b,c\n3,\uFEFFx,y,z\n");
    Files.writeString(dir.resolve("bom-blank.csv"), "\uFEFF\nid,a,b,c\n4,x,y,z\n");
    // Byte-order marks leading data lines (concatenated files): univocity drops one from a parser's first
    // line only, so where a new file or split begins matters.
    Files.writeString(dir.resolve("bom-data.csv"), "id,a,b,c\n\uFEFF7,x,y,z\n8,x,y,z\n");
    Files.writeString(dir.resolve("bom-every-line.csv"), "id,a,b,c\n" + java.util.stream.IntStream.range(0, 400)
        .mapToObj(i -> "\uFEFF" + i + ",x,\"y\",z\n").collect(java.util.stream.Collectors.joining()));
    // Lines a comma split alone could get wrong: NUL first (univocity's default comment mark), quotes
    // anywhere, field counts off by a trailing or a doubled comma, and byte-order marks leading lines
    // without quotes (a split's first line is its parser's first, which drops the mark).
    Files.writeString(dir.resolve("nul.csv"), "id,a,b,c\n\u0000,x,y,z\n\u00001,x,y,z\n2,x,y,\n3,x,,\n,,,\n4,x,y,z,\n5,x\"\",y,z\n"
        + "6,x,y,\"z\"\n7,\u0000,y,z\n");
    Files.writeString(dir.resolve("bom-plain-lines.csv"), "id,a,b,c\n" + java.util.stream.IntStream.range(0, 400)
        .mapToObj(i -> "\uFEFF" + i + ",x,y,z\n").collect(java.util.stream.Collectors.joining()));
    try (var gzip = new java.util.zip.GZIPOutputStream(Files.newOutputStream(dir.resolve("zipped.csv.gz")))) {
      gzip.write("id,a,b,c\n5,\"gz, quoted\",,\n6,a,b\n".getBytes(StandardCharsets.UTF_8));
    }
    SparkSession spark = SparkTestSupport.spark();
    String maxBytes = spark.conf().get("spark.sql.files.maxPartitionBytes");
    String openCost = spark.conf().get("spark.sql.files.openCostInBytes");
    // Small splits: files cut across tasks (only the first split of a file holds its header) and tasks
    // holding several files.
    spark.conf().set("spark.sql.files.maxPartitionBytes", "3000");
    spark.conf().set("spark.sql.files.openCostInBytes", "100");
    try {
      InputReader.Input input = InputReader.read(spark, new InputSpec(dir.toString(), DataFormat.CSV, Map.of()));
      assertThat(input.csvLines()).isNotNull();
      List<String> expected = describe(MaskStage.rows(input).collectAsList());
      StructType schema = MaskStage.rows(input).schema();
      CsvLineSplitter splitter = input.csvLines().splitter();
      assertThat(input.csvLines().lines().rdd().getNumPartitions()).isGreaterThan(4);
      List<String> actual = describe(input.csvLines().lines()
          .mapPartitions((MapPartitionsFunction<Row, Row>) splitter::rows, Encoders.row(schema)).collectAsList());
      assertThat(actual).containsExactlyElementsOf(expected);
      assertThat(expected).filteredOn(s -> s.startsWith("malformed")).hasSizeGreaterThan(20);
      assertThat(expected).filteredOn(s -> s.contains("null")).hasSizeGreaterThan(100);
      assertThat(expected).hasSizeGreaterThan(1_000);
    } finally {
      spark.conf().set("spark.sql.files.maxPartitionBytes", maxBytes);
      spark.conf().set("spark.sql.files.openCostInBytes", openCost);
    }
  }

  @Test
  void policyOptionsNonStringColumnsAndQuotedLineBreaksKeepSparksReader() throws IOException {
    SparkSession spark = SparkTestSupport.spark();
    Path plain = dir.resolve("plain");
    Files.createDirectories(plain);
    Files.writeString(plain.resolve("a.csv"), "id,note\n1,hello\n");
    assertThat(InputReader.read(spark, new InputSpec(plain.toString(), DataFormat.CSV, Map.of())).csvLines())
        .isNotNull();
    assertThat(InputReader.read(spark, new InputSpec(plain.toString(), DataFormat.CSV, Map.of("header", "true",
        "escape", "\""))).csvLines()).as("Shroud's defaults repeated").isNotNull();
    assertThat(InputReader.read(spark, new InputSpec(plain.toString(), DataFormat.CSV, Map.of("Header", "TRUE",
        "multiLine", "false", "inferSchema", "false", "encoding", "utf-8"))).csvLines())
        .as("options that say what the line path does anyway").isNotNull();
    assertThat(InputReader.read(spark, new InputSpec(plain.toString(), DataFormat.CSV, Map.of("sep", ","))).csvLines())
        .as("any other option of the policy").isNull();
    assertThat(InputReader.read(spark, new InputSpec(plain.toString(), DataFormat.CSV, Map.of("encoding", "ISO-8859-1")))
        .csvLines()).as("another encoding").isNull();
    assertThat(InputReader.read(spark, new InputSpec(plain.toString(), DataFormat.CSV, Map.of("header", "false")))
        .csvLines()).as("no header").isNull();
    assertThat(InputReader.read(spark, new InputSpec(plain.toString(), DataFormat.CSV, Map.of("inferSchema", "true")))
        .csvLines()).as("typed columns").isNull();
    Path multi = dir.resolve("multi");
    Files.createDirectories(multi);
    Files.writeString(multi.resolve("a.csv"), "id,note\n1,\"two\nlines\"\n");
    assertThat(InputReader.read(spark, new InputSpec(multi.toString(), DataFormat.CSV, Map.of())).csvLines())
        .as("quoted line breaks").isNull();
    Path partitioned = dir.resolve("partitioned");
    Files.createDirectories(partitioned.resolve("country=FR"));
    Files.writeString(partitioned.resolve("country=FR/a.csv"), "id,note\n1,bonjour\n");
    InputReader.Input byDirectory = InputReader.read(spark, new InputSpec(partitioned.toString(), DataFormat.CSV, Map.of()));
    assertThat(byDirectory.dataSchema().fieldNames()).contains("country");
    assertThat(byDirectory.csvLines() == null || byDirectory.csvLines().lines() == null)
        .as("partition columns").isTrue();
  }

  /**
   * A whole run either way (the policy's {@code sep: ","}, the default delimiter anyway, keeps Spark's
   * reader, and with it Spark's writer): the same published bytes, rows and malformed records, detection
   * and masking included.
   */
  @Test
  void sanitizePublishesTheSameBytesEitherWay() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Random random = new Random(5);
    for (int f = 0; f < 3; f++) {
      writeFile(in.resolve("f" + f + ".csv"), random, f, false);
    }
    SparkSession spark = SparkTestSupport.spark();
    SparkWrites.Written<String> byLines = SparkWrites.formats(spark, () -> sanitize(in, "lines", ""));
    assertThat(byLines.formats()).as("lines in, lines out").containsExactly("CsvLines");
    SparkWrites.Written<String> byRows = SparkWrites.formats(spark, () -> sanitize(in, "rows", ", options: { sep: \",\" }"));
    assertThat(byRows.formats()).as("Spark's reader, Spark's writer").containsExactly("CSV");
    assertThat(byLines.result()).isEqualTo(byRows.result()).contains("rowsRead").doesNotContain("ana@example.com")
        .doesNotContain("Kowalczyk");
  }

  /** The published part files, in name order, then the audit's counts. */
  private String sanitize(Path in, String name, String options) throws IOException {
    Path out = dir.resolve(name);
    Path policy = Files.writeString(dir.resolve(name + ".yaml"), "input: { path: \"" + in + "\", onMalformed: skip"
        + options + " }\noutput: { path: \"" + out + "\", format: csv }\n");
    SparkTestSupport.CliResult result = SparkTestSupport.run("sanitize", "--config", policy.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    StringBuilder all = new StringBuilder();
    try (var parts = Files.list(out)) {
      for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
        all.append(Files.readString(part)).append("\n--\n");
      }
    }
    try (var audits = Files.list(dir.resolve(name + "_audit"))) {
      String audit = Files.readString(audits.filter(p -> p.getFileName().toString().startsWith("audit-")).findFirst()
          .orElseThrow());
      for (String key : new String[] {"rowsRead", "rowsWritten", "malformedRecords"}) {
        var m = java.util.regex.Pattern.compile("\"" + key + "\" : \"?(\\d+)").matcher(audit);
        all.append(key).append('=').append(m.find() ? m.group(1) : "none").append('\n');
      }
    }
    return all.toString();
  }

  /** A row as the masking function sees it: its values, or only that it is malformed. */
  private static List<String> describe(List<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Row row : rows) {
      int corrupt = row.length() - 1;
      if (!row.isNullAt(corrupt)) {
        out.add("malformed");
        continue;
      }
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < corrupt; i++) {
        s.append(row.isNullAt(i) ? "null" : "[" + row.getString(i) + "]").append('|');
      }
      out.add(s.toString());
    }
    return out;
  }

  private static void writeFile(Path file, Random random, int seed, boolean undecodable) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String eol = seed % 2 == 0 ? "\n" : "\r\n";
    write(bytes, (seed == 3 ? "\n \n" : "") + "id,a,b,c" + eol);
    for (int r = 0; r < 250; r++) {
      int shape = random.nextInt(40);
      if (shape == 0) {
        write(bytes, eol); // blank line
        continue;
      }
      if (shape == 1) {
        write(bytes, "   " + eol); // white space only
        continue;
      }
      if (shape == 2) {
        write(bytes, "id,a,b,c" + eol); // a header-like line inside the file is data
        continue;
      }
      int fields = shape == 3 ? 3 : shape == 4 ? 5 : 4; // malformed: one field short, one too many
      StringBuilder line = new StringBuilder(String.valueOf(r));
      for (int k = 1; k < fields; k++) {
        line.append(',').append(FIELDS[random.nextInt(FIELDS.length)]);
      }
      write(bytes, line.toString());
      if (shape == 5 && undecodable) {
        bytes.write(new byte[] {(byte) 0xC3, (byte) 0x28}, 0, 2); // not UTF-8
      }
      if (shape == 6) {
        write(bytes, ",\"unterminated");
      }
      write(bytes, eol);
    }
    Files.write(file, bytes.toByteArray());
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
