package io.shroud.jobs.spark;

import java.net.URISyntaxException;
import java.net.URL;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Switches between Shroud's two console logging set-ups when Shroud's own {@code log4j2.properties}
 * is in charge (the local launcher and tests): quiet (only Shroud's lines) and {@code --verbose}
 * (every library's warnings, with stack traces). Under spark-submit the cluster's configuration is
 * in charge and is never touched.
 */
public final class ConsoleLogging {
  /** The {@code name} of Shroud's quiet configuration in {@code log4j2.properties}. */
  static final String QUIET = "shroud-console";
  static final String VERBOSE = "shroud-console-verbose";
  private static final String VERBOSE_RESOURCE = "/io/shroud/jobs/log4j2-verbose.properties";
  /**
   * log4j2 holds logger contexts weakly: one reconfigured before any logger exists can be collected,
   * and the next lookup would load the default (quiet) file again. This keeps it alive.
   */
  private static volatile LoggerContext configured;
  private static volatile boolean taskFailuresQuiet;
  /** Loggers that print a failed task's exception (local executors share the driver's JVM). */
  static final List<String> TASK_FAILURE_LOGGERS = List.of(
      "org.apache.spark.scheduler.TaskSetManager", "org.apache.spark.executor.Executor",
      "org.apache.spark.scheduler.DAGScheduler", "org.apache.spark.sql.execution.datasources.FileFormatWriter",
      "org.apache.spark.util.Utils", "org.apache.spark.scheduler.TaskSchedulerImpl");

  private ConsoleLogging() {}

  /** True when the active logging configuration is one of Shroud's console set-ups. */
  public static boolean isShroudConsole() {
    String name = configurationName();
    return QUIET.equals(name) || VERBOSE.equals(name);
  }

  /** Shows every library's warnings and stack traces (for --verbose); no-op under a cluster's configuration. */
  public static void verbose() {
    taskFailuresQuiet = false;
    if (QUIET.equals(configurationName())) {
      reconfigure(ConsoleLogging.class.getResource(VERBOSE_RESOURCE));
    }
  }

  /**
   * Under a cluster's configuration (spark-submit), the driver's loggers that report a failed task
   * with its exception, which can quote a row, are turned off; everything else stays as the cluster
   * configured it. Executors in other JVMs follow the cluster's settings.
   */
  public static void quietTaskFailuresInDriver() {
    // Applied once the session exists (afterSparkStarts): Spark may reconfigure logging while its context
    // starts, and a refusal before Spark starts should not pay for initializing log4j.
    taskFailuresQuiet = true;
  }

  /** Applies what was asked for before the session existed: {@link SparkSessions} calls this. */
  static void afterSparkStarts() {
    if (taskFailuresQuiet) {
      applyTaskFailureLevels();
    }
  }

  private static void applyTaskFailureLevels() {
    if (isShroudConsole() || !(LogManager.getContext(false) instanceof LoggerContext)) {
      return;
    }
    for (String logger : TASK_FAILURE_LOGGERS) {
      Configurator.setLevel(logger, Level.OFF);
    }
  }

  /** Back to Shroud's lines only; no-op under a cluster's configuration. */
  public static void quiet() {
    if (VERBOSE.equals(configurationName())) {
      reconfigure(ConsoleLogging.class.getResource("/log4j2.properties"));
    }
  }

  private static void reconfigure(URL resource) {
    if (resource == null || !(LogManager.getContext(false) instanceof LoggerContext context)) {
      return;
    }
    try {
      configured = context;
      context.setConfigLocation(resource.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot read logging configuration " + resource, e);
    }
  }

  /** The active log4j2 configuration's name, or "" when log4j2's core is not the logging back end. */
  private static String configurationName() {
    return LogManager.getContext(false) instanceof LoggerContext context ? context.getConfiguration().getName() : "";
  }
}
