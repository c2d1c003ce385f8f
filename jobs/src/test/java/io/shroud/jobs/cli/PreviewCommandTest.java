package io.shroud.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.jobs.SparkTestSupport;
import io.shroud.jobs.SparkTestSupport.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewCommandTest {
  @TempDir Path tmp;

  @Test
  void printsMaskedRowsWithTypesAndNeverOriginals() throws Exception {
    Path csv = tmp.resolve("in.csv");
    Files.writeString(csv, "id,email,note\n1,ann@example.com,call me at (415) 555-2671\n2,bob@example.org,nothing\n");
    CliResult result = SparkTestSupport.run("preview", "--input", csv.toString(), "--rows", "5");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    assertThat(result.out()).isEqualTo("""
        | id | email           | note                       |
        |----|-----------------|----------------------------|
        | 1  | <EMAIL> [EMAIL] | call me at <PHONE> [PHONE] |
        | 2  | <EMAIL> [EMAIL] | nothing                    |
        """);
    assertThat(result.out()).doesNotContain("ann@").doesNotContain("555-2671");
    assertThat(tmp.resolve("unused-preview-output")).doesNotExist();
  }

  @Test
  void quasiIdentifiersAreNeverShownRaw() throws Exception {
    Path csv = tmp.resolve("qi.csv");
    Files.writeString(csv, "zip,diagnosis\n94107,flu\n");
    Path policy = tmp.resolve("p.yaml");
    Files.writeString(policy, "input: { path: " + csv + " }\noutput: { path: unused }\nanonymity:\n  k: 2\n"
        + "  quasiIdentifiers:\n    zip: { generalize: { prefix: 3 } }\n");
    CliResult result = SparkTestSupport.run("preview", "--config", policy.toString());
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    assertThat(result.out()).contains("(k-anonymity)").doesNotContain("94107");
  }

  /** Long free text wraps within its column; the types found stay visible; nothing is cut off. */
  @Test
  void longValuesWrapAndKeepTheirTypes() throws Exception {
    Path csv = tmp.resolve("long.csv");
    Files.writeString(csv, "id,note\n1,\"Please write to ann@example.com about the refund for order 7, "
        + "or call (415) 555-2671 after five.\"\n");
    CliResult result = SparkTestSupport.run("preview", "--input", csv.toString(), "--width", "30");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    assertThat(result.out()).isEqualTo("""
        | id | note                          |
        |----|-------------------------------|
        | 1  | Please write to <EMAIL> about |
        |    | the refund for order 7, or    |
        |    | call <PHONE> after five.      |
        |    | [EMAIL,PHONE]                 |
        """);
    CliResult unlimited = SparkTestSupport.run("preview", "--input", csv.toString(), "--width", "0");
    assertThat(unlimited.out()).contains("| Please write to <EMAIL> about the refund for order 7, or call <PHONE> after "
        + "five. [EMAIL,PHONE] |");
    assertThat(SparkTestSupport.run("preview", "--input", csv.toString(), "--width", "3").err())
        .isEqualTo("shroud: Invalid --width 3: expected 0 (no limit) or 8 and more\n");
  }

  /** A column an explicit rule masks is not detected, but the preview still names what its cells held. */
  @Test
  void ruleMaskedCellsShowTheTypesFoundInThem() throws Exception {
    Path csv = tmp.resolve("rule.csv");
    Files.writeString(csv, "id,email\n1,annabel@example.com\n");
    Path policy = tmp.resolve("rule.yaml");
    Files.writeString(policy, "input: { path: " + csv + " }\noutput: { path: unused }\ncolumns:\n"
        + "  id: { action: keep, reason: row id }\n  email: { action: partial-mask, keepFirst: 2 }\n");
    CliResult result = SparkTestSupport.run("preview", "--config", policy.toString());
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    assertThat(result.out()).contains("| 1  | an*****@example.com [EMAIL] |").doesNotContain("annabel");
  }

  /** A sanitize output folder (Parquet part files) previews as Parquet, guessed or with --input-format. */
  @Test
  void readsAParquetOutputFolder() throws Exception {
    Path csv = tmp.resolve("in.csv");
    Files.writeString(csv, "id,email\n1,ann@example.com\n");
    Path out = tmp.resolve("masked");
    CliResult sanitized = SparkTestSupport.run("sanitize", "--input", csv.toString(), "--output", out.toString(),
        "--output-format", "parquet");
    assertThat(sanitized.exitCode()).as(sanitized.err()).isEqualTo(0);
    String expected = """
        | id | email   |
        |----|---------|
        | 1  | <EMAIL> |
        """;
    CliResult guessed = SparkTestSupport.run("preview", "--input", out.toString());
    assertThat(guessed.exitCode()).as(guessed.err()).isEqualTo(0);
    assertThat(guessed.out()).isEqualTo(expected);
    CliResult explicit = SparkTestSupport.run("preview", "--input", out.toString(), "--input-format", "parquet");
    assertThat(explicit.out()).isEqualTo(expected);
  }
}
