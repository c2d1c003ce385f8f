package io.shroud.core.anonymity;

import java.util.Arrays;

/**
 * The full-domain generalization lattice: one node per level vector, numbered in mixed radix with
 * attribute 0 most significant, so that node order is the lexicographic order of level vectors.
 */
final class Lattice {
  /** Far beyond anything a full-domain search can enumerate in reasonable time. */
  static final int MAX_NODES = 1 << 24;

  private final int[] heights;
  private final int[] strides;
  final int size;

  Lattice(int[] heights) {
    this.heights = heights.clone();
    this.strides = new int[heights.length];
    long size = 1;
    for (int a = heights.length - 1; a >= 0; a--) {
      strides[a] = (int) size;
      size *= heights[a];
      if (size > MAX_NODES) {
        throw new IllegalArgumentException("Cannot search a lattice of more than " + MAX_NODES
            + " transformations: use fewer quasi-identifiers or shorter hierarchies (heights "
            + Arrays.toString(heights) + ")");
      }
    }
    this.size = (int) size;
  }

  int[] levels(int node) {
    int[] levels = new int[heights.length];
    for (int a = 0; a < heights.length; a++) {
      levels[a] = node / strides[a] % heights[a];
    }
    return levels;
  }

  int node(int[] levels) {
    int node = 0;
    for (int a = 0; a < heights.length; a++) {
      node += levels[a] * strides[a];
    }
    return node;
  }

  int height(int attribute) {
    return heights[attribute];
  }

  int top() {
    return size - 1;
  }

  int totalLevel(int node) {
    int total = 0;
    for (int a = 0; a < heights.length; a++) {
      total += node / strides[a] % heights[a];
    }
    return total;
  }

  /**
   * Marks the node and all its successors (more general nodes) with {@code mark}. Nodes already marked
   * are not expanded: marks are only ever applied to whole up-sets, so theirs is marked already.
   */
  void markUp(int start, byte[] marks, byte mark) {
    mark(start, marks, mark, +1);
  }

  /** Marks the node and all its predecessors (more specific nodes), like {@link #markUp}. */
  void markDown(int start, byte[] marks, byte mark) {
    mark(start, marks, mark, -1);
  }

  private void mark(int start, byte[] marks, byte mark, int direction) {
    if (marks[start] == mark) {
      return;
    }
    int[] stack = new int[64];
    int depth = 0;
    marks[start] = mark;
    stack[depth++] = start;
    while (depth > 0) {
      int node = stack[--depth];
      for (int a = 0; a < heights.length; a++) {
        int level = node / strides[a] % heights[a];
        boolean canMove = direction > 0 ? level + 1 < heights[a] : level > 0;
        if (!canMove) {
          continue;
        }
        int neighbour = node + direction * strides[a];
        if (marks[neighbour] != mark) {
          marks[neighbour] = mark;
          if (depth == stack.length) {
            stack = Arrays.copyOf(stack, depth * 2);
          }
          stack[depth++] = neighbour;
        }
      }
    }
  }
}
