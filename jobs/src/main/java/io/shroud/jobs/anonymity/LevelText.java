package io.shroud.jobs.anonymity;

import io.shroud.core.policy.AnonymitySettings.QuasiIdentifier;
import java.math.BigDecimal;

/**
 * What a generalization level of a quasi-identifier means, in words, from the policy alone: never
 * an example value (those would come from the data).
 */
final class LevelText {
  private LevelText() {}

  /**
   * @param level the chosen level
   * @param height levels in the hierarchy, counting level 0 and the all-{@code *} top
   */
  static String describe(QuasiIdentifier qi, int level, int height) {
    int top = height - 1;
    String prefix = "level " + level + " of " + top + ": ";
    if (level == 0) {
      return prefix + "values kept as they are";
    }
    if (level == top) {
      return prefix + "every value replaced by *";
    }
    return prefix + switch (qi.kind()) {
      case PREFIX -> "last " + level + " character" + (level == 1 ? "" : "s") + " replaced by *";
      case RANGES -> "ranges " + number(qi.widths().get(level - 1)) + " wide";
      case DATES -> level == 1 ? "month (yyyy-MM)" : "year (yyyy)";
      case HIERARCHY -> "column " + (level + 1) + " of " + qi.hierarchyFile();
    };
  }

  private static String number(double value) {
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }
}
