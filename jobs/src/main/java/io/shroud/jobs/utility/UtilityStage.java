package io.shroud.jobs.utility;

import io.shroud.core.ShroudException;
import io.shroud.core.anonymity.Evaluation;
import io.shroud.core.anonymity.Metric;
import io.shroud.core.operator.PerturbSpec;
import io.shroud.core.plan.ColumnPlan;
import io.shroud.core.plan.MaskingPlan;
import io.shroud.core.plan.Treatment;
import io.shroud.core.policy.AnonymitySettings;
import io.shroud.core.policy.UtilitySettings;
import io.shroud.core.utility.ClassSizes;
import io.shroud.core.utility.ColumnUtility;
import io.shroud.core.utility.LevelMeaning;
import io.shroud.core.utility.UtilityAccumulator;
import io.shroud.core.utility.UtilityFinisher;
import io.shroud.core.utility.UtilityReport;
import io.shroud.jobs.anonymity.AnonymityStage;
import io.shroud.jobs.spark.InputReader;
import io.shroud.jobs.spark.MaskStage;
import io.shroud.jobs.spark.PairObserver;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

/**
 * The utility section of a sanitize run, drawn from the masking pass itself ({@link UtilityTap}):
 * each partition keeps a uniform reservoir of its rows, each original next to the masked row that is
 * written (generalized like the output under k-anonymity), and compares them in the task; the driver
 * merges the partitions' results and keeps only aggregates ({@link UtilityFinisher}). Nothing is read
 * or masked a second time, and a perturbation's noise is the noise written.
 */
public final class UtilityStage {
  private static final long SEED = 20_261_122L;

  private final UtilitySettings settings;
  private final MaskingPlan plan;
  private final Optional<AnonymityStage.Search> anonymity;
  private final UtilityTap tap;
  private final int partitions;
  private final int capacity;
  private final LongAccumulator taskNanos;

  private UtilityStage(UtilitySettings settings, MaskingPlan plan, Optional<AnonymityStage.Search> anonymity,
      UtilityTap tap, int partitions, int capacity, LongAccumulator taskNanos) {
    this.settings = settings;
    this.plan = plan;
    this.anonymity = anonymity;
    this.tap = tap;
    this.partitions = partitions;
    this.capacity = capacity;
    this.taskNanos = taskNanos;
  }

  /** Prepares the sample for a masking pass over {@code input} (nothing happens when the section is off). */
  public static UtilityStage start(UtilitySettings settings, InputReader.Input input, MaskingPlan plan,
      Optional<AnonymityStage.Search> anonymity) {
    if (!settings.enabled()) {
      return new UtilityStage(settings, plan, anonymity, null, 0, 0, null);
    }
    SparkContext sc = input.frame().sparkSession().sparkContext();
    int partitions = Math.max(1, input.frame().javaRDD().getNumPartitions());
    int capacity = (int) Math.ceil((double) settings.sample() / partitions);
    StructType written = MaskStage.outputSchema(input.dataSchema(), plan);
    LongAccumulator nanos = sc.longAccumulator("shroud.utility.nanos");
    UtilityTap tap = new UtilityTap(sc, capacity, SEED, new RowValues(input.dataSchema(), written, Set.of()), plan,
        anonymity.map(a -> JavaSparkContext.fromSparkContext(sc).broadcast(AnonymityStage.rowTransform(a, written)))
            .orElse(null), nanos);
    return new UtilityStage(settings, plan, anonymity, tap, partitions, capacity, nanos);
  }

  /** What the masking pass calls for each row, or null when the section is off. */
  public PairObserver observer() {
    return tap;
  }

  /**
   * The section, once the masking pass has run; {@code rows} is the number of well-formed rows masked.
   * The section informs, it does not protect: if computing it fails, the run goes on and the audit
   * says so (naming the failure's class only, as foreign messages may quote data).
   */
  public UtilityReport report(long rows) {
    if (tap == null) {
      return UtilityReport.notComputed("off", "turned off by utility.sample: off");
    }
    try {
      return compute(rows);
    } catch (RuntimeException e) {
      String reason = "Cannot compute the utility section: " + (e instanceof ShroudException
          ? e.getMessage() : e.getClass().getName());
      System.err.println("shroud: warning: " + reason);
      return UtilityReport.notComputed("failed", reason);
    }
  }

  /**
   * {@link #report}, computed on a thread of its own from now on, so the driver's summary of the
   * sample overlaps what the run does next (the residual rescan) instead of following it. The
   * partitions' results are final once the masking pass has returned. The answer is asked for with
   * {@code get()}; an error in the summary's thread is thrown there.
   */
  public Supplier<UtilityReport> reportInBackground(long rows) {
    if (tap == null) {
      return () -> report(rows);
    }
    CompletableFuture<UtilityReport> answer = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        answer.complete(report(rows));
      } catch (Throwable e) {
        answer.completeExceptionally(e);
      }
    }, "shroud-utility-summary");
    thread.setDaemon(true);
    thread.start();
    return answer::join;
  }

  private UtilityReport compute(long rows) {
    long start = System.nanoTime();
    Map<Integer, UtilityAccumulator> partials = tap.partials();
    if (partials.isEmpty() || rows == 0) {
      return UtilityReport.notComputed("skipped", "the input has no well-formed rows");
    }
    UtilityAccumulator merged = new UtilityAccumulator(tap.layout(), true);
    partials.values().forEach(merged::merge);
    Set<String> shuffled = plan.columns().stream().filter(c -> c.treatment() == Treatment.SHUFFLE).map(ColumnPlan::name)
        .collect(Collectors.toCollection(TreeSet::new));
    UtilityFinisher.Result result =
        UtilityFinisher.finish(merged, settings.k(), settings.topCategories(), true, shuffled);
    Map<String, String> treatments = treatments(plan, anonymity);
    List<ColumnUtility> columns =
        result.columns().stream().map(c -> c.withTreatment(treatments.get(c.name()))).toList();
    long millis = (System.nanoTime() - start) / 1_000_000 + taskNanos.value() / 1_000_000;
    return new UtilityReport(UtilityReport.COMPUTED, null, "sanitize", rows, result.rowsBefore(), result.rowsAfter(),
        String.format(Locale.ROOT, "drawn while masking: a uniform reservoir of up to %d rows from each of %d input "
            + "partition(s) (Spark splits the input into partitions of similar size), seed %d",
            capacity, partitions, SEED),
        "each sampled row paired with the masked row written for it (generalized under k-anonymity; shuffled columns "
            + "compared as distributions)",
        settings.k(), settings.kOrigin(), millis, result.rows(), columns, result.correlations(),
        anonymity.map(UtilityStage::quasiIdentifiers).orElse(null), result.notes());
  }

  static String baseName(String name) {
    return name.endsWith(" [otherwise]") ? name.substring(0, name.length() - " [otherwise]".length()) : name;
  }

  /** What the run did to each column, in words. */
  static Map<String, String> treatments(MaskingPlan plan, Optional<AnonymityStage.Search> anonymity) {
    Map<String, String> treatments = new LinkedHashMap<>();
    List<String> qis = anonymity.map(a -> a.settings().quasiIdentifierNames()).orElse(List.of());
    for (ColumnPlan c : plan.columns()) {
      if (c.name().endsWith(" [otherwise]") || treatments.containsKey(c.name())) {
        continue;
      }
      String label = switch (c.treatment()) {
        case KEEP -> qis.contains(c.name()) ? "k-anonymity: generalized" : "keep";
        case DROP -> "drop";
        case SHUFFLE -> "shuffle";
        case SCAN_TEXT -> "detect: spans masked";
        case SCAN_NUMBER -> "detect: numbers holding PII nulled";
        case MASK_VALUE -> c.operator().map(op -> op instanceof PerturbSpec p
            ? "perturb (" + p.kind().yamlName() + ")" : op.action()).orElse("mask");
      };
      treatments.put(c.name(), label + (c.condition().isPresent() ? " (conditional)" : ""));
    }
    return treatments;
  }

  static UtilityReport.QuasiIdentifierUtility quasiIdentifiers(AnonymityStage.Search search) {
    AnonymitySettings settings = search.settings();
    Evaluation e = search.optimum().orElseThrow();
    List<UtilityReport.Level> levels = new ArrayList<>();
    for (int i = 0; i < settings.quasiIdentifiers().size(); i++) {
      var hierarchy = search.hierarchies().get(i);
      levels.add(new UtilityReport.Level(settings.quasiIdentifierNames().get(i), e.levels()[i], hierarchy.height() - 1,
          LevelMeaning.of(settings.quasiIdentifiers().get(i), hierarchy, e.levels()[i])));
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (Metric m : Metric.values()) {
      metrics.put(m.name().toLowerCase(Locale.ROOT), precise(e.metricValue(m)));
    }
    return new UtilityReport.QuasiIdentifierUtility("the k-anonymity search over all input rows", settings.metric(),
        precise(e.metricValue(Metric.valueOf(settings.metric().toUpperCase(Locale.ROOT)))), metrics, settings.k(),
        settings.l(), search.records(), e.suppressedRecords(),
        settings.dropSuppressed() ? "dropped" : "quasi-identifiers set to *", e.classes(), e.smallestClass(), levels,
        ClassSizes.bucket(e.classSizeHistogram(), settings.k()));
  }

  private static double precise(double value) {
    return Double.isFinite(value) ? new BigDecimal(value).round(new MathContext(8)).doubleValue() : value;
  }
}
