package io.shroud.jobs.sanitize;

import static io.shroud.jobs.SparkTestSupport.repoRoot;
import static io.shroud.jobs.SparkTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.jobs.SparkTestSupport;
import io.shroud.jobs.SparkTestSupport.CliResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.RuntimeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad policies, arguments and input: one clear line on stderr, exit 2, and nothing written. */
class BadInputTest {
  static final String SAMPLE = repoRoot().resolve("samples/customers.csv").toString();

  @TempDir Path tmp;

  private CliResult sanitizeWithPolicy(String yaml) throws IOException {
    Path policy = tmp.resolve("policy.yaml");
    Files.writeString(policy, yaml);
    return run("sanitize", "--config", policy.toString());
  }

  private void assertNothingWritten() throws IOException {
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString())).isSubsetOf("policy.yaml", "bad.csv");
    }
  }

  @Test
  void unknownKeyInPolicy() throws IOException {
    CliResult result = sanitizeWithPolicy("input: { path: " + SAMPLE + " }\noutput: { path: " + tmp.resolve("o")
        + ", compression: zstd }\n");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("shroud: Invalid policy " + tmp.resolve("policy.yaml") + ", line 2: unknown key "
        + "'compression' in 'output'; expected one of: path, format, mode, options, tags, table, catalog\n");
    assertNothingWritten();
  }

  @Test
  void ruleForAMissingColumn() throws IOException {
    CliResult result = sanitizeWithPolicy("input:\n  path: " + SAMPLE + "\noutput:\n  path: " + tmp.resolve("o")
        + "\ncolumns:\n  emial: redact\n");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("shroud: Invalid policy " + tmp.resolve("policy.yaml")
        + ", line 6: column 'emial' is not in the input " + SAMPLE + " (its columns: customer_id, full_name, email,")
        .endsWith("did you mean 'email'?)\n");
    assertNothingWritten();
  }

  @Test
  void malformedYaml() throws IOException {
    CliResult result = sanitizeWithPolicy("input:\n  path: [unclosed\n");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("shroud: Invalid policy " + tmp.resolve("policy.yaml") + ", line ")
        .contains("malformed YAML").hasLineCount(1);
    assertNothingWritten();
  }

  @Test
  void missingInputAndMissingArguments() {
    CliResult missing = run("sanitize", "--input", tmp.resolve("nope.csv").toString(), "--output", tmp.resolve("o").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("shroud: Cannot read input " + tmp.resolve("nope.csv") + ": path does not exist\n");

    CliResult noArgs = run("sanitize");
    assertThat(noArgs.exitCode()).isEqualTo(2);
    assertThat(noArgs.err()).isEqualTo("shroud: Invalid arguments: without --config, both --input and --output are required\n");

    CliResult badFlag = run("sanitize", "--inptu", "x");
    assertThat(badFlag.exitCode()).isEqualTo(2);
    assertThat(badFlag.err()).startsWith("shroud: Unknown options: '--inptu', 'x'");

    CliResult badFormat = run("sanitize", "--input", "a", "--output", "b", "--input-format", "xml");
    assertThat(badFormat.exitCode()).isEqualTo(2);
    assertThat(badFormat.err()).contains("unknown format 'xml'; expected one of csv, parquet, json");
  }

  /**
   * Small files share a task, so one task reads a.csv and then b.csv: the bad rows at the end of the
   * first and at the start of the second are each counted against their own file (the masking pass
   * asks Spark which file it is reading instead of carrying the path in every row).
   */
  @Test
  void malformedRowsAtTheBoundaryBetweenTwoFilesAreCountedPerFile() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("in"));
    StringBuilder a = new StringBuilder("id,email,note\n");
    StringBuilder b = new StringBuilder("id,email,note\n3,c@example.com\n4,d@example.com,x,y\n5,e@example.com\n");
    for (int i = 0; i < 200; i++) {
      a.append(i).append(",a").append(i).append("@example.com,fine\n");
      b.append(i).append(",b").append(i).append("@example.com,fine\n");
    }
    a.append("1,a@example.com,too,many\n");
    Files.writeString(dir.resolve("a.csv"), a);
    Files.writeString(dir.resolve("b.csv"), b);
    Path out = tmp.resolve("o");
    CliResult result = inOneTask(() -> run("sanitize", "--input", dir.toString(), "--output", out.toString()));
    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("shroud: Invalid input " + dir + ": 4 malformed record(s), expected 3 "
        + "columns per row as in the header (line breaks inside quoted fields are looked for in the first MiB of "
        + "each file; if a file's first one comes later, set input.options.multiLine: true) (" + dir.resolve("a.csv")
        + ": 1, " + dir.resolve("b.csv") + ": 3); nothing was written (input.onMalformed: skip or "
        + "quarantine publishes the rest)\n");
    assertThat(out).doesNotExist();
  }

  /** Text that is not UTF-8 is counted against its own file when a UTF-8 file is read in the same task. */
  @Test
  void undecodableTextIsCountedAgainstItsOwnFile() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(dir.resolve("a.csv"), "id,city\n1,Madrid\n2,Bilbao\n");
    Files.write(dir.resolve("b.csv"), "id,city\n3,M\u00e1laga\n4,C\u00e1diz\n5,Le\u00f3n\n"
        .getBytes(StandardCharsets.ISO_8859_1));
    Path out = tmp.resolve("o");
    CliResult result = inOneTask(() -> run("sanitize", "--input", dir.toString(), "--output", out.toString()));
    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err()).startsWith("shroud: Invalid input " + dir + ": 3 record(s) hold bytes that are not "
        + "UTF-8 (" + dir.resolve("b.csv") + ": 3); set input.options.encoding");
  }

  /** Runs with small files packed into one task (Spark opens a new task per small file by default). */
  private static CliResult inOneTask(Supplier<CliResult> run) {
    RuntimeConfig conf = SparkTestSupport.spark().conf();
    conf.set("spark.sql.files.openCostInBytes", "1");
    conf.set("spark.sql.files.minPartitionNum", "1");
    try {
      return run.get();
    } finally {
      conf.unset("spark.sql.files.openCostInBytes");
      conf.unset("spark.sql.files.minPartitionNum");
    }
  }

  @Test
  void malformedCsvRowsAreReportedAndNothingIsPublished() throws IOException {
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(bad, "id,email,note\n1,a@example.com,ok\n2,b@example.com,too,many,fields\n3,c@example.com\n4,d@example.com,fine\n");
    Path out = tmp.resolve("o");
    CliResult result = run("sanitize", "--input", bad.toString(), "--output", out.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("shroud: Invalid input " + bad + ": 2 malformed record(s), expected 3 "
        + "columns per row as in the header (line breaks inside quoted fields are looked for in the first MiB of "
        + "each file; if a file's first one comes later, set input.options.multiLine: true) (" + bad + ": 2); "
        + "nothing was written (input.onMalformed: skip or "
        + "quarantine publishes the rest)\n");
    assertThat(result.err()).doesNotContain("b@example.com").doesNotContain("many");
    assertThat(out).doesNotExist();
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("bad.csv", "o_audit");
    }
    assertThat(SanitizeEndToEndTest.auditText(tmp.resolve("o_audit")))
        .contains("\"status\" : \"failed\"").doesNotContain("b@example.com");
  }
}
