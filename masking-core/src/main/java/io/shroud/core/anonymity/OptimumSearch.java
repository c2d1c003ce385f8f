package io.shroud.core.anonymity;

import java.util.Arrays;
import java.util.Comparator;
import java.util.OptionalInt;

/**
 * Best-first search of the lattice with monotonicity pruning (in the spirit of ARX Flash/OLA).
 *
 * <p>Two facts drive it. (1) Privacy is monotone: if a node satisfies the requirements all its
 * successors do, and if it fails all its predecessors fail; each evaluation therefore labels a whole
 * up-set or down-set, and a node's status is found by binary search on a path above it
 * ({@link PrivacyTagger}). (2) Every metric has a cheap lower bound that never decreases along
 * generalization (ENTROPY and HEIGHT are that bound exactly; LOSS ignoring suppression; 0 for
 * DISCERNIBILITY). Nodes are visited in (bound, total level, level vector) order, which is exactly the
 * tie-break order, so for ENTROPY and HEIGHT the first satisfying node is the optimum. For LOSS and
 * DISCERNIBILITY suppression can make a more general node better, so the search continues until the
 * bound exceeds the best value found, skipping up-sets that provably cannot win.
 */
final class OptimumSearch {
  private static final byte PRUNED = 1;

  private final Lattice lattice;
  private final TransformationEvaluator evaluator;
  private final Metric metric;
  private long evaluated;

  private int best = -1;
  private double bestValue;
  private int bestHeight;

  OptimumSearch(Lattice lattice, TransformationEvaluator evaluator, Metric metric) {
    this.lattice = lattice;
    this.evaluator = evaluator;
    this.metric = metric;
  }

  long evaluated() {
    return evaluated;
  }

  OptionalInt run() {
    byte[] privacy = new byte[lattice.size];
    double[] bound = new double[lattice.size];
    int[] heights = new int[lattice.size];
    for (int node = 0; node < lattice.size; node++) {
      int[] levels = lattice.levels(node);
      bound[node] = cheapBound(levels);
      heights[node] = TransformationEvaluator.height(levels);
    }
    PrivacyTagger tagger = new PrivacyTagger(lattice, evaluator, bound, privacy);
    try {
      if (!tagger.satisfies(lattice.top())) {
        return OptionalInt.empty(); // nothing is more general than all "*": no transformation can satisfy
      }
      int[] order = visitingOrder(bound, heights);
      if (metric.independentOfClasses()) {
        for (int node : order) {
          if (tagger.satisfiesViaPath(node)) {
            return OptionalInt.of(node); // visiting order is (metric, total level, levels): the first one wins
          }
        }
        throw new IllegalStateException("unreachable: the top node satisfies");
      }
      byte[] pruned = new byte[lattice.size];
      for (int node : order) {
        if (best >= 0 && bound[node] > bestValue) {
          break; // every remaining node's metric is at least its bound, which exceeds the best value
        }
        if (pruned[node] == PRUNED || !tagger.satisfiesViaPath(node)) {
          continue;
        }
        int[] levels = lattice.levels(node);
        assess(levels); // for the classes: the tagger may have labelled it without evaluating it
        offer(node, evaluator.metric(metric, levels), heights[node]);
        if (evaluator.suppressedRecords == 0) {
          // Successors suppress nothing either, so their Loss/Discernibility is no lower, and they lose ties.
          pruneSuccessors(node, pruned);
        } else if (metric == Metric.DISCERNIBILITY) {
          double successorsBound = evaluator.discernibilityBoundForSuccessors();
          if (successorsBound > bestValue || (successorsBound == bestValue && bestHeight <= heights[node])) {
            pruneSuccessors(node, pruned);
          }
        }
      }
      return best >= 0 ? OptionalInt.of(best) : OptionalInt.empty();
    } finally {
      evaluated += tagger.evaluated();
    }
  }
  private boolean assess(int[] levels) {
    evaluated++;
    evaluator.assess(levels);
    return evaluator.satisfies;
  }

  private double cheapBound(int[] levels) {
    return switch (metric) {
      case ENTROPY -> evaluator.entropy(levels);
      case HEIGHT -> TransformationEvaluator.height(levels);
      case LOSS -> evaluator.generalizationLoss(levels);
      case DISCERNIBILITY -> 0;
    };
  }

  private void offer(int node, double value, int height) {
    boolean better = best < 0 || value < bestValue
        || (value == bestValue && (height < bestHeight || (height == bestHeight && node < best)));
    if (better) {
      best = node;
      bestValue = value;
      bestHeight = height;
    }
  }

  private void pruneSuccessors(int node, byte[] pruned) {
    int[] levels = lattice.levels(node);
    for (int a = 0; a < levels.length; a++) {
      if (levels[a] + 1 < lattice.height(a)) {
        levels[a]++;
        lattice.markUp(lattice.node(levels), pruned, PRUNED);
        levels[a]--;
      }
    }
  }

  /** Node numbers sorted by (bound, total level, node number = lexicographic level order). */
  private int[] visitingOrder(double[] bound, int[] heights) {
    Integer[] nodes = new Integer[lattice.size];
    for (int i = 0; i < nodes.length; i++) {
      nodes[i] = i;
    }
    Arrays.sort(nodes, Comparator.<Integer>comparingDouble(n -> bound[n])
        .thenComparingInt(n -> heights[n])
        .thenComparingInt(n -> n));
    return Arrays.stream(nodes).mapToInt(Integer::intValue).toArray();
  }
}
