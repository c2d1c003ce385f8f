package io.shroud.core.anonymity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decides whether lattice nodes satisfy the requirements, remembering every answer: privacy being
 * monotone, each evaluation labels a whole up-set (satisfied) or down-set (failed). As in ARX's Flash,
 * a node whose status is unknown is decided by following a path of unknown successors towards the top
 * and binary-searching it for the lowest satisfying node; failures found high on the path label large
 * down-sets, which is what keeps the number of evaluations near the satisfied/failed boundary.
 */
final class PrivacyTagger {
  static final byte UNKNOWN = 0;
  static final byte SATISFIED = 1;
  static final byte FAILED = 2;

  private final Lattice lattice;
  private final TransformationEvaluator evaluator;
  private final double[] heuristic;
  private final byte[] privacy;
  private long evaluated;

  /** {@code heuristic}: per node, paths prefer the successor with the lowest value (e.g. the metric bound). */
  PrivacyTagger(Lattice lattice, TransformationEvaluator evaluator, double[] heuristic, byte[] privacy) {
    this.lattice = lattice;
    this.evaluator = evaluator;
    this.heuristic = heuristic;
    this.privacy = privacy;
  }

  long evaluated() {
    return evaluated;
  }

  /**
   * Status of a node, found by binary search on a path of unknown nodes from it to the top: costs a few
   * more evaluations than checking the node alone, but a failure high on the path labels a large down-set.
   */
  boolean satisfiesViaPath(int node) {
    if (privacy[node] == UNKNOWN) {
      checkPath(pathUpFrom(node));
    }
    return satisfies(node);
  }

  /** Status of a node, evaluating it (and labelling its up- or down-set) when unknown. */
  boolean satisfies(int node) {
    if (privacy[node] == UNKNOWN) {
      evaluated++;
      evaluator.assess(lattice.levels(node));
      if (evaluator.satisfies) {
        lattice.markUp(node, privacy, SATISFIED);
      } else {
        lattice.markDown(node, privacy, FAILED);
      }
    }
    return privacy[node] == SATISFIED;
  }

  private void checkPath(List<Integer> path) {
    int low = 0;
    int high = path.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int node = path.get(mid);
      if (satisfies(node)) {
        high = mid - 1;
      } else {
        low = mid + 1;
      }
    }
  }

  private List<Integer> pathUpFrom(int start) {
    List<Integer> path = new ArrayList<>();
    int node = start;
    while (node >= 0) {
      path.add(node);
      int next = -1;
      for (int successor : successors(node)) {
        if (privacy[successor] == UNKNOWN && (next < 0 || heuristic[successor] < heuristic[next])) {
          next = successor;
        }
      }
      node = next;
    }
    return path;
  }

  private int[] successors(int node) {
    int[] levels = lattice.levels(node);
    int[] successors = new int[levels.length];
    int count = 0;
    for (int a = 0; a < levels.length; a++) {
      if (levels[a] + 1 < lattice.height(a)) {
        levels[a]++;
        successors[count++] = lattice.node(levels);
        levels[a]--;
      }
    }
    return Arrays.copyOf(successors, count);
  }
}
