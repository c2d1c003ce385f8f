package io.shroud.core.operator;

import io.shroud.core.detect.EntityType;

/** An operator whose output can be turned back into the input by whoever holds the key. */
public interface ReversibleOperator extends MaskingOperator {
  /** The original value of a masked one. */
  String reverse(String masked, EntityType type);

  /**
   * A key check value: a keyed digest of a fixed label under this operator's own sub-key (and the
   * public parameters that decide its mapping, such as an FF1 tweak). Equal values mean the same
   * mapping, so {@code detokenize} can refuse a wrong key before reversing anything. It reveals
   * neither the key nor any value.
   */
  String checkValue();
}
