package io.shroud.core.utility;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The utility section of a sanitize run (and of {@code shroud compare}): what masking cost the data,
 * measured on one sample of rows before and after masking. Aggregates only: see {@link Disclosure}.
 *
 * @param status computed, off or skipped
 * @param reason why it is off or skipped
 * @param mode sanitize or compare
 * @param rowsTotal rows in the data the sample was drawn from
 * @param sampleRows sampled rows before masking
 * @param sampleRowsAfter sampled rows after masking
 * @param sampling how the sample was drawn
 * @param alignment how before and after rows were paired, if at all
 * @param k the disclosure threshold used
 * @param kOrigin where k came from (utility.k, anonymity.k, default, --k)
 * @param millis time spent on the section
 * @param rows how sampled rows paired up
 * @param columns per column or leaf
 * @param correlations correlations between number columns before and after
 * @param quasiIdentifiers k-anonymity's cost: generalization levels, classes, suppression, loss
 * @param notes what the reader should know (limits, columns left out)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UtilityReport(
    String status,
    String reason,
    String mode,
    Long rowsTotal,
    Long sampleRows,
    Long sampleRowsAfter,
    String sampling,
    String alignment,
    Integer k,
    String kOrigin,
    Long millis,
    RowPairs rows,
    List<ColumnUtility> columns,
    Correlations correlations,
    QuasiIdentifierUtility quasiIdentifiers,
    List<String> notes) {

  public static final String COMPUTED = "computed";

  /** The section when it was not computed. */
  public static UtilityReport notComputed(String status, String reason) {
    return new UtilityReport(status, reason, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null);
  }

  /** The same report with its cost recorded. */
  public UtilityReport withMillis(long elapsed) {
    return new UtilityReport(status, reason, mode, rowsTotal, sampleRows, sampleRowsAfter, sampling, alignment, k,
        kOrigin, elapsed, rows, columns, correlations, quasiIdentifiers, notes);
  }

  /**
   * How sampled rows paired up (row-level comparison only).
   *
   * @param pairs rows found on both sides
   * @param beforeOnly rows with no counterpart after (suppressed and dropped, or a key missing after)
   * @param afterOnly rows with no counterpart before (a key missing before)
   */
  public record RowPairs(long pairs, long beforeOnly, long afterOnly) implements Serializable {}

  /**
   * Pearson correlations between top-level number columns, before and after masking (null where undefined).
   *
   * @param columns the columns, in order
   * @param before matrix before masking
   * @param after matrix after masking
   */
  public record Correlations(List<String> columns, List<List<Double>> before, List<List<Double>> after)
      implements Serializable {}

  /**
   * What k-anonymity cost the quasi-identifiers.
   *
   * @param source the search (sanitize) or a check of the data as it is (compare)
   * @param metric the information-loss metric the search minimised
   * @param metricValue its value for the chosen transformation
   * @param metrics every metric's value for the chosen transformation
   * @param k k
   * @param l l
   * @param records records
   * @param suppressedRecords suppressed records
   * @param suppressedHandling what happened to them
   * @param classes equivalence classes kept
   * @param smallestClass smallest kept class
   * @param levels generalization level per quasi-identifier and what it means
   * @param classSizes class-size histogram in buckets
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record QuasiIdentifierUtility(String source, String metric, Double metricValue, Map<String, Double> metrics,
      int k, int l, long records, long suppressedRecords, String suppressedHandling, long classes, long smallestClass,
      List<Level> levels, List<ClassSizes.Bucket> classSizes) {}

  /**
   * One quasi-identifier's generalization.
   *
   * @param column the column
   * @param level level applied (0 = original values)
   * @param topLevel the hierarchy's top level (every value becomes *)
   * @param meaning what the level does to values, in words
   */
  public record Level(String column, int level, int topLevel, String meaning) implements Serializable {}
}
