package io.shroud.jobs.spark;

import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/** Builds the Spark session: local mode on loopback unless a master is given or set by spark-submit. */
public final class SparkSessions {
  private SparkSessions() {}

  /** Whether a session for this master runs in this JVM (local mode), as {@link #getOrCreate} decides. */
  public static boolean runsLocally(Optional<String> master) {
    String effective = master.orElseGet(() -> System.getProperty("spark.master", "local[*]"));
    return effective.startsWith("local");
  }

  public static SparkSession getOrCreate(Optional<String> master) {
    SparkSession.Builder builder = SparkSession.builder().appName("shroud");
    boolean local = runsLocally(master);
    if (master.isPresent()) {
      builder.master(master.get());
    } else if (System.getProperty("spark.master") == null) {
      builder.master("local[*]");
    }
    if (local) {
      // Local runs touch nothing but loopback, and need no UI or many shuffle partitions.
      builder.config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "8");
    }
    builder.config("spark.sql.session.timeZone", "UTC");
    SparkSession spark = builder.getOrCreate();
    if (!ConsoleLogging.isShroudConsole()) {
      // A cluster's configuration: keep Spark's INFO chatter out of the driver log. Shroud's own console
      // set-up already decides what reaches stderr, and setLogLevel would override it.
      spark.sparkContext().setLogLevel("WARN");
      ConsoleLogging.afterSparkStarts();
    }
    return spark;
  }
}
