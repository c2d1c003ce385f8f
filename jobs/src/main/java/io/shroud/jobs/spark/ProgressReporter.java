package io.shroud.jobs.spark;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkStageInfo;

/**
 * Prints one progress line to stderr at a fixed interval while Spark works: active stages with
 * completed/total tasks and the rows read so far. Counts only. Close it when the job ends.
 */
public final class ProgressReporter implements AutoCloseable {
  private final ScheduledExecutorService timer;

  private ProgressReporter(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /** A reporter that prints nothing (for --quiet). */
  public static ProgressReporter quiet() {
    return new ProgressReporter(null);
  }

  public static ProgressReporter start(SparkContext sc, java.util.function.LongSupplier rows, long intervalSeconds,
      PrintStream err) {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "shroud-progress");
      t.setDaemon(true);
      return t;
    });
    long started = System.nanoTime();
    timer.scheduleAtFixedRate(() -> {
      StringBuilder line = new StringBuilder();
      for (int id : sc.statusTracker().getActiveStageIds()) {
        scala.Option<SparkStageInfo> info = sc.statusTracker().getStageInfo(id);
        if (info.isDefined()) {
          line.append(String.format(Locale.ROOT, " stage %d: %d/%d tasks;", id, info.get().numCompletedTasks(),
              info.get().numTasks()));
        }
      }
      if (line.length() > 0) {
        err.printf(Locale.ROOT, "shroud: %ds%s %,d rows done%n", (System.nanoTime() - started) / 1_000_000_000L, line,
            rows.getAsLong());
      }
    }, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    return new ProgressReporter(timer);
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
