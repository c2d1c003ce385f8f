package io.shroud.core.report;

import java.util.List;
import java.util.Map;

/**
 * What a discovery scan found: per column, its classification and counts. Masked examples only;
 * never a raw value.
 *
 * @param input the scanned path
 * @param format its format
 * @param generatedAt ISO-8601 instant
 * @param rowsScanned rows sampled
 * @param durationMillis wall time of the scan
 * @param columns per-column results, in input order
 * @param findingsByType totals over all columns
 */
public record ScanReport(
    String input,
    String format,
    String generatedAt,
    long rowsScanned,
    long durationMillis,
    List<ColumnReport> columns,
    Map<String, Long> findingsByType) {

  /**
   * One column.
   *
   * @param name column name
   * @param type the column's data type
   * @param classification the entity type the whole column holds, or null
   * @param confidence share of sampled non-empty values that matched the classification
   * @param sampled values sampled
   * @param nonEmpty sampled values that were not empty
   * @param shareWithFindings share of sampled non-empty values with at least one finding
   * @param findings findings per entity type in the sample
   * @param maskedExamples a few findings, masked (for example {@code ***-**-6789})
   * @param suggestedAction what a starter policy would do with the column
   */
  public record ColumnReport(
      String name,
      String type,
      String classification,
      double confidence,
      int sampled,
      int nonEmpty,
      double shareWithFindings,
      Map<String, Integer> findings,
      List<String> maskedExamples,
      String suggestedAction) {}
}
