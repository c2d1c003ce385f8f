package io.shroud.core.tags;

import io.shroud.core.operator.OperatorSpec;
import io.shroud.core.plan.ColumnPlan;
import io.shroud.core.plan.MaskingPlan;
import java.util.stream.Stream;

/**
 * The {@code Classification} tag a run's objects get when the policy sets none, from what the run did.
 * Access is granted by this value ({@code s3:ExistingObjectTag/Classification}), so anything short of
 * fully masked gets a value a reader policy for {@code masked} does not match.
 */
public enum OutputClassification {
  /** Every finding and listed column was masked irreversibly. */
  MASKED("masked"),
  /** Some values are tokenized or encrypted: whoever holds the key can recover the originals. */
  CONTAINS_REVERSIBLE_TOKENS("contains-reversible-tokens"),
  /** The rescan of the written output still found personal data (audit.failOnResidual was off). */
  RESIDUAL_PII("residual-pii");

  private final String tagValue;

  OutputClassification(String tagValue) {
    this.tagValue = tagValue;
  }

  public String tagValue() {
    return tagValue;
  }

  /**
   * Residual findings outrank reversible tokens, which outrank masked. A scanned column counts as
   * reversible when any entity operator is, since a finding of that type may be in it.
   */
  public static OutputClassification of(MaskingPlan plan, boolean residualFindings) {
    if (residualFindings) {
      return RESIDUAL_PII;
    }
    if (plan != null && plan.columns().stream().anyMatch(c -> reversible(c, plan))) {
      return CONTAINS_REVERSIBLE_TOKENS;
    }
    return MASKED;
  }

  private static boolean reversible(ColumnPlan column, MaskingPlan plan) {
    return switch (column.treatment()) {
      case MASK_VALUE -> column.operator().map(OperatorSpec::reversible).orElse(false);
      case SCAN_TEXT, SCAN_NUMBER -> Stream.concat(plan.operators().byType().values().stream(),
          Stream.of(plan.operators().fallback())).anyMatch(OperatorSpec::reversible);
      default -> false;
    };
  }
}
