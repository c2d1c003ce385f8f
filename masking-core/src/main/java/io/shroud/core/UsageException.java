package io.shroud.core;

/**
 * The user asked for something that cannot be done as stated: a bad policy, a missing input, an
 * output that already exists. The CLI maps it to exit code 2.
 */
public class UsageException extends ShroudException {
  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
