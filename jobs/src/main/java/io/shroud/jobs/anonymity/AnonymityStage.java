package io.shroud.jobs.anonymity;

import io.shroud.core.anonymity.AnonymityRequirements;
import io.shroud.core.anonymity.AnonymitySearch;
import io.shroud.core.anonymity.Evaluation;
import io.shroud.core.anonymity.FrequencyTable;
import io.shroud.core.anonymity.Hierarchy;
import io.shroud.core.anonymity.Metric;
import io.shroud.core.audit.AnonymityAudit;
import io.shroud.core.policy.AnonymitySettings;
import io.shroud.jobs.spark.CountersAccumulator;
import io.shroud.jobs.spark.ProfileStage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * k-anonymity with the least information loss. The heavy work happens once in Spark: the data is
 * aggregated to its frequency table over the quasi-identifiers (one row per distinct combination,
 * with its count). The lattice search runs on that table in the driver, so its cost grows with the
 * number of distinct combinations, not with rows. The winning transformation and the suppression of
 * too-small classes are then applied to the rows in Spark, with the hierarchies broadcast.
 */
public final class AnonymityStage {
  private static final String SEP = "\u0001";

  private AnonymityStage() {}

  /**
   * The search's outcome.
   *
   * @param settings the requirements
   * @param hierarchies one per quasi-identifier
   * @param optimum the best transformation, or empty when none satisfies the requirements
   * @param suppressed keys of level-0 tuples whose records are suppressed under the optimum
   * @param nodesEvaluated lattice nodes evaluated
   * @param searchMillis search time in the driver (excluding the Spark aggregation)
   * @param distinctTuples rows of the frequency table
   * @param records records in the input
   */
  public record Search(AnonymitySettings settings, List<Hierarchy> hierarchies, Optional<Evaluation> optimum,
      Set<String> suppressed, long nodesEvaluated, long searchMillis, long distinctTuples, long records) {

    /** The audit's {@code anonymity} section as the search leaves it (before any data is written). */
    public AnonymityAudit toAudit() {
      AnonymityAudit.Search search = new AnonymityAudit.Search(settings.k(), settings.l(), settings.maxSuppression(),
          settings.metric(), settings.quasiIdentifierNames(), List.copyOf(settings.sensitive().keySet()), records,
          distinctTuples, nodesEvaluated, searchMillis);
      return AnonymityAudit.searched(search, optimum.map(this::optimumAudit).orElse(null));
    }

    private AnonymityAudit.Optimum optimumAudit(Evaluation e) {
      Map<String, Integer> levels = new LinkedHashMap<>();
      Map<String, String> explained = new LinkedHashMap<>();
      for (int i = 0; i < e.levels().length; i++) {
        String name = settings.quasiIdentifierNames().get(i);
        levels.put(name, e.levels()[i]);
        explained.put(name, LevelText.describe(settings.quasiIdentifiers().get(i), e.levels()[i],
            hierarchies.get(i).height()));
      }
      return new AnonymityAudit.Optimum(levels, explained, e.suppressedRecords(),
          settings.dropSuppressed() ? "dropped" : "quasi-identifiers set to *", e.classes(), e.smallestClass(),
          e.classSizeHistogram(), new AnonymityAudit.Metrics(e.discernibility(), e.entropy(), e.height(), e.loss()));
    }
  }

  /** Aggregates the input in Spark and searches the lattice in the driver. */
  public static Search search(Dataset<Row> input, AnonymitySettings settings) {
    List<String> qis = settings.quasiIdentifierNames();
    String sensitive = settings.sensitive().keySet().stream().findFirst().orElse(null);
    List<Column> columns = new ArrayList<>();
    for (String qi : qis) {
      columns.add(text(qi).as("q" + columns.size()));
    }
    if (sensitive != null) {
      columns.add(text(sensitive).as("s"));
    }
    List<Column> groups = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      groups.add(functions.col(i < qis.size() ? "q" + i : "s"));
    }
    List<Row> grouped = input.select(columns.toArray(Column[]::new)).groupBy(groups.toArray(Column[]::new)).count()
        .collectAsList();
    FrequencyTable table = new FrequencyTable(qis);
    List<Set<String>> values = new ArrayList<>();
    qis.forEach(q -> values.add(new LinkedHashSet<>()));
    Map<String, String[]> tuples = new LinkedHashMap<>();
    long records = 0;
    for (Row row : grouped) {
      String[] tuple = new String[qis.size()];
      for (int i = 0; i < tuple.length; i++) {
        tuple[i] = row.getString(i);
        values.get(i).add(tuple[i]);
      }
      long count = row.getLong(row.length() - 1);
      records += count;
      if (sensitive == null) {
        table.add(tuple, count);
      } else {
        table.add(tuple, count, row.getString(qis.size()));
      }
      tuples.putIfAbsent(String.join(SEP, tuple), tuple);
    }
    List<Hierarchy> hierarchies = new ArrayList<>();
    for (int i = 0; i < qis.size(); i++) {
      hierarchies.add(hierarchy(settings.quasiIdentifiers().get(i), values.get(i)));
    }
    AnonymityRequirements requirements = new AnonymityRequirements(settings.k(), settings.maxSuppression(),
        Metric.valueOf(settings.metric().toUpperCase(Locale.ROOT)), settings.l());
    long start = System.nanoTime();
    AnonymitySearch search = new AnonymitySearch(table, hierarchies, requirements);
    Optional<Evaluation> optimum = search.optimum();
    long millis = (System.nanoTime() - start) / 1_000_000;
    Set<String> suppressed = new HashSet<>();
    optimum.ifPresent(best -> {
      var predicate = search.suppressedUnder(best.levels());
      tuples.forEach((key, tuple) -> {
        if (predicate.test(tuple)) {
          suppressed.add(key);
        }
      });
    });
    return new Search(settings, hierarchies, optimum, suppressed, search.nodesEvaluated(), millis, tuples.size(), records);
  }

  static Hierarchy hierarchy(AnonymitySettings.QuasiIdentifier qi, Set<String> values) {
    return switch (qi.kind()) {
      case HIERARCHY -> Hierarchy.fromRows(qi.hierarchyRows());
      case PREFIX -> Hierarchy.prefixes(values, qi.prefixLevels());
      case RANGES -> Hierarchy.numericRanges(values, qi.widths());
      case DATES -> Hierarchy.dates(values);
    };
  }

  /** Applies the optimum: generalizes the quasi-identifiers and suppresses (or drops) the records of small classes. */
  public static Dataset<Row> apply(Dataset<Row> frame, Search search) {
    return apply(frame, search, null);
  }

  /**
   * As {@link #apply(Dataset, Search)}, counting per quasi-identifier the cells whose value changed
   * (generalized or suppressed) into {@code changedCells}, when given.
   */
  public static Dataset<Row> apply(Dataset<Row> frame, Search search, CountersAccumulator<String> changedCells) {
    List<String> qis = search.settings().quasiIdentifierNames();
    StructType schema = frame.schema();
    StructType out = new StructType();
    for (StructField field : schema.fields()) {
      out = out.add(qis.contains(field.name())
          ? new StructField(field.name(), DataTypes.StringType, true, field.metadata()) : field);
    }
    Broadcast<Transformation> shared = JavaSparkContext.fromSparkContext(frame.sparkSession().sparkContext())
        .broadcast(transformation(search, schema));
    return frame.mapPartitions(new ApplyPartition(shared, qis, changedCells), Encoders.row(out));
  }

  /**
   * The optimum as a function of one row of {@code schema}: the generalized row, or null when the
   * record is suppressed and dropped. For the utility sample, which sees rows before this stage.
   */
  public static RowTransform rowTransform(Search search, StructType schema) {
    return transformation(search, schema);
  }

  private static Transformation transformation(Search search, StructType schema) {
    int[] indexes = search.settings().quasiIdentifierNames().stream().mapToInt(schema::fieldIndex).toArray();
    int[] levels = search.optimum().orElseThrow().levels();
    return new Transformation(search.hierarchies(), levels, indexes, search.suppressed(), search.settings().dropSuppressed());
  }

  /** A row's generalization under the optimum. */
  public interface RowTransform extends Serializable {
    /** The generalized row, or null when the record is suppressed and dropped. */
    Row apply(Row row);
  }

  private static Column text(String column) {
    return functions.coalesce(ProfileStage.quoted(column).cast("string"), functions.lit(""));
  }

  /** The winning transformation, broadcast once to every executor. */
  record Transformation(List<Hierarchy> hierarchies, int[] levels, int[] indexes, Set<String> suppressed, boolean drop)
      implements RowTransform {

    @Override
    public Row apply(Row row) {
      String[] tuple = new String[indexes.length];
      for (int q = 0; q < tuple.length; q++) {
        Object v = row.get(indexes[q]);
        tuple[q] = v == null ? "" : String.valueOf(v);
      }
      boolean isSuppressed = suppressed.contains(String.join(SEP, tuple));
      if (isSuppressed && drop) {
        return null;
      }
      Object[] cells = new Object[row.size()];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = row.get(i);
      }
      for (int q = 0; q < tuple.length; q++) {
        int index = indexes[q];
        cells[index] = isSuppressed ? "*"
            : levels[q] == 0 ? (row.isNullAt(index) ? null : tuple[q])
            : hierarchies.get(q).generalize(tuple[q], levels[q]);
      }
      return RowFactory.create(cells);
    }
  }

  private static final class ApplyPartition implements MapPartitionsFunction<Row, Row> {
    private final Broadcast<Transformation> shared;
    private final List<String> names;
    private final CountersAccumulator<String> changedCells;

    ApplyPartition(Broadcast<Transformation> shared, List<String> names, CountersAccumulator<String> changedCells) {
      this.shared = shared;
      this.names = List.copyOf(names);
      this.changedCells = changedCells;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      Transformation t = shared.value();
      return new Iterator<>() {
        private final long[] changed = new long[t.indexes().length];
        private Row next;
        private boolean flushed;

        @Override
        public boolean hasNext() {
          while (next == null && rows.hasNext()) {
            Row row = rows.next();
            next = t.apply(row);
            if (next != null && changedCells != null) {
              count(row, next);
            }
          }
          if (next == null) {
            flush();
          }
          return next != null;
        }

        /** Counts the quasi-identifier cells the transformation changed (as text, as the search saw them). */
        private void count(Row before, Row after) {
          for (int q = 0; q < changed.length; q++) {
            int index = t.indexes()[q];
            Object original = before.isNullAt(index) ? null : String.valueOf(before.get(index));
            if (!Objects.equals(after.get(index), original)) {
              changed[q]++;
            }
          }
        }

        private void flush() {
          if (flushed || changedCells == null) {
            return;
          }
          flushed = true;
          Map<String, Long> counts = new LinkedHashMap<>();
          for (int q = 0; q < changed.length; q++) {
            counts.put(names.get(q), changed[q]);
          }
          changedCells.add(counts);
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          Row result = next;
          next = null;
          return result;
        }
      };
    }
  }
}
