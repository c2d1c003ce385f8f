package io.shroud.core.plan;

/** What happens to a column's values. */
public enum Treatment {
  /** Pass through unchanged (explicit keep with a reason, or a type no detector applies to). */
  KEEP,
  /** Leave the column out of the output. */
  DROP,
  /** Replace every non-empty value with the operator's output. */
  MASK_VALUE,
  /** Scan each cell and replace the spans found. */
  SCAN_TEXT,
  /** Scan each number's text; a number holding personal data becomes null (it cannot hold a mask). */
  SCAN_NUMBER,
  /** Values pass the mask stage unchanged, then are permuted across rows. */
  SHUFFLE
}
