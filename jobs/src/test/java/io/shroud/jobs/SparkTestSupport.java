package io.shroud.jobs;

import io.shroud.jobs.cli.ShroudCli;
import io.shroud.jobs.spark.SparkSessions;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;

/** One local Spark session per test JVM (start-up is most of a small job's time), and CLI helpers. */
public final class SparkTestSupport {
  private static SparkSession spark;

  private SparkTestSupport() {}

  public static synchronized SparkSession spark() {
    if (spark == null) {
      spark = SparkSessions.getOrCreate(Optional.of("local[2]"));
      spark.conf().set("spark.sql.shuffle.partitions", "2");
    }
    return spark;
  }

  /** The repository root (set by the build; falls back to the parent of the module directory). */
  public static Path repoRoot() {
    String root = System.getProperty("shroud.repo.root");
    if (root != null && Files.isDirectory(Path.of(root, "samples"))) {
      return Path.of(root).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("samples")) && Files.isDirectory(p.resolve("conf"))) {
        return p;
      }
    }
    throw new IllegalStateException("Cannot find the repository root above " + Path.of("").toAbsolutePath());
  }

  /** Exit code and captured output of one CLI run. */
  public record CliResult(int exitCode, String out, String err) {}

  public static CliResult run(String... args) {
    spark();
    CommandLine cli = ShroudCli.commandLine();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    int code = cli.execute(args);
    return new CliResult(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
