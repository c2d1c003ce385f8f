package io.shroud.jobs.sanitize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shroud.connectors.audit.FileDigester;
import io.shroud.connectors.audit.OutputDigests;
import io.shroud.connectors.storage.StorageException;
import io.shroud.jobs.SparkTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifest's digests of a large output come from the executors, a task per file, and are exactly
 * what the driver computes; a small output is still read on the driver, without a Spark job.
 */
class SparkFileDigesterTest {
  @TempDir Path tmp;

  @Test
  void executorsDigestALargeOutputExactlyAsTheDriverDoes() throws Exception {
    Path out = output();
    SparkSession spark = SparkTestSupport.spark();
    Configuration conf = spark.sparkContext().hadoopConfiguration();

    int[] jobs = new int[1];
    Map<String, Map<String, Object>> spread =
        countingJobs(spark, jobs, () -> OutputDigests.list(conf, out.toString(), new SparkFileDigester(spark, 0)));

    assertThat(jobs[0]).as("Spark jobs that digested the output").isEqualTo(1);
    assertThat(spread).isEqualTo(OutputDigests.list(conf, out.toString(), FileDigester.HERE))
        .containsOnlyKeys("part-00000.csv", "part-00001.csv", "part-00002.csv", "year=2024/part-00003.csv");
    assertThat(spread.get("part-00001.csv")).containsEntry("size", 12L)
        .containsEntry("sha256", "64816761e9fa42884f2c8404858ada8157c84737334265ca806b4e4bb5a6848c");
  }

  @Test
  void manyFilesShareAFewTasksPerCore() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("many"));
    for (int i = 0; i < 30; i++) {
      Files.writeString(out.resolve(String.format("part-%05d.csv", i)), "id\n" + i + "\n");
    }
    SparkSession spark = SparkTestSupport.spark();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    AtomicInteger tasks = new AtomicInteger();
    SparkListener counter = new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        tasks.incrementAndGet();
      }
    };
    spark.sparkContext().listenerBus().waitUntilEmpty();
    spark.sparkContext().addSparkListener(counter);
    try {
      Map<String, Map<String, Object>> digested =
          OutputDigests.list(conf, out.toString(), new SparkFileDigester(spark, 0));
      spark.sparkContext().listenerBus().waitUntilEmpty();

      assertThat(digested).hasSize(30).isEqualTo(OutputDigests.list(conf, out.toString(), FileDigester.HERE));
      assertThat(tasks.get()).isEqualTo(spark.sparkContext().defaultParallelism() * SparkFileDigester.TASKS_PER_CORE);
    } finally {
      spark.sparkContext().removeSparkListener(counter);
    }
  }

  @Test
  void aSmallOutputIsDigestedOnTheDriver() throws Exception {
    Path out = output();
    SparkSession spark = SparkTestSupport.spark();
    Configuration conf = spark.sparkContext().hadoopConfiguration();

    int[] jobs = new int[1];
    Map<String, Map<String, Object>> small =
        countingJobs(spark, jobs, () -> OutputDigests.list(conf, out.toString(), new SparkFileDigester(spark)));

    assertThat(jobs[0]).as("Spark jobs for an output under %d bytes", SparkFileDigester.DRIVER_BYTES).isZero();
    assertThat(small).isEqualTo(OutputDigests.list(conf, out.toString(), FileDigester.HERE));
  }

  @Test
  void aFileGoneBeforeItsTaskReadItFailsTheManifestNamingTheOutput() throws Exception {
    Path out = output();
    SparkSession spark = SparkTestSupport.spark();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    FileDigester vanishing = (c, root, files) -> {
      try {
        Files.delete(out.resolve("part-00002.csv"));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
      return new SparkFileDigester(spark, 0).digest(c, root, files);
    };

    assertThatThrownBy(() -> OutputDigests.list(conf, out.toString(), vanishing))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("Cannot read output " + out + " to digest it: ")
        .hasMessageContaining("part-00002.csv");
  }

  /** Four visible part files (one in a partition directory) and the hidden files a writer leaves. */
  private Path output() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("part-00000.csv"), "id,note\n1,a\n");
    Files.writeString(out.resolve("part-00001.csv"), "id,note\n2,b\n");
    Files.writeString(out.resolve("part-00002.csv"), "id,note\n3,c\n4,d\n");
    Files.writeString(Files.createDirectories(out.resolve("year=2024")).resolve("part-00003.csv"), "id,note\n5,e\n");
    Files.writeString(out.resolve("._SUCCESS.crc"), "crc");
    Files.writeString(out.resolve(".hidden"), "not listed");
    return out;
  }

  private static <T> T countingJobs(SparkSession spark, int[] jobs, java.util.function.Supplier<T> run) throws Exception {
    AtomicInteger started = new AtomicInteger();
    SparkListener counter = new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart start) {
        started.incrementAndGet();
      }
    };
    spark.sparkContext().listenerBus().waitUntilEmpty();
    spark.sparkContext().addSparkListener(counter);
    try {
      T result = run.get();
      spark.sparkContext().listenerBus().waitUntilEmpty();
      jobs[0] = started.get();
      return result;
    } finally {
      spark.sparkContext().removeSparkListener(counter);
    }
  }
}
