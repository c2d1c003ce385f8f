package io.shroud.core;

/**
 * Base of Shroud's unchecked exceptions. Messages start with "Cannot ..." or "Invalid ...", name the
 * place (file, line, column, key) and never contain a cell value or key material.
 */
public class ShroudException extends RuntimeException {
  public ShroudException(String message) {
    super(message);
  }

  public ShroudException(String message, Throwable cause) {
    super(message, cause);
  }
}
