package io.shroud.jobs.nested;

import static io.shroud.jobs.SparkTestSupport.run;
import static io.shroud.jobs.SparkTestSupport.spark;
import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.audit.AuditRecord;
import io.shroud.jobs.SparkTestSupport.CliResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text corpora (per line and per file) and JSON lines that do not parse. */
class TextAndMalformedTest {
  @TempDir Path tmp;

  @Test
  void textFormatMasksSpansInEveryLine() throws IOException {
    Path in = tmp.resolve("corpus.txt");
    Files.write(in, List.of("Reach me at ann@example.com.", "", "Nothing here.", "SSN 536-22-8718 on file"));
    Path out = tmp.resolve("out");
    CliResult result = run("sanitize", "--input", in.toString(), "--output", out.toString());
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    List<String> lines = spark().read().text(out.toString()).collectAsList().stream().map(r -> r.getString(0)).toList();
    assertThat(lines).containsExactlyInAnyOrder("Reach me at <EMAIL>.", "", "Nothing here.", "SSN <US_SSN> on file");
  }

  @Test
  void wholetextKeepsOneFilePerDocumentUnderItsName() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(in.resolve("a.txt"), "Dear team,\nplease mail bob@example.org\nthe card 4111 1111 1111 1111.\n");
    Files.createDirectories(in.resolve("sub dir"));
    Files.writeString(in.resolve("sub dir/b.txt"), "no personal data\n");
    String big = "filler words here. ".repeat(120_000) + "contact carol@example.net";
    Files.writeString(in.resolve("big.txt"), big);
    Path policy = NestedDataTest.writePolicy(tmp,
        "input: { path: \"" + in + "\", format: wholetext }",
        "output: { path: \"" + tmp.resolve("out") + "\", format: wholetext }",
        "columns:",
        "  file: { action: keep, reason: generated document ids }");
    CliResult result = run("sanitize", "--config", policy.toString());
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    Path out = tmp.resolve("out");
    assertThat(Files.readString(out.resolve("a.txt")))
        .isEqualTo("Dear team,\nplease mail <EMAIL>\nthe card <CREDIT_CARD>.\n");
    assertThat(Files.readString(out.resolve("sub dir/b.txt"))).isEqualTo("no personal data\n");
    String bigOut = Files.readString(out.resolve("big.txt"));
    assertThat(bigOut).hasSize(big.length() - "carol@example.net".length() + "<EMAIL>".length()).endsWith("contact <EMAIL>");
  }

  @Test
  void malformedJsonLinesFailByDefaultWithTheFileNamed() throws IOException {
    Path in = writeChats();
    CliResult result = run("sanitize", "--input", in.toString(), "--output", tmp.resolve("out").toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Invalid input " + in + ": 2 malformed record(s), expected one JSON object per line "
        + "(set input.options.multiLine: true for JSON spanning lines) (" + in + ": 2); nothing was written "
        + "(input.onMalformed: skip or quarantine publishes the rest)")
        .doesNotContain("536-22-8718");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void quarantineWritesMaskedBadLinesBesideTheAuditAndPublishesTheRest() throws IOException {
    Path in = writeChats();
    Path policy = NestedDataTest.writePolicy(tmp,
        "input: { path: \"" + in + "\", format: json, onMalformed: quarantine }",
        "output: { path: \"" + tmp.resolve("out") + "\", format: json }");
    CliResult result = run("sanitize", "--config", policy.toString());
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    assertThat(spark().read().json(tmp.resolve("out").toString()).count()).isEqualTo(2);
    AuditRecord audit = NestedDataTest.onlyAudit(Path.of(tmp.resolve("out") + "_audit"));
    assertThat(audit.input()).containsEntry("onMalformed", "quarantine").containsEntry("malformedRecords", "2");
    Path quarantine = Path.of(audit.input().get("quarantine"));
    List<String> records;
    try (Stream<Path> files = Files.list(quarantine)) {
      records = files.filter(p -> p.getFileName().toString().endsWith(".json")).flatMap(TextAndMalformedTest::lines)
          .collect(Collectors.toList());
    }
    assertThat(records).hasSize(2);
    assertThat(String.join("\n", records)).contains("<US_SSN>", "<EMAIL>").doesNotContain("536-22-8718", "x@example.com");
  }

  @Test
  void skipPublishesTheRestAndCountsTheBadLines() throws IOException {
    Path in = writeChats();
    Path policy = NestedDataTest.writePolicy(tmp,
        "input: { path: \"" + in + "\", onMalformed: skip }",
        "output: { path: \"" + tmp.resolve("out") + "\" }");
    CliResult result = run("sanitize", "--config", policy.toString());
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    AuditRecord audit = NestedDataTest.onlyAudit(Path.of(tmp.resolve("out") + "_audit"));
    assertThat(audit.input()).containsEntry("malformedRecords", "2").doesNotContainKey("quarantine");
    assertThat(audit.rowsWritten()).isEqualTo(2);
  }

  @Test
  void multiLineJsonIsReadWhenAsked() throws IOException {
    Path in = tmp.resolve("doc.json");
    Files.writeString(in, "[\n {\"id\": 1,\n  \"note\": \"mail ann@example.com\"},\n {\"id\": 2, \"note\": \"none\"}\n]\n");
    Path policy = NestedDataTest.writePolicy(tmp,
        "input: { path: \"" + in + "\", options: { multiLine: true } }",
        "output: { path: \"" + tmp.resolve("out") + "\", format: json }");
    CliResult result = run("sanitize", "--config", policy.toString());
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    List<Row> rows = spark().read().json(tmp.resolve("out").toString()).orderBy("id").collectAsList();
    assertThat(rows).extracting(r -> r.<String>getAs("note")).containsExactly("mail <EMAIL>", "none");
  }

  private Path writeChats() throws IOException {
    Path in = tmp.resolve("chats.jsonl");
    Files.write(in, List.of(
        "{\"id\":1,\"text\":\"hello\"}",
        "{\"id\":2,\"text\":\"my ssn is 536-22-8718\"",
        "{\"id\":3,\"text\":\"bye\"}",
        "not json at all, mail x@example.com"));
    return in;
  }

  private static Stream<String> lines(Path p) {
    try {
      return Files.readAllLines(p).stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
