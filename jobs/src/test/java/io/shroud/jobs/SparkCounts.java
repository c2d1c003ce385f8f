package io.shroud.jobs;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/** The Spark jobs and tasks a piece of code starts: to pin where work runs (the driver or the executors). */
public final class SparkCounts {
  private SparkCounts() {}

  /** What {@code work} returned, with the jobs it started and the tasks that ended meanwhile. */
  public record Counted<T>(T result, int jobs, int tasks) {}

  public static <T> Counted<T> counting(SparkSession spark, Callable<T> work) throws Exception {
    AtomicInteger jobs = new AtomicInteger();
    AtomicInteger tasks = new AtomicInteger();
    SparkListener counter = new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart start) {
        jobs.incrementAndGet();
      }

      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        tasks.incrementAndGet();
      }
    };
    spark.sparkContext().listenerBus().waitUntilEmpty(); // events of earlier work are not counted
    spark.sparkContext().addSparkListener(counter);
    try {
      T result = work.call();
      spark.sparkContext().listenerBus().waitUntilEmpty(); // listeners hear of a job after it returned
      return new Counted<>(result, jobs.get(), tasks.get());
    } finally {
      spark.sparkContext().removeSparkListener(counter);
    }
  }
}
