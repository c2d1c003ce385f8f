package io.shroud.jobs.sanitize;

import io.shroud.connectors.audit.FileDigester;
import io.shroud.connectors.audit.OutputDigests;
import io.shroud.connectors.storage.StorageException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;

/**
 * Digests a large output for the manifest on the executors, a task per file (up to
 * {@link #TASKS_PER_CORE} tasks per core, each then reading several), instead of reading it all
 * back through the driver: one thread hashing ~1.2 GB/s from a warm local disk takes a quarter of an
 * hour per terabyte, and hours from S3, longer than masking it on a cluster (issue 16). Outputs under
 * {@link #DRIVER_BYTES}, or of a single file, are read on the driver as before: a Spark job costs more
 * than it saves there.
 */
public final class SparkFileDigester implements FileDigester {
  /** Below this many bytes in all, the driver reads the output itself (about half a second of hashing). */
  static final long DRIVER_BYTES = 256L << 20;
  /** Tasks per executor core at most: enough for uneven files to even out. */
  static final int TASKS_PER_CORE = 4;

  private final SparkSession spark;
  private final long driverBytes;

  public SparkFileDigester(SparkSession spark) {
    this(spark, DRIVER_BYTES);
  }

  /** @param driverBytes outputs smaller than this are digested on the driver (tests lower it) */
  public SparkFileDigester(SparkSession spark, long driverBytes) {
    this.spark = spark;
    this.driverBytes = driverBytes;
  }

  @Override
  public Map<String, Map<String, Object>> digest(Configuration conf, String root, List<OutputFile> files) {
    long bytes = files.stream().mapToLong(OutputFile::size).sum();
    if (files.size() < 2 || bytes < driverBytes) {
      return FileDigester.HERE.digest(conf, root, files);
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableConfiguration> shared = jsc.broadcast(new SerializableConfiguration(conf));
    try {
      Map<String, Map<String, Object>> digested = new TreeMap<>();
      // A task per file up to a few per core: an output of 100,000 small files must not become 100,000 tasks.
      int tasks = Math.min(files.size(), Math.max(1, jsc.defaultParallelism() * TASKS_PER_CORE));
      for (Tuple2<String, Map<String, Object>> file : jsc.parallelize(files, tasks)
          .map(new DigestFile(shared, root)).collect()) {
        digested.put(file._1(), file._2());
      }
      return digested;
    } catch (Exception e) { // Spark's SparkException is checked in Java but thrown undeclared
      throw failure(root, e);
    } finally {
      shared.destroy();
    }
  }

  /**
   * The executor's own error when a file could not be read (the same the driver would have thrown,
   * naming the output), not Spark's wrapper around it.
   */
  private static RuntimeException failure(String root, Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StorageException storage) {
        return storage;
      }
    }
    return e instanceof RuntimeException runtime ? runtime
        : new StorageException("Cannot read output " + root + " to digest it: the Spark job failed", e);
  }

  /** One file, on an executor, read with the driver's Hadoop settings (S3A endpoint, encryption). */
  private static final class DigestFile implements Function<OutputFile, Tuple2<String, Map<String, Object>>> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<SerializableConfiguration> conf;
    private final String root;

    DigestFile(Broadcast<SerializableConfiguration> conf, String root) {
      this.conf = conf;
      this.root = root;
    }

    @Override
    public Tuple2<String, Map<String, Object>> call(OutputFile file) {
      return new Tuple2<>(file.relativePath(), OutputDigests.digest(conf.value().value(), root, file));
    }
  }
}
