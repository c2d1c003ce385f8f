package io.shroud.core.detect.ner;

import java.util.Arrays;

/**
 * The tokenizer's decisions at cuts where neither the prefix nor the suffix of the piece is a feature
 * its model knows. The sum at such a cut is made only of the four characters around it and the
 * piece's edges, added in a fixed order, so the same window always gives the same decision, bit for
 * bit. Unique pieces (e-mail addresses, handles, codes) are mostly such cuts: in the chat benchmark's
 * addresses, 80% of the model's evaluations, over 3,330 distinct windows. Open addressing over a fixed
 * table: once it is three-quarters full nothing more is added (lookups still answer). Not thread-safe:
 * one per {@link FastTokenizer}.
 */
final class WindowMemo {
  static final int CAPACITY = 1 << 13;
  private static final int MAX_ENTRIES = CAPACITY / 4 * 3;
  /** Marks a character outside the piece (before its start, after its end). */
  private static final int EDGE = 128;

  private final long[] keys = new long[CAPACITY];
  private final boolean[] cuts = new boolean[CAPACITY];
  private int size;

  WindowMemo() {
    Arrays.fill(keys, -1L);
  }

  /**
   * The key of the cut before {@code piece.charAt(j)} (1 <= j < length), or -1 when a character of its
   * window is not ASCII (those are left to the model: rare, and the key packs seven bits per character).
   */
  static long key(String piece, int j, boolean characterEntity) {
    int length = piece.length();
    int before2 = j > 1 ? piece.charAt(j - 2) : EDGE;
    int before1 = piece.charAt(j - 1);
    int at = piece.charAt(j);
    int after = j + 1 < length ? piece.charAt(j + 1) : EDGE;
    if ((j > 1 && before2 >= EDGE) || before1 >= EDGE || at >= EDGE || (j + 1 < length && after >= EDGE)) {
      return -1;
    }
    return before2 | (long) before1 << 8 | (long) at << 16 | (long) after << 24 | (characterEntity ? 1L << 32 : 0);
  }

  /** 1 for a cut, 0 for none, -1 when the window has not been seen. */
  int get(long key) {
    for (int slot = slot(key); ; slot = (slot + 1) & (CAPACITY - 1)) {
      if (keys[slot] == key) {
        return cuts[slot] ? 1 : 0;
      }
      if (keys[slot] < 0) {
        return -1;
      }
    }
  }

  void put(long key, boolean cut) {
    if (size >= MAX_ENTRIES) {
      return;
    }
    int slot = slot(key);
    while (keys[slot] >= 0 && keys[slot] != key) {
      slot = (slot + 1) & (CAPACITY - 1);
    }
    if (keys[slot] < 0) {
      size++;
    }
    keys[slot] = key;
    cuts[slot] = cut;
  }

  int size() {
    return size;
  }

  private static int slot(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - Integer.numberOfTrailingZeros(CAPACITY)));
  }
}
