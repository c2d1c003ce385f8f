package io.shroud.core.operator;

import io.shroud.core.ShroudException;

/** A value cannot be masked as configured. The message describes the value's shape, never the value. */
public class MaskingException extends ShroudException {
  public MaskingException(String message) {
    super(message);
  }

  public MaskingException(String message, Throwable cause) {
    super(message, cause);
  }
}
