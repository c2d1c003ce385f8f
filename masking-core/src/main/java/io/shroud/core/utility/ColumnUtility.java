package io.shroud.core.utility;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What masking did to one column or nested leaf, measured on the sample. Aggregates only (see
 * {@link Disclosure}); blocks that do not apply to the column's kind are null.
 *
 * @param name column name or leaf path
 * @param kind number, date, category, text or empty, judged from the values before masking
 * @param presence both, before-only (dropped) or after-only (added)
 * @param treatment what the run did to it (sanitize), or null (compare)
 * @param before values before masking
 * @param after values after masking
 * @param changedShare share of paired values that differ after masking (row-level; null without pairing)
 * @param numbers distributions of a number column
 * @param categories the most frequent values before and after
 * @param dates range and resolution of a date column
 * @param text what masking took out of a free-text column
 * @param paired realised change of paired numbers or dates (the noise of a perturbation)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnUtility(
    String name,
    String kind,
    String presence,
    String treatment,
    SideStats before,
    SideStats after,
    Double changedShare,
    NumericUtility numbers,
    CategoryUtility categories,
    DateUtility dates,
    TextUtility text,
    PairedNumbers paired) implements Serializable {

  /** The same column with what the run did to it. */
  public ColumnUtility withTreatment(String newTreatment) {
    return new ColumnUtility(name, kind, presence, newTreatment, before, after, changedShare, numbers, categories, dates,
        text, paired);
  }

  /** The same column with other text results. */
  public ColumnUtility withText(TextUtility newText) {
    return new ColumnUtility(name, kind, presence, treatment, before, after, changedShare, numbers, categories, dates,
        newText, paired);
  }

  /**
   * One side's values.
   *
   * @param values values (rows for a flat column; every element for a leaf inside arrays)
   * @param nulls null values
   * @param nullShare nulls / values
   * @param distinctApprox distinct non-null values in the sample, approximate (HyperLogLog, about 2% error)
   */
  public record SideStats(long values, long nulls, double nullShare, long distinctApprox) implements Serializable {}

  /**
   * Distribution of a number column.
   *
   * @param before summary before masking
   * @param after summary after masking (generalized ranges count as their midpoints)
   * @param histogram both sides over the same bins
   * @param histogramDistance total variation distance between the two binned distributions
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record NumericUtility(Summary before, Summary after, Histogram histogram, Double histogramDistance)
      implements Serializable {}

  /**
   * Summary statistics, rounded; mean and std only over at least k numbers, quantiles only with at
   * least k numbers on each side.
   *
   * @param count values read as numbers
   * @param mean mean
   * @param std sample standard deviation
   * @param quantiles p5, p25, p50, p75, p95 where allowed (approximate)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Summary(long count, Double mean, Double std, Map<String, Double> quantiles)
      implements Serializable {}

  /**
   * Counts per bin for both sides. Bin 0 holds values below {@code edges[0]}, bin i values in
   * [edges[i-1], edges[i]), the last bin values at or above the last edge.
   *
   * @param edges ascending bin edges on a round grid
   * @param before counts before masking ({@code edges.size() + 1} bins)
   * @param after counts after masking
   */
  public record Histogram(List<Double> edges, List<Long> before, List<Long> after) implements Serializable {}

  /**
   * The most frequent values. A value appears only when at least k sampled rows of the output hold it;
   * the others are counted, not named.
   *
   * @param topK how many of the most frequent values were compared
   * @param topKOverlap share of the top-k values before that are still among the top k after
   * @param totalVariationDistance half the sum of absolute differences of value shares, 0 (same) to 1 (disjoint)
   * @param shown values shown, with their counts before and after
   * @param hiddenBefore top-k values before that are not shown (rare, or not in the output)
   * @param hiddenAfter top-k values after that are not shown (rare)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CategoryUtility(int topK, Double topKOverlap, Double totalVariationDistance, List<CategoryCount> shown,
      int hiddenBefore, int hiddenAfter) implements Serializable {}

  /** A shown value and its counts in the sample. */
  public record CategoryCount(String value, long before, long after) implements Serializable {}

  /**
   * Range and resolution of a date column. A range runs from the month of a low quantile to the
   * month of a high one, each with at least k dates beyond it.
   *
   * @param rangeBefore {@code yyyy-MM .. yyyy-MM} before masking
   * @param rangeAfter the same after masking
   * @param resolutionBefore share of values per resolution (time, day, month, quarter, year, suppressed)
   * @param resolutionAfter the same after masking
   * @param resolutionKept the typical resolution before and after, e.g. {@code day -> quarter}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DateUtility(String rangeBefore, String rangeAfter, Map<String, Double> resolutionBefore,
      Map<String, Double> resolutionAfter, String resolutionKept) implements Serializable {}

  /**
   * What masking took out of a free-text column or leaf.
   *
   * @param values non-null texts in the sample
   * @param untouchedShare share of paired texts that came out unchanged
   * @param charactersMasked share of the original's non-space characters not kept (see {@link TextDiff})
   * @param tokensMasked share of the original's tokens not kept
   * @param tokensBefore tokens in the sampled texts before masking
   * @param spansPer1000Tokens spans masked per 1,000 tokens, by entity type
   * @param spansSource where span counts come from: the detectors (sanitize) or the output's labels (compare)
   * @param meanLengthBefore mean length in characters before
   * @param meanLengthAfter mean length after
   * @param lengths length histogram, edges 1, 2, 4, 8, ... characters
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TextUtility(long values, Double untouchedShare, Double charactersMasked, Double tokensMasked,
      long tokensBefore, Map<String, Double> spansPer1000Tokens, String spansSource, Double meanLengthBefore,
      Double meanLengthAfter, Histogram lengths) implements Serializable {

    /** The same results with span rates from another source. */
    public TextUtility withSpans(Map<String, Double> rates, String source) {
      return new TextUtility(values, untouchedShare, charactersMasked, tokensMasked, tokensBefore, rates, source,
          meanLengthBefore, meanLengthAfter, lengths);
    }
  }

  /**
   * Numbers or dates paired row by row: the realised change, such as a perturbation's noise.
   *
   * @param pairs pairs where both sides read as numbers (dates: as days)
   * @param meanAbsoluteError mean of |after - before|
   * @param correlation Pearson correlation of before and after
   * @param unit the unit of the error (the column's own, or days)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PairedNumbers(long pairs, Double meanAbsoluteError, Double correlation, String unit)
      implements Serializable {}
}
