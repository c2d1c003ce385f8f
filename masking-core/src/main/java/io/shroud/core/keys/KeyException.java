package io.shroud.core.keys;

import io.shroud.core.UsageException;

/** A key that cannot be found, read or trusted. */
public class KeyException extends UsageException {
  public KeyException(String message) {
    super(message);
  }

  public KeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
