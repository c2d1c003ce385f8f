package io.shroud.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.jobs.SparkTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
  /** Tasks wait here (local mode: same JVM) so a stage stays active while the test reports. */
  private static volatile CountDownLatch taskStarted;
  private static volatile CountDownLatch release;

  @Test
  void printsStageProgressWhileAJobRunsAndNothingWhenQuiet() throws Exception {
    taskStarted = new CountDownLatch(1);
    release = new CountDownLatch(1);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    var spark = SparkTestSupport.spark();
    AtomicLong clock = new AtomicLong(5_000_000_000L);
    try (ProgressReporter reporter = new ProgressReporter(spark.sparkContext(), () -> 4200, err, clock::get)) {
      reporter.report();
      assertThat(buffer.size()).as("no job, no line").isZero();
      CompletableFuture<Long> job = CompletableFuture.supplyAsync(() -> spark.range(0, 4, 1, 2)
          .map((MapFunction<Long, Long>) v -> {
            taskStarted.countDown();
            release.await(60, TimeUnit.SECONDS);
            return v;
          }, Encoders.LONG()).count());
      try {
        assertThat(taskStarted.await(60, TimeUnit.SECONDS)).isTrue();
        clock.addAndGet(7_000_000_000L);
        // Spark's status store follows its listener bus a moment behind the running task.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (buffer.size() == 0 && System.nanoTime() < deadline) {
          reporter.report();
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
      } finally {
        release.countDown();
      }
      assertThat(job.get(60, TimeUnit.SECONDS)).isEqualTo(4L);
    }
    assertThat(buffer.toString(StandardCharsets.UTF_8))
        .matches("shroud: 7s stage \\d+: 0/2 tasks; 4,200 rows done\n");
    try (ProgressReporter quiet = ProgressReporter.quiet()) {
      quiet.report();
      assertThat(quiet).isNotNull();
    }
  }
}
