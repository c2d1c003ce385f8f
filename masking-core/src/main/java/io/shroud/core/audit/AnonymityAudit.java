package io.shroud.core.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit's {@code anonymity} section: the k-anonymity search, the transformation it chose and what it
 * did to the written data. Properties are written in name order and the parts a run did not reach are
 * left out, as the map this section once was. The per-quasi-identifier parts ({@code transformation},
 * {@code levels}, {@code cellsChanged}) are maps keyed by column name, in the policy's quasi-identifier
 * order.
 *
 * @param cellsChanged cells generalized per quasi-identifier, once the data was written, else null
 * @param classSizeHistogram class size to number of classes under the optimum, or null
 * @param classes equivalence classes under the optimum, or null
 * @param distinctQuasiIdentifierCombinations rows of the frequency table the search ran on
 * @param k the k required
 * @param l the l required (1: no l-diversity)
 * @param latticeNodesEvaluated lattice nodes the search evaluated
 * @param levels each quasi-identifier's level in words, or null
 * @param maxSuppression the largest share of records that may be suppressed
 * @param metric the information-loss metric minimized
 * @param metrics the optimum's value under every metric, or null
 * @param quasiIdentifiers the quasi-identifier columns, in the policy's order
 * @param recheck the re-check of the written data, or null before it ran
 * @param records records in the input
 * @param satisfiable whether a transformation meets the requirements
 * @param searchMillis search time in the driver
 * @param sensitive the sensitive column (l-diversity), or empty
 * @param smallestClass the smallest class under the optimum, or null
 * @param suppressedHandling what happened to suppressed records, or null
 * @param suppressedRecords records suppressed under the optimum, or null
 * @param transformation each quasi-identifier's generalization level, or null when none satisfies
 */
@JsonPropertyOrder({"cellsChanged", "classSizeHistogram", "classes", "distinctQuasiIdentifierCombinations", "k", "l",
    "latticeNodesEvaluated", "levels", "maxSuppression", "metric", "metrics", "quasiIdentifiers", "recheck", "records",
    "satisfiable", "searchMillis", "sensitive", "smallestClass", "suppressedHandling", "suppressedRecords",
    "transformation"})
public record AnonymityAudit(
    @JsonInclude(Include.NON_NULL) Map<String, Long> cellsChanged,
    @JsonInclude(Include.NON_NULL) Map<Long, Long> classSizeHistogram,
    @JsonInclude(Include.NON_NULL) Long classes,
    long distinctQuasiIdentifierCombinations,
    int k,
    int l,
    long latticeNodesEvaluated,
    @JsonInclude(Include.NON_NULL) Map<String, String> levels,
    double maxSuppression,
    String metric,
    @JsonInclude(Include.NON_NULL) Metrics metrics,
    List<String> quasiIdentifiers,
    @JsonInclude(Include.NON_NULL) Recheck recheck,
    long records,
    boolean satisfiable,
    long searchMillis,
    List<String> sensitive,
    @JsonInclude(Include.NON_NULL) Integer smallestClass,
    @JsonInclude(Include.NON_NULL) String suppressedHandling,
    @JsonInclude(Include.NON_NULL) Long suppressedRecords,
    @JsonInclude(Include.NON_NULL) Map<String, Integer> transformation) {

  public AnonymityAudit {
    // Ordered copies: the console and the report list quasi-identifiers in the policy's order.
    cellsChanged = ordered(cellsChanged);
    classSizeHistogram = ordered(classSizeHistogram);
    levels = ordered(levels);
    transformation = ordered(transformation);
    quasiIdentifiers = List.copyOf(quasiIdentifiers);
    sensitive = List.copyOf(sensitive);
  }

  /**
   * What the search found before any data was written.
   *
   * @param search the requirements and the search's own counts
   * @param optimum the chosen transformation and its classes, or null when none satisfies the requirements
   */
  public static AnonymityAudit searched(Search search, Optimum optimum) {
    return optimum == null
        ? new AnonymityAudit(null, null, null, search.distinctCombinations(), search.k(), search.l(),
            search.nodesEvaluated(), null, search.maxSuppression(), search.metric(), null, search.quasiIdentifiers(),
            null, search.records(), false, search.searchMillis(), search.sensitive(), null, null, null, null)
        : new AnonymityAudit(null, optimum.classSizeHistogram(), optimum.classes(), search.distinctCombinations(),
            search.k(), search.l(), search.nodesEvaluated(), optimum.levels(), search.maxSuppression(), search.metric(),
            optimum.metrics(), search.quasiIdentifiers(), null, search.records(), true, search.searchMillis(),
            search.sensitive(), optimum.smallestClass(), optimum.suppressedHandling(), optimum.suppressedRecords(),
            optimum.transformation());
  }

  /** The same, once the data is written: the cells generalized and the re-check of what was written. */
  public AnonymityAudit written(Map<String, Long> changed, Recheck writtenRecheck) {
    return new AnonymityAudit(changed, classSizeHistogram, classes, distinctQuasiIdentifierCombinations, k, l,
        latticeNodesEvaluated, levels, maxSuppression, metric, metrics, quasiIdentifiers, writtenRecheck, records,
        satisfiable, searchMillis, sensitive, smallestClass, suppressedHandling, suppressedRecords, transformation);
  }

  /**
   * The section as the run report's table lists it: in the order the run produced its parts (search,
   * optimum, written data), each value as text.
   */
  public Map<String, String> reportRows() {
    Map<String, Object> rows = new LinkedHashMap<>();
    rows.put("k", k);
    rows.put("l", l);
    rows.put("maxSuppression", maxSuppression);
    rows.put("metric", metric);
    rows.put("quasiIdentifiers", quasiIdentifiers);
    rows.put("sensitive", sensitive);
    rows.put("records", records);
    rows.put("distinctQuasiIdentifierCombinations", distinctQuasiIdentifierCombinations);
    rows.put("latticeNodesEvaluated", latticeNodesEvaluated);
    rows.put("searchMillis", searchMillis);
    rows.put("satisfiable", satisfiable);
    if (transformation != null) {
      rows.put("transformation", transformation);
      rows.put("levels", levels);
      rows.put("suppressedRecords", suppressedRecords);
      rows.put("suppressedHandling", suppressedHandling);
      rows.put("classes", classes);
      rows.put("smallestClass", smallestClass);
      rows.put("classSizeHistogram", classSizeHistogram);
      rows.put("metrics", metrics == null ? null : metrics.reportText());
    }
    if (cellsChanged != null) {
      rows.put("cellsChanged", cellsChanged);
    }
    if (recheck != null) {
      rows.put("recheck", recheck.reportText());
    }
    Map<String, String> text = new LinkedHashMap<>();
    rows.forEach((name, value) -> text.put(name, String.valueOf(value)));
    return text;
  }

  private static <K, V> Map<K, V> ordered(Map<K, V> map) {
    return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /**
   * The requirements and the search's own counts.
   *
   * @param k the k required
   * @param l the l required
   * @param maxSuppression the largest share of records that may be suppressed
   * @param metric the metric minimized
   * @param quasiIdentifiers the quasi-identifier columns
   * @param sensitive the sensitive column, or empty
   * @param records records in the input
   * @param distinctCombinations rows of the frequency table
   * @param nodesEvaluated lattice nodes evaluated
   * @param searchMillis search time in the driver
   */
  public record Search(int k, int l, double maxSuppression, String metric, List<String> quasiIdentifiers,
      List<String> sensitive, long records, long distinctCombinations, long nodesEvaluated, long searchMillis) {}

  /**
   * The transformation chosen and the classes it makes.
   *
   * @param transformation each quasi-identifier's level, in the policy's order
   * @param levels each quasi-identifier's level in words, in the policy's order
   * @param suppressedRecords records suppressed
   * @param suppressedHandling what happened to them
   * @param classes equivalence classes
   * @param smallestClass the smallest class
   * @param classSizeHistogram class size to number of classes
   * @param metrics the optimum under every metric
   */
  public record Optimum(Map<String, Integer> transformation, Map<String, String> levels, long suppressedRecords,
      String suppressedHandling, long classes, int smallestClass, Map<Long, Long> classSizeHistogram, Metrics metrics) {}

  /**
   * The optimum's value under every metric.
   *
   * @param discernibility sum of squared class sizes (suppressed records count as the whole data set)
   * @param entropy non-uniform entropy
   * @param height sum of the levels
   * @param loss generalization loss
   */
  @JsonPropertyOrder({"discernibility", "entropy", "height", "loss"})
  public record Metrics(double discernibility, double entropy, int height, double loss) {
    String reportText() {
      Map<String, Object> text = new LinkedHashMap<>();
      text.put("entropy", entropy);
      text.put("loss", loss);
      text.put("discernibility", discernibility);
      text.put("height", height);
      return text.toString();
    }
  }

  /**
   * The re-check of the written data: k-anonymity and distinct l-diversity as they are.
   *
   * @param classSizeHistogram class size to number of classes
   * @param classes equivalence classes (suppressed records apart)
   * @param classesWithFewerThanLValues classes with fewer than l distinct sensitive values, or null without a
   *     sensitive column
   * @param k the k checked
   * @param l the l checked
   * @param records records checked
   * @param recordsInClassesSmallerThanK records in classes smaller than k
   * @param satisfied whether the data meets k (and l)
   * @param smallestClass the smallest class
   * @param smallestDistinctSensitiveValues the fewest distinct sensitive values in a class, or null without a
   *     sensitive column
   * @param suppressedRecords records whose quasi-identifiers are all {@code *}
   */
  @JsonPropertyOrder({"classSizeHistogram", "classes", "classesWithFewerThanLValues", "k", "l", "records",
      "recordsInClassesSmallerThanK", "satisfied", "smallestClass", "smallestDistinctSensitiveValues",
      "suppressedRecords"})
  public record Recheck(
      Map<Long, Long> classSizeHistogram,
      long classes,
      @JsonInclude(Include.NON_NULL) Long classesWithFewerThanLValues,
      int k,
      int l,
      long records,
      long recordsInClassesSmallerThanK,
      boolean satisfied,
      long smallestClass,
      @JsonInclude(Include.NON_NULL) Long smallestDistinctSensitiveValues,
      long suppressedRecords) {

    public Recheck {
      classSizeHistogram = ordered(classSizeHistogram);
    }

    String reportText() {
      Map<String, Object> text = new LinkedHashMap<>();
      text.put("satisfied", satisfied);
      text.put("k", k);
      text.put("l", l);
      text.put("records", records);
      text.put("suppressedRecords", suppressedRecords);
      text.put("classes", classes);
      text.put("smallestClass", smallestClass);
      text.put("recordsInClassesSmallerThanK", recordsInClassesSmallerThanK);
      if (smallestDistinctSensitiveValues != null) {
        text.put("smallestDistinctSensitiveValues", smallestDistinctSensitiveValues);
        text.put("classesWithFewerThanLValues", classesWithFewerThanLValues);
      }
      text.put("classSizeHistogram", classSizeHistogram);
      return text.toString();
    }
  }
}
