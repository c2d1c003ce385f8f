package io.shroud.bench;

import com.sun.management.OperatingSystemMXBean;
import io.shroud.connectors.AwsPolicyExtensions;
import io.shroud.core.audit.AuditRecord;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.PolicyOverrides;
import io.shroud.core.utility.UtilityReport;
import io.shroud.jobs.sanitize.RunInfo;
import io.shroud.jobs.sanitize.SanitizeJob;
import io.shroud.jobs.spark.SparkSessions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.apache.spark.sql.SparkSession;

/**
 * Times, in one JVM and one Spark session, (a) a plain Spark copy of a generated CSV to CSV with the
 * same reader and writer settings, (b) {@code sanitize} of the same data with an explicit per-column
 * policy (utility section on, as by default), and (c) the same {@code sanitize} with
 * {@code utility.sample: off}. Prints rows/s, the time and CPU-time ratios sanitize/copy, and what the
 * utility section cost: (b)/(c) and its own time inside (b). Each path first runs once untimed over
 * the same data, so all are timed with their code JIT-compiled (the steady state of a long job).
 * {@code -Dshroud.bench.repeats=N} runs (a), (b) and (c) N times each, (b) and (c) in alternating order,
 * and reports medians (the copy's too: the ratio's denominator drifts on a shared machine as much as
 * its numerator). Beside the process's CPU time it prints the CPU time Spark's tasks report
 * ({@link TaskCpu}), which leaves out the JIT, the collector and the driver and moves less from run to run.
 * {@code -Dshroud.bench.stages=true} also prints each timed sanitize run's Spark stages with their wall
 * and CPU time: what the run spent outside them is the driver's share.
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

    Recording primer = primeProfiling();
    SparkSession spark = SparkSessions.getOrCreate(Optional.empty());
    TaskCpu tasks = TaskCpu.register(spark);
    int cores = Runtime.getRuntime().availableProcessors();
    // Warm-up: each path once over the same data, untimed. Both then run with their code compiled by
    // the JIT, as in a long production job; a 200,000-row run is otherwise dominated by compilation.
    // Nothing data-dependent survives a run (scan memories live per task), so the timed run is not helped.
    copy(spark, warmData, work.resolve("warm-copy"));
    sanitize(spark, policyFile, warmData, work.resolve("warm-sanitize"), true);
    sanitize(spark, policyFile, warmData, work.resolve("warm-sanitize-off"), false);
    copy(spark, data, work.resolve("warm-copy-full"));
    sanitize(spark, policyFile, data, work.resolve("warm-sanitize-full"), true);

    // Utility on and off alternate (off first, then on first, ...): neither order nor drifting load favours one.
    // The copy runs once per repeat too, next to them: a ratio's denominator drifts as much as its numerator.
    int repeats = Integer.getInteger("shroud.bench.repeats", 1);
    double[] copies = new double[repeats];
    double[] copyCpus = new double[repeats];
    double[] copyTasks = new double[repeats];
    List<Timed> on = new ArrayList<>();
    List<Timed> off = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      long c0 = processCpuNanos();
      TaskCpu.settle(spark);
      tasks.reset();
      copies[r] = copy(spark, data, work.resolve("copy-" + r));
      copyCpus[r] = (processCpuNanos() - c0) / 1e9;
      TaskCpu.settle(spark);
      copyTasks[r] = tasks.read().seconds();
      boolean onFirst = r % 2 == 1;
      for (boolean utility : onFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
        timedPhase = utility && on.isEmpty();
        TaskCpu.settle(spark);
        tasks.reset();
        Timed t = sanitize(spark, policyFile, data, work.resolve("sanitized-" + r + "-" + utility), utility);
        TaskCpu.settle(spark);
        t = t.withTasks(tasks.read());
        if (Boolean.getBoolean("shroud.bench.stages")) {
          System.out.printf(Locale.ROOT, "sanitize run (utility %s) %.2f s, stages:%n", utility, t.seconds());
          tasks.stages().forEach(line -> System.out.println("  " + line));
        }
        timedPhase = false;
        (utility ? on : off).add(t);
      }
    }
    double copySeconds = median(copies);
    double copyCpu = median(copyCpus);
    double sanitizeSeconds = median(on.stream().mapToDouble(Timed::seconds).toArray());
    double sanitizeCpu = median(on.stream().mapToDouble(Timed::cpuSeconds).toArray());
    double offSeconds = median(off.stream().mapToDouble(Timed::seconds).toArray());
    System.out.printf(Locale.ROOT, "cores: %d, rows: %,d%n", cores, rows);
    System.out.printf(Locale.ROOT, "plain copy : %7.2f s  %,10.0f rows/s  (%.2f CPU-s; runs %s)%n", copySeconds,
        rows / copySeconds, copyCpu, cpuSeconds(copyCpus));
    System.out.printf(Locale.ROOT, "sanitize   : %7.2f s  %,10.0f rows/s  (%.2f CPU-s; runs %s)%n", sanitizeSeconds,
        rows / sanitizeSeconds, sanitizeCpu, cpuSeconds(on.stream().mapToDouble(Timed::cpuSeconds).toArray()));
    System.out.printf(Locale.ROOT, "ratio sanitize/copy (time): %.2f   (CPU time: %.2f)%n", sanitizeSeconds / copySeconds,
        sanitizeCpu / copyCpu);
    System.out.printf(Locale.ROOT, "sanitize, utility off: %7.2f s; with utility / without: %.3f (median of %d each: "
        + "on %s, off %s)%n", offSeconds, sanitizeSeconds / offSeconds, repeats, seconds(on), seconds(off));
    double copyTask = median(copyTasks);
    double sanitizeTask = median(on.stream().mapToDouble(Timed::taskCpuSeconds).toArray());
    System.out.printf(Locale.ROOT, "tasks' own CPU-s (no JIT, GC or driver): copy %.2f %s, sanitize %.2f %s, "
        + "ratio %.2f; sanitize's masking stage %s%n", copyTask, cpuSeconds(copyTasks), sanitizeTask,
        cpuSeconds(on.stream().mapToDouble(Timed::taskCpuSeconds).toArray()), sanitizeTask / copyTask,
        cpuSeconds(on.stream().mapToDouble(Timed::largestStageSeconds).toArray()));
    for (Timed t : on) {
      System.out.printf(Locale.ROOT, "utility section inside the run: %,d ms of %,d ms (%.1f%%), sample of %,d rows%n",
          t.utilityMillis(), t.runMillis(), 100.0 * t.utilityMillis() / t.runMillis(), t.sampleRows());
    }
    spark.stop();
    if (primer != null) {
      primer.close();
    }
  }

  /**
   * With {@code -Dshroud.bench.jfr}, a recording with the same settings as the profiled run's, started
   * before the warm-up and kept running to the end: enabling JFR's "profile" events in a running JVM
   * costs the next seconds dearly (a keep-all sanitize run took 5.8 s instead of 1.4 s when its own
   * recording was the first), so the timed run's recording must find them enabled already.
   */
  private static Recording primeProfiling() throws IOException {
    if (System.getProperty("shroud.bench.jfr") == null) {
      return null;
    }
    try {
      Recording primer = new Recording(Configuration.getConfiguration("profile"));
      primer.setToDisk(false);
      primer.setMaxAge(Duration.ofSeconds(1));
      primer.start();
      return primer;
    } catch (ParseException e) {
      throw new IllegalStateException("Cannot read JFR's profile settings", e);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String cpuSeconds(double[] runs) {
    return Arrays.stream(runs).mapToObj(v -> String.format(Locale.ROOT, "%.2f", v)).toList().toString();
  }

  private static String seconds(List<Timed> runs) {
    return runs.stream().map(t -> String.format(Locale.ROOT, "%.2f", t.seconds())).toList().toString();
  }

  /**
   * A sanitize run's wall and CPU time, its audited duration, the utility section's own time and
   * sample, and the CPU time its tasks reported (all, and the most expensive stage's: the masking pass).
   */
  record Timed(double seconds, double cpuSeconds, long runMillis, long utilityMillis, long sampleRows,
      double taskCpuSeconds, double largestStageSeconds) {
    Timed withTasks(TaskCpu.Reading reading) {
      return new Timed(seconds, cpuSeconds, runMillis, utilityMillis, sampleRows, reading.seconds(),
          reading.largestStageSeconds());
    }
  }

  /**
   * CPU time of the whole JVM (every thread): on a shared machine a phase's CPU seconds vary less than
   * its wall-clock time, so the CPU ratio is printed beside the time ratio.
   */
  static long processCpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
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

  static Timed sanitize(SparkSession spark, Path policyFile, Path in, Path out, boolean utility) {
    PolicyOverrides overrides = new PolicyOverrides(Optional.of(in.toString()), Optional.empty(),
        Optional.of(out.toString()), Optional.empty(), false);
    Policy parsed = AwsPolicyExtensions.parser().parse(policyFile, overrides);
    Policy policy = utility ? parsed : parsed.withUtility(parsed.utility().off());
    AuditRecord[] audit = new AuditRecord[1];
    long c0 = processCpuNanos();
    double seconds = timed(() -> audit[0] = new SanitizeJob(spark).run(policy, RunInfo.start("benchmark")).audit());
    double cpu = (processCpuNanos() - c0) / 1e9;
    UtilityReport u = audit[0].utility();
    boolean computed = u != null && UtilityReport.COMPUTED.equals(u.status());
    return new Timed(seconds, cpu, audit[0].durationMillis(), computed ? u.millis() : 0, computed ? u.sampleRows() : 0,
        0, 0);
  }

  /**
   * Seconds a run takes. With {@code -Dshroud.bench.jfr=FILE}, a timed run is also profiled with Java
   * Flight Recorder ("profile" settings) into FILE, so a profile covers exactly the measured phase.
   */
  static double timed(Runnable run) {
    String jfr = System.getProperty("shroud.bench.jfr");
    boolean record = jfr != null && timedPhase;
    Recording recording = null;
    try {
      if (record) {
        recording = new Recording(Configuration.getConfiguration("profile"));
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
    } catch (IOException | ParseException e) {
      throw new IllegalStateException("Cannot record the profile to " + jfr, e);
    } finally {
      if (recording != null) {
        recording.close();
      }
    }
  }

  /** Set just before the first timed sanitize run with the utility section: only that one is profiled. */
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
