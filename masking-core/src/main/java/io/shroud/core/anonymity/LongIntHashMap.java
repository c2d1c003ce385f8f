package io.shroud.core.anonymity;

import java.util.Arrays;

/**
 * Open-addressing map from long to int, cleared in O(1) by bumping a stamp: the search groups tens of
 * thousands of tuples per transformation, and boxing or re-allocating per transformation would dominate.
 */
final class LongIntHashMap {
  private final long[] keys;
  private final int[] values;
  private final int[] stamps;
  private final int mask;
  private final int shift;
  private int stamp = 1;

  LongIntHashMap(int expectedEntries) {
    int capacity = Integer.highestOneBit(Math.max(4, expectedEntries) * 2 - 1) << 1;
    keys = new long[capacity];
    values = new int[capacity];
    stamps = new int[capacity];
    mask = capacity - 1;
    shift = 64 - Integer.numberOfTrailingZeros(capacity);
  }

  void clear() {
    stamp++;
    if (stamp == 0) { // wrapped around: stale stamps could collide, so really clear once
      Arrays.fill(stamps, 0);
      stamp = 1;
    }
  }

  /** The value already stored for the key, or -1 after storing {@code value} for it. */
  int putIfAbsent(long key, int value) {
    int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    while (stamps[slot] == stamp) {
      if (keys[slot] == key) {
        return values[slot];
      }
      slot = (slot + 1) & mask;
    }
    stamps[slot] = stamp;
    keys[slot] = key;
    values[slot] = value;
    return -1;
  }
}
