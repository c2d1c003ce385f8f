package io.shroud.core.anonymity;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the optimal full-domain generalization of a frequency table (see {@link OptimumSearch}).
 * Ties between equally good transformations go to the lowest total level, then to the
 * lexicographically smallest level vector. Instances reuse buffers and are not thread-safe.
 */
public final class AnonymitySearch {
  private final List<String> attributes;
  private final AnonymityRequirements requirements;
  private final EncodedTable table;
  private final TransformationEvaluator evaluator;
  private final Lattice lattice;
  private long nodesEvaluated;

  public AnonymitySearch(FrequencyTable table, List<Hierarchy> hierarchies, AnonymityRequirements requirements) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(hierarchies, "hierarchies");
    this.requirements = Objects.requireNonNull(requirements, "requirements");
    this.attributes = table.attributes();
    this.table = new EncodedTable(table, List.copyOf(hierarchies));
    if (requirements.l() > 1 && this.table.recordsWithoutSensitive > 0) {
      throw new IllegalArgumentException("Cannot check l-diversity (l = " + requirements.l() + "): "
          + this.table.recordsWithoutSensitive + " records were added without a sensitive value");
    }
    this.evaluator = new TransformationEvaluator(this.table, requirements);
    this.lattice = new Lattice(this.table.heights);
  }

  /** The optimal full-domain transformation, or empty when none satisfies the requirements (not even all "*"). */
  public Optional<Evaluation> optimum() {
    OptimumSearch search = new OptimumSearch(lattice, evaluator, requirements.metric());
    OptionalInt node = search.run();
    nodesEvaluated = search.evaluated();
    return node.isPresent() ? Optional.of(evaluator.evaluation(lattice.levels(node.getAsInt()))) : Optional.empty();
  }

  /** Evaluates one transformation (levels per attribute in table order). */
  public Evaluation evaluate(int[] levels) {
    checkLevels(levels);
    return evaluator.evaluation(levels);
  }

  /** How many lattice nodes the last optimum() call evaluated (for the report and benchmark). */
  public long nodesEvaluated() {
    return nodesEvaluated;
  }

  /** Number of transformations in the lattice. */
  public long latticeSize() {
    return lattice.size;
  }

  /**
   * Which generalized tuples (by level-0 tuple) are suppressed under a transformation: used to apply
   * suppression row by row. Tuples absent from the frequency table are reported as suppressed, as
   * nothing is known about their class. The predicate is serializable (e.g. for a Spark broadcast).
   */
  public Predicate<String[]> suppressedUnder(int[] levels) {
    checkLevels(levels);
    evaluator.assess(levels);
    Set<FrequencyTable.Tuple> kept = new HashSet<>();
    for (int t = 0; t < table.tuples; t++) {
      if (!evaluator.tupleSuppressed(t)) {
        String[] values = new String[table.attributes];
        for (int a = 0; a < table.attributes; a++) {
          values[a] = table.values[a][table.codes[a][t]];
        }
        kept.add(new FrequencyTable.Tuple(values));
      }
    }
    return new SuppressedTuples(kept, table.attributes);
  }

  private void checkLevels(int[] levels) {
    Objects.requireNonNull(levels, "levels");
    if (levels.length != table.attributes) {
      throw new IllegalArgumentException("Invalid transformation " + Arrays.toString(levels) + ": expected "
          + table.attributes + " levels " + attributes);
    }
    for (int a = 0; a < levels.length; a++) {
      if (levels[a] < 0 || levels[a] >= table.heights[a]) {
        throw new IllegalArgumentException("Invalid transformation " + Arrays.toString(levels) + ": level "
            + levels[a] + " of '" + attributes.get(a) + "' outside 0.." + (table.heights[a] - 1));
      }
    }
  }

  /** Membership test against the tuples kept under one transformation. */
  private static final class SuppressedTuples implements Predicate<String[]>, Serializable {
    private static final long serialVersionUID = 1L;
    private final Set<FrequencyTable.Tuple> kept;
    private final int attributes;

    SuppressedTuples(Set<FrequencyTable.Tuple> kept, int attributes) {
      this.kept = kept;
      this.attributes = attributes;
    }

    @Override
    public boolean test(String[] qiValues) {
      if (qiValues.length != attributes) {
        throw new IllegalArgumentException("Invalid QI tuple: expected " + attributes + " values, got "
            + qiValues.length);
      }
      return !kept.contains(new FrequencyTable.Tuple(qiValues));
    }
  }
}
