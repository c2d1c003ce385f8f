package io.shroud.core.anonymity;

import java.util.Map;
import java.util.TreeMap;

/**
 * Applies the requirements to one transformation: groups the tuples, suppresses classes smaller than k
 * or with fewer than l distinct sensitive values, and computes the metrics. Not thread-safe.
 */
final class TransformationEvaluator {
  private final EncodedTable table;
  private final AnonymityRequirements requirements;
  private final Groupifier groupifier;
  private final long suppressionBudget;
  private final boolean[] suppressedClass;

  /** Results of the last {@link #assess} call. */
  long suppressedRecords;
  boolean satisfies;

  TransformationEvaluator(EncodedTable table, AnonymityRequirements requirements) {
    this.table = table;
    this.requirements = requirements;
    this.groupifier = new Groupifier(table);
    this.suppressionBudget = requirements.suppressionBudget(table.records);
    this.suppressedClass = new boolean[table.tuples];
  }

  void assess(int[] levels) {
    boolean diversity = requirements.l() > 1;
    groupifier.group(levels, diversity);
    suppressedRecords = 0;
    for (int c = 0; c < groupifier.classes; c++) {
      boolean suppressed = groupifier.classSize[c] < requirements.k()
          || (diversity && groupifier.distinctSensitive[c] < requirements.l());
      suppressedClass[c] = suppressed;
      if (suppressed) {
        suppressedRecords += groupifier.classSize[c];
      }
    }
    satisfies = suppressedRecords <= suppressionBudget;
  }

  boolean tupleSuppressed(int tuple) {
    return suppressedClass[groupifier.classOfTuple[tuple]];
  }

  /** Metric of the last assessed transformation. */
  double metric(Metric metric, int[] levels) {
    return switch (metric) {
      case ENTROPY -> entropy(levels);
      case HEIGHT -> height(levels);
      case LOSS -> loss(levels);
      case DISCERNIBILITY -> discernibility();
    };
  }

  double entropy(int[] levels) {
    double sum = 0;
    for (int a = 0; a < table.attributes; a++) {
      sum += table.entropy[a][levels[a]];
    }
    return sum;
  }

  static int height(int[] levels) {
    int sum = 0;
    for (int level : levels) {
      sum += level;
    }
    return sum;
  }

  /** Loss ignoring suppression: never above the real Loss, and never decreasing along generalization. */
  double generalizationLoss(int[] levels) {
    if (table.records == 0) {
      return 0;
    }
    double sum = 0;
    for (int a = 0; a < table.attributes; a++) {
      sum += table.generalizationLoss[a][levels[a]] / table.records;
    }
    return sum / table.attributes;
  }

  double loss(int[] levels) {
    if (table.records == 0) {
      return 0;
    }
    double[] suppressedShare = new double[table.attributes];
    if (suppressedRecords > 0) {
      for (int t = 0; t < table.tuples; t++) {
        if (tupleSuppressed(t)) {
          for (int a = 0; a < table.attributes; a++) {
            suppressedShare[a] += table.counts[t] * table.recordLoss[a][levels[a]][table.codes[a][t]];
          }
        }
      }
    }
    double sum = 0;
    for (int a = 0; a < table.attributes; a++) {
      // Suppressed records count 1 each instead of their generalization loss.
      sum += (table.generalizationLoss[a][levels[a]] - suppressedShare[a] + suppressedRecords) / table.records;
    }
    return sum / table.attributes;
  }

  double discernibility() {
    double sum = 0;
    for (int c = 0; c < groupifier.classes; c++) {
      if (!suppressedClass[c]) {
        sum += (double) groupifier.classSize[c] * groupifier.classSize[c];
      }
    }
    return sum + (double) table.records * suppressedRecords;
  }

  /**
   * Lower bound of Discernibility for this node and every successor: a kept record's class can only
   * grow; a suppressed record either stays suppressed (N) or joins a kept class of at least k records.
   */
  double discernibilityBoundForSuccessors() {
    double sum = 0;
    long k = requirements.k();
    for (int c = 0; c < groupifier.classes; c++) {
      long size = groupifier.classSize[c];
      long perRecord = suppressedClass[c] ? Math.min(table.records, Math.max(k, size)) : size;
      sum += (double) size * perRecord;
    }
    return sum;
  }

  Evaluation evaluation(int[] levels) {
    assess(levels);
    Map<Long, Long> histogram = new TreeMap<>();
    long kept = 0;
    for (int c = 0; c < groupifier.classes; c++) {
      if (!suppressedClass[c]) {
        histogram.merge(groupifier.classSize[c], 1L, Long::sum);
        kept++;
      }
    }
    long smallest = histogram.isEmpty() ? 0 : histogram.keySet().iterator().next();
    return new Evaluation(levels, satisfies, suppressedRecords, (int) Math.min(Integer.MAX_VALUE, smallest), kept,
        histogram, entropy(levels), loss(levels), discernibility(), height(levels));
  }
}
