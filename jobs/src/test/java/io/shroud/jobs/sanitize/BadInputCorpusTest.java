package io.shroud.jobs.sanitize;

import static io.shroud.jobs.SparkTestSupport.repoRoot;
import static io.shroud.jobs.SparkTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.jobs.SparkTestSupport.CliResult;
import io.shroud.jobs.TruncatedGzip;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus ({@code src/test/resources/bad-input/}, large files generated here): what each
 * malformed input gets, pinned. Either a clear one-line error naming the file (and line, column or key
 * where there is one) with exit 2, and nothing written; or a documented recovery in which nothing is
 * lost. docs/operations.md ("Bad input") lists the same table for users.
 */
class BadInputCorpusTest {
  static final Path CORPUS = repoRoot().resolve("jobs/src/test/resources/bad-input");

  @TempDir Path tmp;

  /** What the test does with the case's files before running: copy from the corpus, or generate. */
  interface Setup {
    void into(Path dir) throws IOException;
  }

  /** What must hold afterwards, beyond exit code and stderr. */
  interface Check {
    void on(Path dir, CliResult result) throws IOException;
  }

  /**
   * @param name the case, as in docs/operations.md
   * @param setup files the case needs in the working directory
   * @param args the command; {dir} is the working directory
   * @param exit the expected exit code
   * @param err the expected stderr, exactly; {dir} is the working directory; null: do not check
   * @param check further checks
   */
  record Case(String name, Setup setup, String args, int exit, String err, Check check) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Setup corpus(String... files) {
    return dir -> {
      for (String file : files) {
        Files.copy(CORPUS.resolve(file), dir.resolve(file));
      }
    };
  }

  static Check nothingWritten(String... inputs) {
    return (dir, result) -> {
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("out_audit")))
            .containsExactlyInAnyOrder(inputs);
      }
    };
  }

  static Check csvOutput(String expected) {
    return (dir, result) -> assertThat(String.join("", outputLines(dir.resolve("out")))).isEqualTo(expected);
  }

  static final String WHOLE_FILE_REFUSED = "; nothing was written (input.onMalformed: skip or quarantine publishes the rest)\n";

  static Stream<Case> corpus() {
    return Stream.of(
        new Case("unbalanced quotes: the open quote ends at the end of its line, later rows are intact",
            corpus("unbalanced-quotes.csv"), "sanitize --input {dir}/unbalanced-quotes.csv --output {dir}/out", 0, "",
            csvOutput("id,note\n1,a quote that never closes\n2,plain row\n3,another row\n")),
        new Case("ragged rows: counted per file, exit 2, nothing published", corpus("ragged-rows.csv"),
            "sanitize --input {dir}/ragged-rows.csv --output {dir}/out", 2, "shroud: Invalid input {dir}/ragged-rows.csv: "
                + "2 malformed record(s), expected 3 columns per row as in the header (line breaks inside quoted fields "
                + "are looked for in the first MiB of each file; if a file's first one comes later, set "
                + "input.options.multiLine: true) ({dir}/ragged-rows.csv: 2)"
                + WHOLE_FILE_REFUSED, nothingWritten("ragged-rows.csv")),
        new Case("NUL bytes: kept as they are, PII around them masked", corpus("nul-bytes.csv"),
            "sanitize --input {dir}/nul-bytes.csv --output {dir}/out", 0, "",
            csvOutput("id,note\n1,before\u0000after\n2,call <EMAIL>\u0000 now\n")),
        new Case("UTF-8 byte order mark: not part of the first column's name", corpus("utf8-bom.csv"),
            "sanitize --input {dir}/utf8-bom.csv --output {dir}/out", 0, "", csvOutput("id,email\n1,<EMAIL>\n2,<EMAIL>\n")),
        new Case("CRLF line ends: no carriage return left in values", corpus("crlf.csv"),
            "sanitize --input {dir}/crlf.csv --output {dir}/out", 0, "",
            csvOutput("id,email,note\n1,<EMAIL>,first\n2,<EMAIL>,second\n")),
        new Case("Latin-1 bytes without an encoding: refused, nothing published", corpus("latin1.csv"),
            "sanitize --input {dir}/latin1.csv --output {dir}/out", 2, "shroud: Invalid input {dir}/latin1.csv: 2 "
                + "record(s) hold bytes that are not UTF-8 ({dir}/latin1.csv: 2); set input.options.encoding to the file's "
                + "encoding (for example ISO-8859-1, windows-1252 or UTF-16), or to UTF-8 if the text really holds U+FFFD; "
                + "nothing was written\n", nothingWritten("latin1.csv")),
        new Case("Latin-1 with encoding: ISO-8859-1: read and written as text", dir -> {
          corpus("latin1.csv").into(dir);
          Files.writeString(dir.resolve("latin1.yaml"), "input: { path: " + dir.resolve("latin1.csv")
              + ", options: { encoding: ISO-8859-1 } }\noutput: { path: " + dir.resolve("out") + " }\n"
              + "columns:\n  city: { action: keep, reason: coarse }\nunlistedColumns: keep\n");
        }, "sanitize --config {dir}/latin1.yaml", 0, "",
            csvOutput("id,name,city\n1,Zoë Müller,Köln\n2,José Núñez,Málaga\n")),
        new Case("UTF-16 without an encoding: the header is refused", corpus("utf16.csv"),
            "sanitize --input {dir}/utf16.csv --output {dir}/out", 2, "shroud: Invalid input {dir}/utf16.csv: column 1's "
                + "name is not UTF-8 text (it holds bytes that are not UTF-8, or NUL characters, as a UTF-16 or Latin-1 file "
                + "read as UTF-8 does); set input.options.encoding to the file's encoding, for example UTF-16 or "
                + "ISO-8859-1\n", nothingWritten("utf16.csv")),
        new Case("a 10 MB line: one cell of 10,000,000 characters, kept whole", dir -> {
          Files.writeString(dir.resolve("long.csv"), "id,note\n1," + "abc ".repeat(2_500_000) + "\n2,short\n");
          Files.writeString(dir.resolve("long.yaml"), "input: { path: " + dir.resolve("long.csv") + " }\noutput: { path: "
              + dir.resolve("out") + " }\ndetection: { ner: { enabled: false } }\n");
        }, "sanitize --config {dir}/long.yaml", 0, "", (dir, result) -> {
          List<String> lines = outputLines(dir.resolve("out"));
          assertThat(lines).hasSize(3);
          assertThat(lines.stream().filter(l -> l.startsWith("1,")).findFirst().orElseThrow()).hasSize(10_000_003);
        }),
        new Case("an empty file: no columns, exit 2", corpus("empty.csv"), "sanitize --input {dir}/empty.csv --output {dir}/out",
            2, "shroud: Invalid input {dir}/empty.csv: it has no columns (an empty file? CSV input needs a header line)\n",
            nothingWritten("empty.csv")),
        new Case("a header-only file: zero rows, the header kept", corpus("header-only.csv"),
            "sanitize --input {dir}/header-only.csv --output {dir}/out", 0, "", (dir, result) -> {
              assertThat(result.out()).startsWith("Sanitized 0 rows from ");
              assertThat(outputLines(dir.resolve("out"))).containsOnly("id,email\n");
            }),
        new Case("duplicate column names: refused (Spark would rename both)", corpus("duplicate-columns.csv"),
            "sanitize --input {dir}/duplicate-columns.csv --output {dir}/out", 2, "shroud: Invalid input "
                + "{dir}/duplicate-columns.csv: columns 2 and 3 have the same name, 'email' and 'Email' (Spark compares names "
                + "case-insensitively); rename one (Spark would rename both)\n", nothingWritten("duplicate-columns.csv")),
        new Case("an empty column name: refused", corpus("empty-column-name.csv"),
            "sanitize --input {dir}/empty-column-name.csv --output {dir}/out", 2, "shroud: Invalid input "
                + "{dir}/empty-column-name.csv: column 2 has no name in the header; name it (Spark would call it _c1)\n",
            nothingWritten("empty-column-name.csv")),
        new Case("a JSON line that does not parse: counted, exit 2", corpus("malformed.jsonl"),
            "sanitize --input {dir}/malformed.jsonl --output {dir}/out", 2, "shroud: Invalid input {dir}/malformed.jsonl: 1 "
                + "malformed record(s), expected one JSON object per line (set input.options.multiLine: true for JSON "
                + "spanning lines) ({dir}/malformed.jsonl: 1)" + WHOLE_FILE_REFUSED, nothingWritten("malformed.jsonl")),
        new Case("JSON nested 5,000 deep: a malformed record (Spark's parser stops at 1,000 levels)", dir ->
            Files.writeString(dir.resolve("deep.jsonl"), "{\"a\":" + "{\"b\":".repeat(5000) + "1" + "}".repeat(5001)
                + "\n{\"a\":{\"b\":2}}\n"),
            "sanitize --input {dir}/deep.jsonl --output {dir}/out", 2, "shroud: Invalid input {dir}/deep.jsonl: 1 malformed "
                + "record(s), expected one JSON object per line (set input.options.multiLine: true for JSON spanning lines) "
                + "({dir}/deep.jsonl: 1)" + WHOLE_FILE_REFUSED, nothingWritten("deep.jsonl")),
        new Case("a gzip file cut short: the task fails, one line, exit 1",
            dir -> TruncatedGzip.write(dir.resolve("cut.csv.gz"), 2000), "sanitize --input {dir}/cut.csv.gz --output "
            + "{dir}/out", 1, "shroud: Cannot run job: SparkException caused by "
            + "EOFException (details hidden because they may contain data; rerun with --verbose to see them)\n",
            nothingWritten("cut.csv.gz")),
        new Case("YAML with a tab indent: the line named", corpus("tabs.yaml"), "sanitize --config {dir}/tabs.yaml", 2,
            "shroud: Invalid policy {dir}/tabs.yaml, line 2: a tab indents this line; YAML indents with spaces only\n",
            nothingWritten("tabs.yaml")),
        new Case("YAML with a duplicate key: the key and line named", corpus("duplicate-keys.yaml"),
            "sanitize --config {dir}/duplicate-keys.yaml", 2, "shroud: Invalid policy {dir}/duplicate-keys.yaml, line 5: "
                + "duplicate key 'email' (a key may appear only once in a mapping)\n", nothingWritten("duplicate-keys.yaml")),
        new Case("YAML billion-laughs alias bomb: anchors refused before anything expands", corpus("billion-laughs.yaml"),
            "sanitize --config {dir}/billion-laughs.yaml", 2, "shroud: Invalid policy {dir}/billion-laughs.yaml, line 2: "
                + "YAML anchors and aliases (&name, *name) are not allowed in a policy; write each value out\n",
            nothingWritten("billion-laughs.yaml")),
        new Case("YAML !! type tags: refused, nothing constructed", corpus("type-tag.yaml"), "sanitize --config {dir}/type-tag.yaml",
            2, "shroud: Invalid policy {dir}/type-tag.yaml, line 1: YAML tag '!!javax.script.ScriptEngineManager' is not "
                + "allowed in a policy; policies hold plain values only (remove the tag)\n", nothingWritten("type-tag.yaml")),
        new Case("output path equal to the input path: refused", corpus("crlf.csv"),
            "sanitize --input {dir}/crlf.csv --output {dir}/./crlf.csv --overwrite", 2, "shroud: Invalid output "
                + "{dir}/./crlf.csv: it is the input; write the masked copy to another path\n", nothingWritten("crlf.csv")),
        new Case("output path inside the input directory: refused", dir -> {
          Files.createDirectories(dir.resolve("data"));
          Files.copy(CORPUS.resolve("crlf.csv"), dir.resolve("data/crlf.csv"));
        }, "sanitize --input {dir}/data --output {dir}/data/masked", 2, "shroud: Invalid output {dir}/data/masked: it is "
            + "inside the input {dir}/data (the next read of the input would include it); write it outside the input\n",
            (dir, result) -> assertThat(dir.resolve("data")).isDirectoryContaining(p -> true)
                .isDirectoryNotContaining(p -> !p.getFileName().toString().equals("crlf.csv"))),
        new Case("output path around the input: refused (replacing it would delete the input)", dir -> {
          Files.createDirectories(dir.resolve("data"));
          Files.copy(CORPUS.resolve("crlf.csv"), dir.resolve("data/crlf.csv"));
        }, "sanitize --input {dir}/data/crlf.csv --output {dir}/data --overwrite", 2, "shroud: Invalid output {dir}/data: "
            + "it contains the input {dir}/data/crlf.csv (replacing the output would delete the input); write it outside "
            + "the input\n", (dir, result) -> assertThat(dir.resolve("data/crlf.csv")).exists()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void eachBadInputGetsItsPinnedOutcome(Case c) throws IOException {
    c.setup().into(tmp);
    CliResult result = run(c.args().replace("{dir}", tmp.toString()).split(" "));
    assertThat(result.exitCode()).as(result.err()).isEqualTo(c.exit());
    if (c.err() != null) {
      assertThat(result.err()).isEqualTo(c.err().replace("{dir}", tmp.toString()));
    }
    c.check().on(tmp, result);
  }

  /** The output's CSV lines (part files in name order, each part's header once), line ends kept. */
  static List<String> outputLines(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> parts = Files.list(dir)) {
      for (Path part : parts.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList()) {
        List<String> partLines = Arrays.stream(Files.readString(part, StandardCharsets.UTF_8).split("(?<=\n)")).toList();
        lines.addAll(lines.isEmpty() ? partLines : partLines.subList(Math.min(1, partLines.size()), partLines.size()));
      }
    }
    return lines;
  }
}
