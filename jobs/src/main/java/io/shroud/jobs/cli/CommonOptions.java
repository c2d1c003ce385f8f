package io.shroud.jobs.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every Spark-running command takes. */
public final class CommonOptions {
  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: local[*] on loopback, or what spark-submit set)")
  String master;

  @Option(names = {"-v", "--verbose"}, description = "Print stack traces on errors (may include data from Spark)")
  boolean verbose;

  public Optional<String> master() {
    return Optional.ofNullable(master);
  }

  public boolean verbose() {
    return verbose;
  }
}
