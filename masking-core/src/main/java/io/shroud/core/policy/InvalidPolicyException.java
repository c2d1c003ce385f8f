package io.shroud.core.policy;

import io.shroud.core.UsageException;

/** A policy that is malformed, has unknown keys or wrong types, or does not fit the data. */
public class InvalidPolicyException extends UsageException {
  public InvalidPolicyException(String message) {
    super(message);
  }

  public InvalidPolicyException(String message, Throwable cause) {
    super(message, cause);
  }
}
