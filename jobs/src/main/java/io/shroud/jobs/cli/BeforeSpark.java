package io.shroud.jobs.cli;

import io.shroud.connectors.storage.SeparateLocations;
import io.shroud.core.UsageException;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.WriteMode;
import io.shroud.jobs.spark.SparkSessions;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Refusals that need no data, made before Spark starts (which takes seconds): an output that is the
 * input or inside it, and for local runs a missing input or an existing output (paths only: an
 * Iceberg table is looked up through its catalog). The jobs repeat
 * these checks through Hadoop's file systems (they also run without the CLI, and remotely); here
 * only local paths are looked at, with plain java.nio, and only when the run is local and no
 * Hadoop configuration on the classpath could send a path without a scheme elsewhere (HDFS).
 * The messages are the jobs' own.
 */
final class BeforeSpark {
  private BeforeSpark() {}

  /** For commands that write: sanitize and detokenize. */
  static void checkWrite(Policy policy, Optional<String> master) {
    SeparateLocations.require(policy);
    if (!SparkSessions.runsLocally(master)) {
      return;
    }
    checkRead(policy, master);
    if (policy.output().table().isPresent()) {
      return; // whether a table may be written (create, append, overwrite) is its catalog's to say
    }
    localPath(policy.output().path()).ifPresent(output -> {
      if (Files.exists(output) && policy.output().mode() != WriteMode.OVERWRITE) {
        throw new UsageException("Cannot write output " + policy.output().path()
            + ": it already exists; pass --overwrite or set output.mode: overwrite to replace it");
      }
    });
  }

  /** For every command that reads the policy's input. */
  static void checkRead(Policy policy, Optional<String> master) {
    if (!SparkSessions.runsLocally(master) || policy.input().table().isPresent()) {
      return; // a table is found through its catalog, once Spark runs
    }
    String location = policy.input().path();
    localPath(location).ifPresent(input -> {
      if (location.contains("*") || location.contains("?") || location.contains("[") || location.contains("{")) {
        return; // a glob: Hadoop expands it, java.nio would not
      }
      if (!Files.exists(input)) {
        throw new UsageException("Cannot read input " + location + ": path does not exist");
      }
      if (Files.isDirectory(input) && !hasDataFiles(input)) {
        throw new UsageException("Cannot read input " + location + ": the directory has no data files");
      }
    });
  }

  /** Hidden and underscore files (_SUCCESS, .crc) are not data, as for Hadoop's input listing. */
  private static boolean hasDataFiles(Path directory) {
    try (Stream<Path> children = Files.list(directory)) {
      return children.map(p -> p.getFileName().toString()).anyMatch(n -> !n.startsWith("_") && !n.startsWith("."));
    } catch (IOException e) {
      return true; // let the job's own check report what is wrong
    }
  }

  /** The local file a path names, when it surely is one. */
  static Optional<Path> localPath(String location) {
    if (location.startsWith("file:")) {
      try {
        return Optional.of(Path.of(URI.create(location)));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    boolean hasScheme = location.matches("[A-Za-z][A-Za-z0-9+.-]*:.*");
    // Without a scheme, Hadoop resolves against fs.defaultFS, which only a core-site.xml can change.
    if (hasScheme || hadoopConfigurationOnClasspath()) {
      return Optional.empty();
    }
    return Optional.of(Path.of(location));
  }

  /**
   * Whether a Hadoop configuration directory is on the classpath (as spark-submit puts HADOOP_CONF_DIR
   * there). Looks at directory entries only: asking the class loader would open every jar, which
   * costs more than the check saves.
   */
  private static boolean hadoopConfigurationOnClasspath() {
    if (System.getenv("HADOOP_CONF_DIR") != null || System.getenv("YARN_CONF_DIR") != null) {
      return true;
    }
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      String dir = entry.endsWith("/*") ? entry.substring(0, entry.length() - 2) : entry;
      if (!dir.isEmpty() && Files.isRegularFile(Path.of(dir, "core-site.xml"))) {
        return true;
      }
    }
    return false;
  }
}
