package io.shroud.jobs.sanitize;

import static io.shroud.jobs.SparkCounts.counting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shroud.connectors.audit.FileDigester;
import io.shroud.connectors.audit.OutputDigests;
import io.shroud.connectors.storage.StorageException;
import io.shroud.jobs.SparkCounts.Counted;
import io.shroud.jobs.SparkTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifest's digests of a large output come from the executors, a task per file up to a few per
 * core, and are exactly what the driver computes; a small output is still read on the driver, without
 * a Spark job.
 */
class SparkFileDigesterTest {
  private final SparkSession spark = SparkTestSupport.spark();
  private final Configuration conf = spark.sparkContext().hadoopConfiguration();

  @TempDir Path tmp;

  @Test
  void executorsDigestALargeOutputExactlyAsTheDriverDoes() throws Exception {
    Path out = output();

    Counted<Map<String, Map<String, Object>>> spread =
        counting(spark, () -> OutputDigests.list(conf, out.toString(), new SparkFileDigester(spark, 0)));

    assertThat(spread.jobs()).as("Spark jobs that digested the output").isEqualTo(1);
    assertThat(spread.result()).isEqualTo(OutputDigests.list(conf, out.toString(), FileDigester.HERE))
        .containsOnlyKeys("part-00000.csv", "part-00001.csv", "part-00002.csv", "year=2024/part-00003.csv");
    assertThat(spread.result().get("part-00001.csv")).containsEntry("size", 12L)
        .containsEntry("sha256", "64816761e9fa42884f2c8404858ada8157c84737334265ca806b4e4bb5a6848c");
  }

  @Test
  void manyFilesShareAFewTasksPerCore() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("many"));
    for (int i = 0; i < 30; i++) {
      Files.writeString(out.resolve(String.format("part-%05d.csv", i)), "id\n" + i + "\n");
    }

    Counted<Map<String, Map<String, Object>>> digested =
        counting(spark, () -> OutputDigests.list(conf, out.toString(), new SparkFileDigester(spark, 0)));

    assertThat(digested.result()).hasSize(30).isEqualTo(OutputDigests.list(conf, out.toString(), FileDigester.HERE));
    assertThat(digested.tasks()).isEqualTo(spark.sparkContext().defaultParallelism() * SparkFileDigester.TASKS_PER_CORE);
  }

  @Test
  void aSmallOutputIsDigestedOnTheDriver() throws Exception {
    Path out = output();

    Counted<Map<String, Map<String, Object>>> small =
        counting(spark, () -> OutputDigests.list(conf, out.toString(), new SparkFileDigester(spark)));

    assertThat(small.jobs()).as("Spark jobs for an output under %d bytes", SparkFileDigester.DRIVER_BYTES).isZero();
    assertThat(small.result()).isEqualTo(OutputDigests.list(conf, out.toString(), FileDigester.HERE));
  }

  @Test
  void aFileGoneBeforeItsTaskReadItFailsTheManifestNamingTheOutput() throws Exception {
    Path out = output();
    FileDigester vanishing = (c, root, files) -> {
      try {
        Files.delete(out.resolve("part-00002.csv"));
      } catch (IOException e) {
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
  private Path output() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("part-00000.csv"), "id,note\n1,a\n");
    Files.writeString(out.resolve("part-00001.csv"), "id,note\n2,b\n");
    Files.writeString(out.resolve("part-00002.csv"), "id,note\n3,c\n4,d\n");
    Files.writeString(Files.createDirectories(out.resolve("year=2024")).resolve("part-00003.csv"), "id,note\n5,e\n");
    Files.writeString(out.resolve("._SUCCESS.crc"), "crc");
    Files.writeString(out.resolve(".hidden"), "not listed");
    return out;
  }
}
