package io.shroud.jobs.spark;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkStageInfo;
import scala.Option;

/**
 * Prints one progress line to stderr at a fixed interval while Spark works: active stages with
 * completed/total tasks and the rows read so far. Counts only. Close it when the job ends.
 */
public final class ProgressReporter implements AutoCloseable {
  private final SparkContext sc;
  private final LongSupplier rows;
  private final PrintStream err;
  private final LongSupplier nanoClock;
  private final long started;
  private ScheduledExecutorService timer;

  /**
   * A reporter that prints when {@link #report()} is called; {@link #start} calls it on a timer.
   *
   * @param nanoClock the time in nanoseconds ({@code System::nanoTime}; tests pass their own clock)
   */
  ProgressReporter(SparkContext sc, LongSupplier rows, PrintStream err, LongSupplier nanoClock) {
    this.sc = sc;
    this.rows = rows;
    this.err = err;
    this.nanoClock = nanoClock;
    this.started = sc == null ? 0 : nanoClock.getAsLong();
  }

  /** A reporter that prints nothing (for --quiet). */
  public static ProgressReporter quiet() {
    return new ProgressReporter(null, () -> 0, null, () -> 0);
  }

  public static ProgressReporter start(SparkContext sc, LongSupplier rows, long intervalSeconds,
      PrintStream err) {
    ProgressReporter reporter = new ProgressReporter(sc, rows, err, System::nanoTime);
    reporter.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "shroud-progress");
      t.setDaemon(true);
      return t;
    });
    reporter.timer.scheduleAtFixedRate(reporter::report, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    return reporter;
  }

  /** Prints one line when Spark has active stages; nothing otherwise (or when quiet). */
  void report() {
    if (sc == null) {
      return;
    }
    StringBuilder line = new StringBuilder();
    for (int id : sc.statusTracker().getActiveStageIds()) {
      Option<SparkStageInfo> info = sc.statusTracker().getStageInfo(id);
      if (info.isDefined()) {
        line.append(String.format(Locale.ROOT, " stage %d: %d/%d tasks;", id, info.get().numCompletedTasks(),
            info.get().numTasks()));
      }
    }
    if (line.length() > 0) {
      err.printf(Locale.ROOT, "shroud: %ds%s %,d rows done%n", (nanoClock.getAsLong() - started) / 1_000_000_000L,
          line, rows.getAsLong());
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
