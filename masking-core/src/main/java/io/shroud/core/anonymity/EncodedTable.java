package io.shroud.core.anonymity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The frequency table dictionary-encoded once, so that evaluating a transformation is array lookups:
 * per attribute, level-0 values become codes 0..n-1 and each level has a lookup array from level-0
 * code to generalized code. Per-attribute metric terms that do not depend on grouping are precomputed.
 */
final class EncodedTable {
  final int attributes;
  final int tuples;
  final long records;
  final int[] heights;
  /** [attribute][tuple] level-0 code. Column-major: one attribute's codes are scanned together. */
  final int[][] codes;
  final long[] counts;
  /** [attribute][level][level-0 code] generalized code at that level. */
  final int[][][] generalized;
  /** [attribute][level] number of distinct generalized codes. */
  final int[][] generalizedValues;
  /** [attribute][level] Σ over records of -log2(count(v) / count(g)). */
  final double[][] entropy;
  /** [attribute][level][level-0 code] per-record Loss (leaves(g) - 1) / (D - 1). */
  final double[][][] recordLoss;
  /** [attribute][level] Σ over records of recordLoss (as if nothing were suppressed). */
  final double[][] generalizationLoss;
  /** [tuple] distinct sensitive value codes. */
  final int[][] sensitive;
  final int sensitiveValues;
  final long recordsWithoutSensitive;
  /** [attribute][code] level-0 value, to map rows back to tuples. */
  final String[][] values;

  EncodedTable(FrequencyTable table, List<Hierarchy> hierarchies) {
    attributes = table.attributes().size();
    if (hierarchies.size() != attributes) {
      throw new IllegalArgumentException("Invalid hierarchies: " + hierarchies.size() + " given for "
          + attributes + " quasi-identifiers " + table.attributes());
    }
    tuples = table.distinctTuples();
    records = table.records();
    recordsWithoutSensitive = table.recordsWithoutSensitive();
    heights = new int[attributes];
    codes = new int[attributes][tuples];
    counts = new long[tuples];
    sensitive = new int[tuples][];
    List<Map<String, Integer>> dictionaries = new ArrayList<>();
    for (int a = 0; a < attributes; a++) {
      dictionaries.add(new HashMap<>());
      heights[a] = hierarchies.get(a).height();
    }
    Map<String, Integer> sensitiveDictionary = new HashMap<>();
    int[] next = {0};
    table.forEach((qi, count, sensitiveSet) -> {
      int t = next[0]++;
      counts[t] = count;
      for (int a = 0; a < attributes; a++) {
        Map<String, Integer> dictionary = dictionaries.get(a);
        Integer code = dictionary.get(qi[a]);
        if (code == null) {
          code = dictionary.size();
          dictionary.put(qi[a], code);
        }
        codes[a][t] = code;
      }
      int[] codesOfSensitive = new int[sensitiveSet.size()];
      int i = 0;
      for (String value : sensitiveSet) {
        codesOfSensitive[i++] = sensitiveDictionary.computeIfAbsent(value, v -> sensitiveDictionary.size());
      }
      sensitive[t] = codesOfSensitive;
    });
    sensitiveValues = sensitiveDictionary.size();

    values = new String[attributes][];
    generalized = new int[attributes][][];
    generalizedValues = new int[attributes][];
    entropy = new double[attributes][];
    recordLoss = new double[attributes][][];
    generalizationLoss = new double[attributes][];
    for (int a = 0; a < attributes; a++) {
      encodeAttribute(a, dictionaries.get(a), hierarchies.get(a));
    }
  }

  private void encodeAttribute(int a, Map<String, Integer> dictionary, Hierarchy hierarchy) {
    int n = dictionary.size();
    int height = heights[a];
    String[] valueOfCode = new String[n];
    dictionary.forEach((value, code) -> valueOfCode[code] = value);
    values[a] = valueOfCode;
    long[] valueCounts = new long[n];
    for (int t = 0; t < tuples; t++) {
      valueCounts[codes[a][t]] += counts[t];
    }
    // Domain for Loss: the hierarchy's values plus observed values it does not know.
    Set<String> domain = new LinkedHashSet<>(hierarchy.values());
    domain.addAll(dictionary.keySet());
    generalized[a] = new int[height][n];
    generalizedValues[a] = new int[height];
    entropy[a] = new double[height];
    recordLoss[a] = new double[height][n];
    generalizationLoss[a] = new double[height];
    for (int level = 0; level < height; level++) {
      Map<String, Integer> generalizedCodes = new HashMap<>();
      long[] generalizedCounts = new long[n];
      for (int code = 0; code < n; code++) {
        String g = hierarchy.generalize(valueOfCode[code], level);
        int gc = generalizedCodes.computeIfAbsent(g, x -> generalizedCodes.size());
        generalized[a][level][code] = gc;
        generalizedCounts[gc] += valueCounts[code];
      }
      generalizedValues[a][level] = generalizedCodes.size();
      Map<String, Integer> leaves = new HashMap<>();
      for (String value : domain) {
        leaves.merge(hierarchy.generalize(value, level), 1, Integer::sum);
      }
      double sumEntropy = 0;
      double sumLoss = 0;
      for (int code = 0; code < n; code++) {
        long countOfGeneralized = generalizedCounts[generalized[a][level][code]];
        sumEntropy += valueCounts[code] * -log2((double) valueCounts[code] / countOfGeneralized);
        int leavesOfGeneralized = leaves.get(hierarchy.generalize(valueOfCode[code], level));
        double loss = domain.size() <= 1 ? 0 : (leavesOfGeneralized - 1) / (double) (domain.size() - 1);
        recordLoss[a][level][code] = loss;
        sumLoss += valueCounts[code] * loss;
      }
      entropy[a][level] = sumEntropy;
      generalizationLoss[a][level] = sumLoss;
    }
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
