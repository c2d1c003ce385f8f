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
 * per-column policy. Prints rows/s for both, the time ratio and the CPU-time ratio. Each path first
 * runs once untimed over the same data, so both are timed with their code JIT-compiled (the steady
 * state of a long job).
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
    // Warm-up: each path once over the same data, untimed. Both then run with their code compiled by
    // the JIT, as in a long production job; a 200,000-row run is otherwise dominated by compilation.
    // Nothing data-dependent survives a run (scan memories live per task), so the timed run is not helped.
    copy(spark, warmData, work.resolve("warm-copy"));
    sanitize(spark, policyFile, warmData, work.resolve("warm-sanitize"));
    copy(spark, data, work.resolve("warm-copy-full"));
    sanitize(spark, policyFile, data, work.resolve("warm-sanitize-full"));

    long c0 = processCpuNanos();
    double copySeconds = copy(spark, data, work.resolve("copy"));
    long c1 = processCpuNanos();
    timedPhase = true;
    double sanitizeSeconds = sanitize(spark, policyFile, data, work.resolve("sanitized"));
    long c2 = processCpuNanos();
    double copyCpu = (c1 - c0) / 1e9;
    double sanitizeCpu = (c2 - c1) / 1e9;
    System.out.printf(Locale.ROOT, "cores: %d, rows: %,d%n", cores, rows);
    System.out.printf(Locale.ROOT, "plain copy : %7.2f s  %,10.0f rows/s  (%.2f CPU-s)%n", copySeconds, rows / copySeconds,
        copyCpu);
    System.out.printf(Locale.ROOT, "sanitize   : %7.2f s  %,10.0f rows/s  (%.2f CPU-s)%n", sanitizeSeconds,
        rows / sanitizeSeconds, sanitizeCpu);
    System.out.printf(Locale.ROOT, "ratio sanitize/copy (time): %.2f   (CPU time: %.2f)%n", sanitizeSeconds / copySeconds,
        sanitizeCpu / copyCpu);
    spark.stop();
  }

  /**
   * CPU time of the whole JVM (every thread): on a shared machine a phase's CPU seconds vary less than
   * its wall-clock time, so the CPU ratio is printed beside the time ratio.
   */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
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
    return timed(() -> new SanitizeJob(spark).run(policy, RunInfo.start("benchmark")));
  }

  /**
   * Seconds a run takes. With {@code -Dshroud.bench.jfr=FILE}, a timed run is also profiled with Java
   * Flight Recorder ("profile" settings) into FILE, so a profile covers exactly the measured phase.
   */
  static double timed(Runnable run) {
    String jfr = System.getProperty("shroud.bench.jfr");
    boolean record = jfr != null && timedPhase;
    jdk.jfr.Recording recording = null;
    try {
      if (record) {
        recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        recording.start();
      }
      long start = System.nanoTime();
      run.run();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (recording != null) {
        recording.stop();
        recording.dump(Path.of(jfr));
      }
      return seconds;
    } catch (java.io.IOException | java.text.ParseException e) {
      throw new IllegalStateException("Cannot record the profile to " + jfr, e);
    } finally {
      if (recording != null) {
        recording.close();
      }
    }
  }

  /** Set just before the timed sanitize run: only that one is profiled. */
  static volatile boolean timedPhase;

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
