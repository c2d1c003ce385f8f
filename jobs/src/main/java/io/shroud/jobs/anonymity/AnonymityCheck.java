package io.shroud.jobs.anonymity;

import io.shroud.core.audit.AnonymityAudit;
import io.shroud.jobs.spark.ProfileStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Measures k-anonymity and distinct l-diversity of a data set as it is, with Spark aggregations
 * (nothing but class sizes reaches the driver): equivalence classes over the quasi-identifiers,
 * smallest class, records in classes smaller than k, class-size histogram, and the smallest number
 * of distinct sensitive values in a class. Records whose quasi-identifiers are all {@code *} were
 * suppressed and are counted apart.
 */
public final class AnonymityCheck {
  private AnonymityCheck() {}

  /**
   * The result.
   *
   * @param records records checked (including suppressed)
   * @param suppressed records whose quasi-identifiers are all "*"
   * @param classes equivalence classes among the others
   * @param smallestClass size of the smallest class (0 when there are none)
   * @param recordsBelowK records in classes smaller than k
   * @param minDistinctSensitive smallest count of distinct sensitive values in a class (-1 without a sensitive column)
   * @param classesBelowL classes with fewer than l distinct sensitive values
   * @param histogram class size to number of classes
   * @param k the k checked
   * @param l the l checked
   */
  public record Result(long records, long suppressed, long classes, long smallestClass, long recordsBelowK,
      long minDistinctSensitive, long classesBelowL, Map<Long, Long> histogram, int k, int l) {

    public boolean satisfied() {
      return recordsBelowK == 0 && classesBelowL == 0;
    }

    /** The audit's {@code anonymity.recheck}. */
    public AnonymityAudit.Recheck toAudit() {
      boolean sensitive = minDistinctSensitive >= 0;
      return new AnonymityAudit.Recheck(histogram, classes, sensitive ? classesBelowL : null, k, l, records, recordsBelowK,
          satisfied(), smallestClass, sensitive ? minDistinctSensitive : null, suppressed);
    }
  }

  public static Result check(Dataset<Row> frame, List<String> quasiIdentifiers, String sensitiveOrNull, int k, int l) {
    List<Column> qis = new ArrayList<>();
    Column allSuppressed = functions.lit(true);
    for (String qi : quasiIdentifiers) {
      Column c = functions.coalesce(ProfileStage.quoted(qi).cast("string"), functions.lit(""));
      qis.add(c.as(qi));
      allSuppressed = allSuppressed.and(c.equalTo("*"));
    }
    Dataset<Row> marked = frame.select(functions.array(qis.toArray(Column[]::new)).as("qi"),
        allSuppressed.as("suppressed"),
        sensitiveOrNull == null ? functions.lit(null).cast("string").as("s")
            : functions.coalesce(ProfileStage.quoted(sensitiveOrNull).cast("string"), functions.lit("")).as("s"));
    Row totals = marked.agg(functions.count(functions.lit(1)),
        functions.sum(functions.when(functions.col("suppressed"), 1).otherwise(0))).first();
    long records = totals.getLong(0);
    long suppressed = totals.isNullAt(1) ? 0 : totals.getLong(1);
    Dataset<Row> classes = marked.filter(functions.not(functions.col("suppressed"))).groupBy("qi")
        .agg(functions.count(functions.lit(1)).as("n"), functions.countDistinct(functions.col("s")).as("d"))
        .cache();
    Row summary = classes.agg(functions.count(functions.lit(1)), functions.min("n"),
        functions.sum(functions.when(functions.col("n").lt(k), functions.col("n")).otherwise(0)),
        functions.min("d"), functions.sum(functions.when(functions.col("d").lt(l), 1).otherwise(0))).first();
    Map<Long, Long> histogram = new TreeMap<>();
    for (Row r : classes.groupBy("n").count().collectAsList()) {
      histogram.put(r.getLong(0), r.getLong(1));
    }
    classes.unpersist();
    long classCount = summary.getLong(0);
    return new Result(records, suppressed, classCount, classCount == 0 ? 0 : summary.getLong(1),
        summary.isNullAt(2) ? 0 : summary.getLong(2),
        sensitiveOrNull == null || classCount == 0 ? -1 : summary.getLong(3),
        sensitiveOrNull == null || summary.isNullAt(4) ? 0 : summary.getLong(4), histogram, k, l);
  }
}
