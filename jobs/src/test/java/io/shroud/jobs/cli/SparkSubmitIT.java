package io.shroud.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.jobs.SparkTestSupport;
import io.shroud.jobs.TruncatedGzip;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded job jar run as a cluster runs it: {@code org.apache.spark.deploy.SparkSubmit} on a
 * classpath of Spark's own jars only (nothing Shroud shades, and no Iceberg: the cluster provides it), so a
 * missing or conflicting class in the job jar fails here rather than in production.
 */
class SparkSubmitIT {
  /** Jars the job jar must carry itself: kept off the SparkSubmit classpath on purpose. */
  private static final List<String> SHADED_OR_OURS = List.of("/io/shroud/", "/target/",
      "/info/picocli/", "/com/googlecode/libphonenumber/", "/org/ahocorasick/", "/org/bouncycastle/", "/net/datafaker/",
      "/com/github/curious-odd-man/", "/jackson-dataformat-yaml/", "/org/yaml/", "/software/amazon/",
      "/org/reactivestreams/", "/org/apache/opennlp/", "/org/junit/", "/org/assertj/", "/org/wiremock/", "/org/opentest4j/", "/net/bytebuddy/",
      "/org/apiguardian/", "/org/jspecify/", "/surefire", "/failsafe", "/org/apache/iceberg/");

  @TempDir Path tmp;

  /** The SparkSubmit command for the job jar, with Spark's own jars only on its classpath. */
  static List<String> submit(String... shroudArgs) {
    return submit(List.of(), shroudArgs);
  }

  /** As above, with extra spark-submit options (such as {@code --jars}) before the job jar. */
  static List<String> submit(List<String> submitOptions, String... shroudArgs) {
    Path jar = SparkTestSupport.repoRoot().resolve("jobs/target/shroud-job.jar");
    assertThat(jar).exists();
    String sparkClasspath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> SHADED_OR_OURS.stream().noneMatch(entry::contains))
        .collect(Collectors.joining(File.pathSeparator));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
    command.addAll(List.of(System.getProperty("shroud.spark.jvm.flags", "").split(" ")).stream().filter(f -> !f.isBlank()).toList());
    command.addAll(List.of("-cp", sparkClasspath, "org.apache.spark.deploy.SparkSubmit",
        "--class", "io.shroud.jobs.cli.ShroudCli", "--master", "local[2]",
        "--conf", "spark.driver.bindAddress=127.0.0.1", "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.ui.enabled=false"));
    command.addAll(submitOptions);
    command.add(jar.toString());
    command.addAll(List.of(shroudArgs));
    return command;
  }

  record Run(int exit, String output) {}

  Run run(List<String> command) throws Exception {
    Path log = Files.createTempFile(tmp, "submit", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process process = builder.start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("spark-submit finished").isTrue();
    return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /**
   * A table run: the Iceberg runtime comes with spark-submit ({@code --jars}, as {@code --packages} or EMR's
   * Iceberg would provide it), the Glue SDK from the job jar.
   */
  @Test
  void jobJarWritesAnIcebergTableWithTheRuntimeTheClusterProvides() throws Exception {
    Path root = SparkTestSupport.repoRoot();
    String runtime = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> entry.contains("iceberg-spark-runtime-4.0_2.13")).findFirst().orElseThrow();
    Path policy = tmp.resolve("table.yaml");
    Files.writeString(policy, """
        input: { path: "%s", format: csv }
        output: { table: db.customers_masked, catalog: { type: hadoop, warehouse: "%s" } }
        audit: { path: "%s" }
        columns:
          customer_id: { action: hash, key: k, length: 16 }
          country: { action: keep, reason: "coarse" }
        unlistedColumns: drop
        keys:
          k: { file: "%s", generateIfMissing: true }
        """.formatted(root.resolve("samples/customers.csv"), tmp.resolve("warehouse"), tmp.resolve("audit"),
        tmp.resolve("k.key")));
    Run result = run(submit(List.of("--jars", runtime), "sanitize", "--config", policy.toString(), "--quiet"));
    assertThat(result.exit()).as(result.output()).isEqualTo(0);
    assertThat(result.output()).contains("Sanitized 1000 rows from " + root.resolve("samples/customers.csv")
        + " to table db.customers_masked").contains("Snapshot: ");
    assertThat(tmp.resolve("warehouse/db/customers_masked/metadata")).isDirectory();
  }

  @Test
  void jobJarRunsTheSamplePolicyThroughSparkSubmit() throws Exception {
    Path root = SparkTestSupport.repoRoot();
    Path policy = tmp.resolve("policy.yaml");
    Files.writeString(policy, Files.readString(root.resolve("conf/local-sample.yaml"))
        .replace("samples/customers.csv", root.resolve("samples/customers.csv").toString())
        .replace("out/customers-masked", tmp.resolve("out").toString())
        .replace(".shroud/keys/local-sample.key", tmp.resolve("k.key").toString())
        // A deny list long enough for the automaton: its library must be in the job jar too.
        .replace("\ndetection:\n", "\ndetection:\n  denyList: { CODENAME: ["
            + java.util.stream.IntStream.range(0, 40).mapToObj(i -> "PRJ-" + i).collect(java.util.stream.Collectors.joining(", "))
            + "] }\n"));
    assertThat(Files.readString(policy)).contains("PRJ-39");
    Run result = run(submit("sanitize", "--config", policy.toString(), "--quiet"));
    assertThat(result.exit()).as(result.output()).isEqualTo(0);
    assertThat(result.output()).contains("Sanitized 1000 rows from " + root.resolve("samples/customers.csv"));
    assertThat(tmp.resolve("out/_SUCCESS")).exists();
  }

  /**
   * Under spark-submit the cluster's logging applies, but the driver turns off the loggers that
   * report a failed task with its exception (which can quote a row): a failure ends in Shroud's line.
   */
  @Test
  void aFailedTaskIsReportedByShroudNotBySparksTaskLogs() throws Exception {
    Path cut = TruncatedGzip.write(tmp.resolve("cut.csv.gz"), 1000);
    Run result = run(submit("sanitize", "--input", cut.toString(), "--output", tmp.resolve("o").toString(), "--quiet"));
    assertThat(result.exit()).as(result.output()).isEqualTo(1);
    assertThat(result.output()).endsWith("shroud: Cannot run job: SparkException caused by EOFException (details hidden "
        + "because they may contain data; rerun with --verbose to see them)\n")
        .doesNotContain("Lost task").doesNotContain("Exception in task").doesNotContain("Aborting task")
        .doesNotContain("\tat ");
  }
}
