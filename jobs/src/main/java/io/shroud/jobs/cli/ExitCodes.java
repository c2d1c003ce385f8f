package io.shroud.jobs.cli;

/** The CLI's exit codes. */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;
  /** The job started and failed (I/O, Spark, a service). */
  public static final int JOB_FAILURE = 1;
  /** Bad arguments, policy, input or existing output: fix the request and run again. */
  public static final int USAGE = 2;

  private ExitCodes() {}
}
