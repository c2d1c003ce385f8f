package io.shroud.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.jobs.SparkTestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code scripts/shroud} as a user would, in a separate process, after the jar is packaged: the
 * README's commands, the exit codes and the one-line errors.
 */
class LauncherIT {
  static final Path REPO = SparkTestSupport.repoRoot();

  @TempDir Path tmp;

  record Result(int code, String out, String err) {}

  static Result shroud(Path workDir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(REPO.resolve("scripts/shroud").toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile("shroud-out", ".txt");
    Path err = Files.createTempFile("shroud-err", ".txt");
    Process process = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("shroud finished").isTrue();
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** The README's first command, run from a copy of the repository's conf/ and samples/. */
  @Test
  void samplePolicyRunsThenRefusesToOverwrite() throws Exception {
    Path work = tmp.resolve("work");
    copy(REPO.resolve("conf"), work.resolve("conf"));
    copy(REPO.resolve("samples"), work.resolve("samples"));

    Result first = shroud(work, "sanitize", "--config", "conf/local-sample.yaml");
    assertThat(first.code()).as(first.err()).isEqualTo(0);
    assertThat(first.out()).contains("Sanitized 1000 rows from samples/customers.csv to out/customers-masked");
    assertThat(work.resolve("out/customers-masked/_SUCCESS")).exists();
    try (Stream<Path> audits = Files.list(work.resolve("out/customers-masked_audit"))) {
      assertThat(audits.filter(p -> p.getFileName().toString().matches("audit-.*\\.json"))).hasSize(1);
    }
    assertThat(first.err()).contains("Generated a new local key 'local-sample'");

    Result second = shroud(work, "sanitize", "--config", "conf/local-sample.yaml");
    assertThat(second.code()).isEqualTo(2);
    assertThat(lastLine(second.err())).isEqualTo("shroud: Cannot write output out/customers-masked: it already exists; "
        + "pass --overwrite or set output.mode: overwrite to replace it");
  }

  @Test
  void noPolicyKeepsEveryRowAndColumn() throws Exception {
    Path out = tmp.resolve("auto");
    Result result = shroud(REPO, "sanitize", "--input", "samples/customers.csv", "--output", out.toString(),
        "--output-format", "csv");
    assertThat(result.code()).as(result.err()).isEqualTo(0);
    List<String> lines = new ArrayList<>();
    try (Stream<Path> parts = Files.list(out)) {
      for (Path part : parts.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList()) {
        List<String> partLines = Files.readAllLines(part);
        lines.addAll(lines.isEmpty() ? partLines : partLines.subList(1, partLines.size()));
      }
    }
    List<String> input = Files.readAllLines(REPO.resolve("samples/customers.csv"));
    assertThat(lines.get(0)).isEqualTo(input.get(0));
    assertThat(lines).hasSameSizeAs(input);
  }

  @Test
  void badPolicyIsOneLineAndExitTwo() throws Exception {
    Path policy = tmp.resolve("bad.yaml");
    Files.writeString(policy, "input: { path: samples/customers.csv }\noutput: { path: " + tmp.resolve("o") + " }\nunknown: 1\n");
    Result result = shroud(REPO, "sanitize", "--config", policy.toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(lastLine(result.err())).isEqualTo("shroud: Invalid policy " + policy + ", line 3: unknown key 'unknown' "
        + "at the top level; expected one of: version, input, output, columns, unlistedColumns, operators, detection, audit, keys, "
        + "anonymity, aws, utility");
    assertThat(result.err()).doesNotContain("\tat ");
    assertThat(tmp.resolve("o")).doesNotExist();
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines[lines.length - 1];
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
