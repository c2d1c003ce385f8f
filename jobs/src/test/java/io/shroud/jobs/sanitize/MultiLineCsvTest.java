package io.shroud.jobs.sanitize;

import static io.shroud.jobs.SparkTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.jobs.SparkTestSupport;
import io.shroud.jobs.SparkTestSupport.CliResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 4180 CSV whose quoted fields hold line breaks (what pandas' to_csv, Excel and COPY ... CSV write
 * for free text) is read by default, file by file; a file that is really malformed is still refused.
 */
class MultiLineCsvTest {
  private static final String PANDAS = "id,email,note\n"
      + "1,ana@example.com,\"Customer called twice.\nSpoke with Maria Kowalczyk about the refund.\"\n"
      + "2,ben@example.org,single line note\n"
      + "3,cy@example.net,\"Line one\r\nline two, with a comma\"\n";
  private static final String LINES = "id,email,note\n4,dee@example.com,plain\n5,eve@example.org,\"quoted, one line\"\n";

  @TempDir Path tmp;

  @Test
  void quotedLineBreaksAreReadByDefaultAndSaidSo() throws IOException {
    Path in = Files.writeString(tmp.resolve("notes.csv"), PANDAS);
    Path out = tmp.resolve("out");
    CliResult result = run("sanitize", "--input", in.toString(), "--output", out.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("\nInput: multi-line reader for 1 of 1 file(s): their quoted fields hold line "
        + "breaks\n");
    List<Row> rows = readBack(out);
    assertThat(rows).hasSize(3);
    String note = rows.stream().filter(r -> r.getString(2).startsWith("Customer")).findFirst().orElseThrow().getString(2);
    assertThat(note).contains("\n").doesNotContain("Maria").doesNotContain("Kowalczyk");
    assertThat(rows).extracting(r -> r.getString(1)).noneMatch(e -> e.contains("example."));
    assertThat(SanitizeEndToEndTest.auditText(tmp.resolve("out_audit")))
        .contains("\"csvReader\" : \"multi-line reader for 1 of 1 file(s): their quoted fields hold line breaks\"")
        .contains("\"rowsWritten\" : 3");
  }

  @Test
  void aFolderMixingBothKindsIsReadFileByFile() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(dir.resolve("a.csv"), LINES);
    Files.writeString(dir.resolve("b.csv"), PANDAS);
    Path out = tmp.resolve("out");
    CliResult result = run("sanitize", "--input", dir.toString(), "--output", out.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("Input: multi-line reader for 1 of 2 file(s)");
    assertThat(readBack(out)).hasSize(5);
  }

  @Test
  void theLineReaderStillRefusesAMalformedFile() throws IOException {
    Path in = Files.writeString(tmp.resolve("notes.csv"), "id,email,note\n1,a@example.com,\"closed\"\n2,b@example.com\n");
    CliResult result = run("sanitize", "--input", in.toString(), "--output", tmp.resolve("out").toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("shroud: Invalid input " + in + ": 1 malformed record(s), expected 3 columns per "
        + "row as in the header (line breaks inside quoted fields are looked for in the first MiB of each file; if a "
        + "file's first one comes later, set input.options.multiLine: true) (" + in + ": 1); nothing was written "
        + "(input.onMalformed: skip or quarantine publishes the rest)\n");
  }

  @Test
  void thePolicysMultiLineOptionWins() throws IOException {
    Path in = Files.writeString(tmp.resolve("notes.csv"), PANDAS);
    Path policy = Files.writeString(tmp.resolve("policy.yaml"), "input: { path: \"" + in + "\", options: { multiLine: "
        + "false } }\noutput: { path: \"" + tmp.resolve("out") + "\" }\n");
    CliResult result = run("sanitize", "--config", policy.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("shroud: Invalid input " + in + ": 2 malformed record(s), expected 3 columns "
        + "per row as in the header (" + in + ": 2)");
  }

  private static List<Row> readBack(Path out) {
    return SparkTestSupport.spark().read().option("header", "true").option("multiLine", "true").option("escape", "\"")
        .csv(out.toString()).collectAsList();
  }
}
