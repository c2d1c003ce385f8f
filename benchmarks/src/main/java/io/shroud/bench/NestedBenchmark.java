package io.shroud.bench;

import io.shroud.core.policy.DataFormat;
import io.shroud.core.policy.Policy;
import io.shroud.jobs.sanitize.RunInfo;
import io.shroud.jobs.sanitize.SanitizeJob;
import io.shroud.jobs.spark.SparkSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * Times {@code sanitize} with no policy (auto mode: every leaf profiled, spans masked in every message)
 * over generated chat transcripts in JSON lines, against a plain Spark JSON copy of the same file.
 * Prints MB/s and MB/s per core. Generated data is kept in WORKDIR and reused when its size matches.
 *
 * <p>Usage: {@code NestedBenchmark MEGABYTES WORKDIR}
 */
public final class NestedBenchmark {
  private NestedBenchmark() {}

  public static void main(String[] args) throws IOException {
    long megabytes = Long.parseLong(args[0]);
    Path work = Path.of(args[1]);
    Files.createDirectories(work);
    Path data = work.resolve("chats-" + megabytes + "mb.jsonl");
    if (!Files.exists(data)) {
      long t0 = System.nanoTime();
      // About 480 bytes per record on average.
      SyntheticChats.write(data, megabytes * 1_000_000L / 480, 11L);
      System.out.printf(Locale.ROOT, "generated %.1f MB in %.1f s%n", Files.size(data) / 1e6, (System.nanoTime() - t0) / 1e9);
    }
    Path warm = work.resolve("chats-warmup.jsonl");
    SyntheticChats.write(warm, 20_000, 12L);
    SparkSession spark = SparkSessions.getOrCreate(Optional.empty());
    int cores = Runtime.getRuntime().availableProcessors();
    SanitizeBenchmark.deleteRecursively(work.resolve("warm-out"));
    sanitize(spark, warm, work.resolve("warm-out"));
    // Each path once more over the same data, untimed: both are then timed JIT-compiled (see SanitizeBenchmark).
    SanitizeBenchmark.deleteRecursively(work.resolve("warm-copy"));
    spark.read().json(data.toString()).write().json(work.resolve("warm-copy").toString());
    SanitizeBenchmark.deleteRecursively(work.resolve("warm-full"));
    SanitizeBenchmark.deleteRecursively(work.resolve("warm-full_audit"));
    sanitize(spark, data, work.resolve("warm-full"));

    TaskCpu tasks = TaskCpu.register(spark);
    SanitizeBenchmark.deleteRecursively(work.resolve("copy"));
    TaskCpu.settle(spark);
    tasks.reset();
    long c0 = SanitizeBenchmark.processCpuNanos();
    long start = System.nanoTime();
    spark.read().json(data.toString()).write().json(work.resolve("copy").toString());
    double copySeconds = (System.nanoTime() - start) / 1e9;
    long c1 = SanitizeBenchmark.processCpuNanos();
    TaskCpu.settle(spark);
    TaskCpu.Reading copyTasks = tasks.read();
    List<String> copyStages = tasks.stages();
    SanitizeBenchmark.deleteRecursively(work.resolve("out"));
    SanitizeBenchmark.deleteRecursively(work.resolve("out_audit"));
    tasks.reset();
    long c2 = SanitizeBenchmark.processCpuNanos();
    SanitizeBenchmark.timedPhase = true;
    double seconds = sanitize(spark, data, work.resolve("out"));
    long c3 = SanitizeBenchmark.processCpuNanos();
    TaskCpu.settle(spark);
    TaskCpu.Reading sanitizeTasks = tasks.read();
    if (Boolean.getBoolean("shroud.bench.stages")) {
      System.out.println("copy stages:");
      copyStages.forEach(line -> System.out.println("  " + line));
      System.out.println("sanitize stages:");
      tasks.stages().forEach(line -> System.out.println("  " + line));
    }
    double mb = Files.size(data) / 1e6;
    System.out.printf(Locale.ROOT, "cores: %d, input: %.1f MB of chat JSON lines%n", cores, mb);
    System.out.printf(Locale.ROOT, "plain copy : %7.2f s  %6.1f MB/s  %6.1f MB/s/core  (%.1f MB per CPU-second)%n",
        copySeconds, mb / copySeconds, mb / copySeconds / cores, mb / ((c1 - c0) / 1e9));
    System.out.printf(Locale.ROOT, "sanitize   : %7.2f s  %6.1f MB/s  %6.1f MB/s/core  (%.1f MB per CPU-second)%n",
        seconds, mb / seconds, mb / seconds / cores, mb / ((c3 - c2) / 1e9));
    System.out.printf(Locale.ROOT, "tasks' own CPU-s (no JIT, GC or driver): copy %.2f, sanitize %.2f (MB per task CPU-second:"
        + " copy %.1f, sanitize %.1f)%n", copyTasks.seconds(), sanitizeTasks.seconds(), mb / copyTasks.seconds(),
        mb / sanitizeTasks.seconds());
    spark.stop();
  }

  private static double sanitize(SparkSession spark, Path in, Path out) {
    Policy policy = Policy.auto(in.toString(), Optional.of(DataFormat.JSON), out.toString(), Optional.of(DataFormat.JSON),
        false);
    return SanitizeBenchmark.timed(() -> new SanitizeJob(spark).run(policy, RunInfo.start("benchmark")));
  }
}
