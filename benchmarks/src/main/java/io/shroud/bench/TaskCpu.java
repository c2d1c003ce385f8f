package io.shroud.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.SparkSession;

/**
 * CPU time Spark's tasks report ({@code executorCpuTime}), in total and per stage. Unlike the whole
 * process's CPU time it leaves out the JIT compiler, the garbage collector and the driver, which make
 * a run's total swing by 10% or more on a shared machine; the tasks' own work is what a longer job
 * repeats per row.
 */
final class TaskCpu extends SparkListener {
  private final AtomicLong nanos = new AtomicLong();
  private final Map<Integer, Long> byStage = new ConcurrentHashMap<>();
  private final List<String> stages = new CopyOnWriteArrayList<>();
  private final Map<Integer, List<String>> taskTimes = new ConcurrentHashMap<>();

  static TaskCpu register(SparkSession spark) {
    TaskCpu meter = new TaskCpu();
    spark.sparkContext().addSparkListener(meter);
    return meter;
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    TaskMetrics metrics = end.taskMetrics();
    if (metrics != null) {
      nanos.addAndGet(metrics.executorCpuTime());
      byStage.merge(end.stageId(), metrics.executorCpuTime(), Long::sum);
      // Each task's run time (ms) and CPU (ms): a stage whose wall time exceeds its CPU over the cores
      // either waited for its slowest task or shared the cores with the JIT, the collector or the driver.
      taskTimes.computeIfAbsent(end.stageId(), id -> new CopyOnWriteArrayList<>()).add(String.format(Locale.ROOT,
          "#%d %d/%d", end.taskInfo().index(), metrics.executorRunTime(), metrics.executorCpuTime() / 1_000_000));
    }
  }

  /**
   * One line per stage as it completes: its wall time from submission to completion, its tasks and
   * their CPU time. A run's wall time outside these lines is the driver's (planning, profiling the
   * sample, the residual rescan, the audit): {@code -Dshroud.bench.stages=true} prints them per run.
   */
  @Override
  public void onStageCompleted(SparkListenerStageCompleted completed) {
    StageInfo info = completed.stageInfo();
    long submitted = info.submissionTime().isDefined() ? (Long) info.submissionTime().get() : 0L;
    long wall = info.completionTime().isDefined() ? (Long) info.completionTime().get() - submitted : 0L;
    stages.add(String.format(Locale.ROOT, "stage %d %-40.40s wall %5d ms, %d tasks, cpu %.2f s (tasks' #partition run/cpu ms %s)",
        info.stageId(), info.name(), wall, info.numTasks(), byStage.getOrDefault(info.stageId(), 0L) / 1e9,
        taskTimes.getOrDefault(info.stageId(), List.of())));
  }

  /** The stages completed since the last {@link #reset()}, in order of completion. */
  List<String> stages() {
    return List.copyOf(stages);
  }

  /** What the tasks have reported so far; call {@link #settle} first so that every ended task is in. */
  Reading read() {
    long largest = byStage.values().stream().mapToLong(Long::longValue).max().orElse(0);
    return new Reading(nanos.get(), largest);
  }

  /** Starts a new phase: the next {@link #read()} covers only tasks that end from now on. */
  void reset() {
    nanos.set(0);
    byStage.clear();
    stages.clear();
    taskTimes.clear();
  }

  /**
   * Waits until Spark's listener bus has delivered every event so far (events reach listeners on
   * their own thread, after the job has returned). {@code listenerBus()} is Spark-internal (public
   * in bytecode only); a benchmark may lean on it, the product does not.
   */
  static void settle(SparkSession spark) {
    try {
      spark.sparkContext().listenerBus().waitUntilEmpty(60_000);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Cannot read the tasks' CPU time: Spark's listener bus did not drain in 60 s", e);
    }
  }

  /** CPU seconds of all tasks of a phase, and of its most expensive stage (sanitize's masking pass). */
  record Reading(long nanos, long largestStageNanos) {
    double seconds() {
      return nanos / 1e9;
    }

    double largestStageSeconds() {
      return largestStageNanos / 1e9;
    }
  }
}
