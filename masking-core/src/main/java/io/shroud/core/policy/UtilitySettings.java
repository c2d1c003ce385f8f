package io.shroud.core.policy;

import java.io.Serializable;

/**
 * The policy's {@code utility} section: how the run measures what masking cost the data.
 *
 * @param enabled whether a sanitize run computes the utility section ({@code sample: off} turns it off)
 * @param sample rows sampled once from the input; the same rows are compared before and after masking
 * @param k a category label (or a quantile, or a date bound) appears in the report only when at least
 *     this many sampled rows share it; a disclosure threshold for the report, not an anonymity guarantee
 * @param kOrigin where {@code k} came from, for the report: {@code utility.k}, {@code anonymity.k} or
 *     {@code default}
 * @param topCategories how many of the most frequent categories are compared per column
 */
public record UtilitySettings(boolean enabled, int sample, int k, String kOrigin, int topCategories)
    implements Serializable {
  /** The sample's cost grows with its size, not the data's: 1–3% of the 200,000-row benchmark run. */
  public static final int DEFAULT_SAMPLE = 5000;
  /** The sample's values are compared in one task: about 16 bytes per sampled number and side. */
  public static final int MAX_SAMPLE = 100_000;
  public static final int DEFAULT_K = 10;
  public static final int DEFAULT_TOP_CATEGORIES = 10;
  public static final int MAX_TOP_CATEGORIES = 50;

  public static final UtilitySettings DEFAULTS =
      new UtilitySettings(true, DEFAULT_SAMPLE, DEFAULT_K, "default", DEFAULT_TOP_CATEGORIES);

  public UtilitySettings {
    if (sample < 1 || sample > MAX_SAMPLE) {
      throw new IllegalArgumentException("Invalid utility sample " + sample + ": expected 1.." + MAX_SAMPLE);
    }
    if (k < 2) {
      throw new IllegalArgumentException("Invalid utility k " + k + ": expected at least 2");
    }
    if (topCategories < 1 || topCategories > MAX_TOP_CATEGORIES) {
      throw new IllegalArgumentException("Invalid utility topCategories " + topCategories);
    }
  }

  /** The same settings with the section turned off (the sample size is kept for the record). */
  public UtilitySettings off() {
    return new UtilitySettings(false, sample, k, kOrigin, topCategories);
  }
}
