package io.shroud.core.detect.check;

/** What a checksum or structural rule says about a candidate match. */
public enum Validation {
  /** The rule holds (checksum matches, structure valid): strong evidence. */
  CONFIRMED,
  /** The rule fails: not this entity, whatever the pattern says. */
  REJECTED,
  /** No rule applies or the rule is inconclusive: rely on pattern score and context. */
  UNKNOWN;

  public static Validation of(boolean valid) {
    return valid ? CONFIRMED : REJECTED;
  }
}
