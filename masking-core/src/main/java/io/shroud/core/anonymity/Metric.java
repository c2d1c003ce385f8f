package io.shroud.core.anonymity;

/**
 * Utility metrics (lower is better). Formulas, with N records, A quasi-identifiers:
 *
 * <ul>
 *   <li>ENTROPY: ARX's precomputed non-uniform entropy: for every record and attribute add
 *       -log2(count(v) / count(g)), v the original value, g its generalization, counts over the
 *       input. Suppression does not change it.
 *   <li>LOSS: ARX's "Loss" (Iyengar), arithmetic mean over attributes of
 *       (1/N) × Σ_records loss(r, a), where loss(r, a) = (leaves(g) - 1) / (D_a - 1) for a kept record,
 *       1 for a suppressed record; leaves(g) = domain values generalizing to g, D_a = domain size
 *       (hierarchy values plus observed values missing from it); 0 when D_a = 1. In [0, 1].
 *   <li>DISCERNIBILITY: Σ over kept classes |class|² + N × suppressed records.
 *   <li>HEIGHT: Σ of levels.
 * </ul>
 */
public enum Metric {
  ENTROPY,
  LOSS,
  DISCERNIBILITY,
  HEIGHT;

  /** Whether the value is known without grouping the records (and never decreases along generalization). */
  boolean independentOfClasses() {
    return this == ENTROPY || this == HEIGHT;
  }
}
