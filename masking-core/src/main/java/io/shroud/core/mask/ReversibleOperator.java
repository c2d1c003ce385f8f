package io.shroud.core.mask;

import io.shroud.core.detect.EntityType;

/** An operator whose output can be turned back into the input by whoever holds the key. */
public interface ReversibleOperator extends MaskingOperator {
  /** The original value of a masked one. */
  String reverse(String masked, EntityType type);
}
