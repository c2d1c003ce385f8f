package io.shroud.bench;

import io.shroud.core.policy.Policy;
import io.shroud.core.policy.PolicyOverrides;
import io.shroud.core.policy.PolicyParser;
import io.shroud.jobs.sanitize.RunInfo;
import io.shroud.jobs.sanitize.SanitizeJob;
import io.shroud.jobs.spark.SparkSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Times, in one JVM and one Spark session, (a) a plain Spark copy of a generated CSV to CSV with the
 * same reader and writer settings, and (b) {@code sanitize} of the same data with an explicit
 * per-column policy. Prints rows/s for both and the ratio. A small warm-up run of each comes first so
 * neither pays for JIT compilation alone.
 *
 * <p>Usage: {@code SanitizeBenchmark ROWS POLICY WORKDIR}
 */
public final class SanitizeBenchmark {
  private SanitizeBenchmark() {}

  public static void main(String[] args) throws IOException {
    long rows = Long.parseLong(args[0]);
    Path policyFile = Path.of(args[1]);
    Path work = Path.of(args[2]);
    deleteRecursively(work);
    Files.createDirectories(work);
    Path data = work.resolve("customers-" + rows + ".csv");
    Path warmData = work.resolve("warmup.csv");
    long t0 = System.nanoTime();
    SyntheticCustomers.write(data, rows, 7L);
    SyntheticCustomers.write(warmData, 20_000, 8L);
    System.out.printf(Locale.ROOT, "generated %,d rows (%.1f MB) in %.1f s%n", rows, Files.size(data) / 1e6,
        (System.nanoTime() - t0) / 1e9);

    SparkSession spark = SparkSessions.getOrCreate(Optional.empty());
    int cores = Runtime.getRuntime().availableProcessors();
    copy(spark, warmData, work.resolve("warm-copy"));
    sanitize(spark, policyFile, warmData, work.resolve("warm-sanitize"));

    double copySeconds = copy(spark, data, work.resolve("copy"));
    double sanitizeSeconds = sanitize(spark, policyFile, data, work.resolve("sanitized"));
    System.out.printf(Locale.ROOT, "cores: %d, rows: %,d%n", cores, rows);
    System.out.printf(Locale.ROOT, "plain copy : %7.2f s  %,10.0f rows/s%n", copySeconds, rows / copySeconds);
    System.out.printf(Locale.ROOT, "sanitize   : %7.2f s  %,10.0f rows/s%n", sanitizeSeconds, rows / sanitizeSeconds);
    System.out.printf(Locale.ROOT, "ratio sanitize/copy (time): %.2f%n", sanitizeSeconds / copySeconds);
    spark.stop();
  }

  static double copy(SparkSession spark, Path in, Path out) {
    long start = System.nanoTime();
    spark.read().option("header", "true").option("escape", "\"").csv(in.toString())
        .write().option("header", "true").option("escape", "\"")
        .option("ignoreLeadingWhiteSpace", "false").option("ignoreTrailingWhiteSpace", "false")
        .csv(out.toString());
    return (System.nanoTime() - start) / 1e9;
  }

  static double sanitize(SparkSession spark, Path policyFile, Path in, Path out) {
    PolicyOverrides overrides = new PolicyOverrides(Optional.of(in.toString()), Optional.empty(),
        Optional.of(out.toString()), Optional.empty(), false);
    Policy policy = new PolicyParser().parse(policyFile, overrides);
    long start = System.nanoTime();
    new SanitizeJob(spark).run(policy, RunInfo.start("benchmark"));
    return (System.nanoTime() - start) / 1e9;
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
