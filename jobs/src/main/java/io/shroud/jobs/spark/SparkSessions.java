package io.shroud.jobs.spark;

import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/** Builds the Spark session: local mode on loopback unless a master is given or set by spark-submit. */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession getOrCreate(Optional<String> master) {
    SparkSession.Builder builder = SparkSession.builder().appName("shroud");
    boolean local;
    if (master.isPresent()) {
      builder.master(master.get());
      local = master.get().startsWith("local");
    } else if (System.getProperty("spark.master") == null) {
      builder.master("local[*]");
      local = true;
    } else {
      local = System.getProperty("spark.master").startsWith("local");
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
    }
    return spark;
  }
}
