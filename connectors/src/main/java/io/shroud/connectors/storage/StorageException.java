package io.shroud.connectors.storage;

import io.shroud.core.ShroudException;

/** A storage operation failed for a reason outside the user's control (I/O, permissions, network). */
public class StorageException extends ShroudException {
  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
