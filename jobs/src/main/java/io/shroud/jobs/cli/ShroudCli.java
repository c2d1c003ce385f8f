package io.shroud.jobs.cli;

import io.shroud.core.ShroudVersion;
import io.shroud.core.UsageException;
import io.shroud.core.ShroudException;
import io.shroud.jobs.spark.ConsoleLogging;
import java.io.PrintWriter;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code shroud} command line. */
@Command(name = "shroud", mixinStandardHelpOptions = true, versionProvider = ShroudCli.Version.class,
    description = "PII discovery and masking for machine-learning training data.",
    subcommands = {SanitizeCommand.class, ScanCommand.class, CompareCommand.class, PreviewCommand.class, CheckAnonymityCommand.class, DetokenizeCommand.class, KeysCommand.class,
        VerifyAuditCommand.class, IamPolicyCommand.class, IamCommand.class, LintPolicyCommand.class, TableCommand.class,
        CommandLine.HelpCommand.class})
public final class ShroudCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int code = execute(args);
    SparkSession.getActiveSession().foreach(s -> {
      s.stop();
      return null;
    });
    System.exit(code);
  }

  /** Runs a command and returns its exit code, without exiting (tests call this). */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new ShroudCli());
    cli.setExecutionExceptionHandler(ShroudCli::handleExecutionException);
    cli.setParameterExceptionHandler(ShroudCli::handleParameterException);
    cli.setExecutionStrategy(ShroudCli::executeWithLogging);
    return cli;
  }

  /** Only Shroud's own lines reach stderr unless --verbose asks for every library's warnings and traces. */
  private static int executeWithLogging(CommandLine.ParseResult parsed) {
    boolean verbose = verbose(parsed);
    if (verbose) {
      ConsoleLogging.verbose();
    } else {
      ConsoleLogging.quietTaskFailuresInDriver();
    }
    try {
      return new CommandLine.RunLast().execute(parsed);
    } finally {
      if (verbose) {
        ConsoleLogging.quiet();
      }
    }
  }

  private static boolean verbose(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'shroud sanitize --help'");
  }

  private static int handleParameterException(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("shroud: " + e.getMessage());
    err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitCodes.USAGE;
  }

  private static int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    // Any level's --verbose (shroud table load --verbose).
    boolean verbose = verbose(parsed);
    err.println("shroud: " + describe(e));
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return exitCode(e);
  }

  static int exitCode(Throwable e) {
    Throwable shroud = shroudCause(e);
    return shroud instanceof UsageException ? ExitCodes.USAGE : ExitCodes.JOB_FAILURE;
  }

  /**
   * One line. Shroud's own messages name places, never data. Spark's messages can quote rows, so a
   * foreign exception is named by class (and, for analysis errors, its message, which holds no data).
   */
  static String describe(Throwable e) {
    Throwable shroud = shroudCause(e);
    if (shroud != null) {
      return shroud.getMessage();
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (e instanceof AnalysisException analysis) {
      return "Cannot run job: " + firstLine(analysis.getSimpleMessage());
    }
    return "Cannot run job: " + e.getClass().getSimpleName()
        + (root != e ? " caused by " + root.getClass().getSimpleName() : "")
        + " (details hidden because they may contain data; rerun with --verbose to see them)";
  }

  private static Throwable shroudCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ShroudException) {
        return t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** Reads the version from the build. */
  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"shroud " + ShroudVersion.get()};
    }
  }
}
