package io.shroud.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.jobs.SparkTestSupport;
import io.shroud.jobs.TruncatedGzip;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
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
    return shroud(Map.of(), workDir, args);
  }

  static Result shroud(Map<String, String> environment, Path workDir, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(REPO.resolve("scripts/shroud").toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile("shroud-out", ".txt");
    Path err = Files.createTempFile("shroud-err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().putAll(environment);
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
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
    // Only Shroud's own lines: the local key warning once, in plain words (progress lines if the run is slow).
    assertThat(first.err().lines()).allMatch(line -> line.startsWith("shroud: "), "starts with 'shroud: '")
        .filteredOn(line -> line.startsWith("shroud: warning: ")).containsExactly("shroud: warning: key 'local-sample' is "
            + "the local file .shroud/keys/local-sample.key (created now: keep it, the masked output can only be matched "
            + "or reversed with it): fine for trying Shroud; keep keys for real data in Secrets Manager or KMS "
            + "(see conf/README.md, keys)");

    Result second = shroud(work, "sanitize", "--config", "conf/local-sample.yaml");
    assertThat(second.code()).isEqualTo(2);
    assertThat(second.err()).isEqualTo("shroud: Cannot write output out/customers-masked: it already exists; "
        + "pass --overwrite or set output.mode: overwrite to replace it\n");
  }

  /**
   * A failure inside a Spark task (a gzip file cut short, found only when a task reads it): without
   * --verbose, stderr is Shroud's one line; Spark's task-failure logs, exception and stack frames stay out.
   */
  @Test
  void taskFailureIsOneLineWithoutVerbose() throws Exception {
    Path truncated = TruncatedGzip.write(tmp.resolve("cut.csv.gz"), 1000);

    Result result = shroud(tmp, "sanitize", "--input", truncated.toString(), "--output", tmp.resolve("o").toString(),
        "--quiet");
    assertThat(result.code()).as(result.err()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("shroud: Cannot run job: SparkException caused by EOFException (details hidden "
        + "because they may contain data; rerun with --verbose to see them)\n");
    assertThat(result.out()).isEmpty();
    assertThat(tmp.resolve("o")).doesNotExist();

    Result verbose = shroud(tmp, "sanitize", "--input", truncated.toString(), "--output", tmp.resolve("o").toString(),
        "--quiet", "--verbose");
    assertThat(verbose.code()).isEqualTo(1);
    assertThat(verbose.err()).contains("ERROR TaskSetManager: Task 0 in stage").contains("java.io.EOFException")
        .contains("shroud: Cannot run job: SparkException caused by EOFException");
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
    Path policy = badPolicy();
    Result result = shroud(REPO, "sanitize", "--config", policy.toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("shroud: Invalid policy " + policy + ", line 3: unknown key 'unknown' "
        + "at the top level; expected one of: version, input, output, columns, unlistedColumns, operators, detection, audit, keys, "
        + "anonymity, aws, utility\n");
    assertThat(tmp.resolve("o")).doesNotExist();
  }

  /**
   * The launcher adds the parallel collector unless SHROUD_JAVA_OPTS turns a collector on or off: the
   * user's choice wins (the JVM would refuse to start with two collectors). The JVM's own start-up line
   * ({@code -Xlog:gc}) says which collector ran; the run goes on to refuse the policy as usual.
   */
  @Test
  void aCollectorChosenInShroudJavaOptsWins() throws Exception {
    Path policy = badPolicy();
    for (String options : List.of("-Xmx512m -Xlog:gc", "-Xmx512m -Xlog:gc -XX:+UseSerialGC",
        "-Xmx512m -Xlog:gc -XX:-UseParallelGC")) {
      Result result = shroud(Map.of("SHROUD_JAVA_OPTS", options), REPO, "sanitize", "--config", policy.toString());
      assertThat(result.code()).as(options + ": " + result.err()).isEqualTo(2);
      assertThat(result.err()).as(options).startsWith("shroud: Invalid policy " + policy + ", line 3: unknown key");
      if (options.contains("UseSerialGC")) {
        assertThat(result.out()).as(options).contains("Using Serial");
      } else if (options.contains("-UseParallelGC")) {
        assertThat(result.out()).as(options).doesNotContain("Using Parallel");
      } else {
        assertThat(result.out()).as(options).contains("Using Parallel");
      }
    }
  }

  private Path badPolicy() throws IOException {
    Path policy = tmp.resolve("bad.yaml");
    Files.writeString(policy, "input: { path: samples/customers.csv }\noutput: { path: " + tmp.resolve("o")
        + " }\nunknown: 1\n");
    return policy;
  }

  /**
   * scripts/shroud's first run builds with {@code mvn -B -q}; Debian's Maven 3.8 with Jansi 2 ends such a
   * run with raw {@code ESC[0m} resets unless Jansi is told not to (.mvn/jvm.config).
   */
  @Test
  void mavenAsTheLauncherRunsItPrintsNoAnsiEscapes() throws Exception {
    Path mvn = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(dir -> Path.of(dir, "mvn")).filter(Files::isExecutable).findFirst().orElse(null);
    Assumptions.assumeTrue(mvn != null, "mvn is not on the PATH");
    Path log = tmp.resolve("mvn.log");
    Process process = new ProcessBuilder(mvn.toString(), "-B", "-q", "-v").directory(REPO.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(Files.readString(log)).isNotBlank().doesNotContain("\u001b");
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
