package io.shroud.core.anonymity;

import java.util.Arrays;

/**
 * Groups the distinct level-0 tuples into equivalence classes under a transformation. Each tuple's
 * generalized tuple is packed into one long (mixed radix over the generalized codes of each attribute)
 * and hashed; buffers are reused across transformations, so an instance is not thread-safe.
 */
final class Groupifier {
  private final EncodedTable table;
  private final LongIntHashMap classOfKey;
  private final LongIntHashMap sensitivePairs;
  private final long[] keys;

  /** Results of the last {@link #group} call. */
  int classes;
  final int[] classOfTuple;
  final long[] classSize;
  final int[] distinctSensitive;

  Groupifier(EncodedTable table) {
    this.table = table;
    this.classOfKey = new LongIntHashMap(table.tuples);
    int pairs = 0;
    for (int[] values : table.sensitive) {
      pairs += values.length;
    }
    this.sensitivePairs = new LongIntHashMap(pairs);
    this.keys = new long[table.tuples];
    this.classOfTuple = new int[table.tuples];
    this.classSize = new long[table.tuples];
    this.distinctSensitive = new int[table.tuples];
  }

  void group(int[] levels, boolean countSensitive) {
    if (!packKeys(levels)) {
      refineKeys(levels);
    }
    classOfKey.clear();
    classes = 0;
    for (int t = 0; t < table.tuples; t++) {
      int known = classOfKey.putIfAbsent(keys[t], classes);
      if (known < 0) {
        classSize[classes] = 0;
        known = classes++;
      }
      classOfTuple[t] = known;
      classSize[known] += table.counts[t];
    }
    if (countSensitive) {
      countDistinctSensitive();
    }
  }

  /** Mixed-radix packing; false when the product of the radixes does not fit in a long. */
  private boolean packKeys(int[] levels) {
    long product = 1;
    for (int a = 0; a < table.attributes; a++) {
      long radix = table.generalizedValues[a][levels[a]];
      if (Math.multiplyHigh(product, radix) != 0 || product * radix < 0) {
        return false;
      }
      product *= radix;
    }
    long multiplier = 1;
    Arrays.fill(keys, 0);
    for (int a = table.attributes - 1; a >= 0; a--) {
      int radix = table.generalizedValues[a][levels[a]];
      if (radix == 1) {
        continue; // e.g. "*": contributes nothing to the key
      }
      int[] lookup = table.generalized[a][levels[a]];
      int[] column = table.codes[a];
      for (int t = 0; t < keys.length; t++) {
        keys[t] += lookup[column[t]] * multiplier;
      }
      multiplier *= radix;
    }
    return true;
  }

  /** Fallback for very wide tables: renumber (class so far, next code) pairs attribute by attribute. */
  private void refineKeys(int[] levels) {
    Arrays.fill(keys, 0);
    LongIntHashMap ids = new LongIntHashMap(table.tuples);
    for (int a = 0; a < table.attributes; a++) {
      int[] lookup = table.generalized[a][levels[a]];
      int[] column = table.codes[a];
      long radix = table.generalizedValues[a][levels[a]];
      ids.clear();
      int nextId = 0;
      for (int t = 0; t < keys.length; t++) {
        int id = ids.putIfAbsent(keys[t] * radix + lookup[column[t]], nextId);
        keys[t] = id < 0 ? nextId++ : id;
      }
    }
  }

  private void countDistinctSensitive() {
    Arrays.fill(distinctSensitive, 0, classes, 0);
    sensitivePairs.clear();
    long values = Math.max(1, table.sensitiveValues);
    for (int t = 0; t < table.tuples; t++) {
      int cls = classOfTuple[t];
      for (int code : table.sensitive[t]) {
        if (sensitivePairs.putIfAbsent(cls * values + code, 0) < 0) {
          distinctSensitive[cls]++;
        }
      }
    }
  }
}
