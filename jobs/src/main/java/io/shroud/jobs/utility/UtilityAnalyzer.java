package io.shroud.jobs.utility;

import io.shroud.core.policy.UtilitySettings;
import io.shroud.core.utility.UtilityAccumulator;
import io.shroud.core.utility.UtilityFinisher;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Runs the utility comparison of two samples ({@code shroud compare}) on Spark in one job: each
 * partition folds its rows into a {@link UtilityAccumulator}; the partial results are shuffled to a
 * single task that merges them and applies the disclosure rules ({@link UtilityFinisher}). Only that
 * task's aggregates reach the driver, no value of the samples. No Spark SQL aggregation is planned
 * or compiled, so the cost is one pass over the samples plus one small shuffle, whatever the number
 * of columns.
 */
public final class UtilityAnalyzer {
  private UtilityAnalyzer() {}

  /**
   * Rows joined on a key: a struct column {@code before} and a struct column {@code after}, either
   * null when the key is on one side only.
   */
  public static UtilityFinisher.Result joined(Dataset<Row> frame, StructType beforeSchema, StructType afterSchema,
      UtilitySettings settings) {
    RowValues values = new RowValues(beforeSchema, afterSchema, Set.of());
    JavaRDD<UtilityAccumulator> partials = frame.javaRDD().mapPartitions(rows -> {
      UtilityAccumulator acc = new UtilityAccumulator(values.layout());
      rows.forEachRemaining(row -> acc.addPair(row.isNullAt(0) ? null : values.of(0, row.getStruct(0)),
          row.isNullAt(1) ? null : values.of(1, row.getStruct(1))));
      return List.of(acc).iterator();
    });
    return finish(partials, values, settings, true);
  }

  /** Two unpaired samples: distributions only. */
  public static UtilityFinisher.Result separate(Dataset<Row> before, StructType beforeSchema, Dataset<Row> after,
      StructType afterSchema, UtilitySettings settings) {
    RowValues values = new RowValues(beforeSchema, afterSchema, Set.of());
    JavaRDD<UtilityAccumulator> partials = side(before, 0, values).union(side(after, 1, values));
    return finish(partials, values, settings, false);
  }

  private static JavaRDD<UtilityAccumulator> side(Dataset<Row> frame, int side, RowValues values) {
    return frame.javaRDD().mapPartitions(rows -> {
      UtilityAccumulator acc = new UtilityAccumulator(values.layout());
      rows.forEachRemaining(row -> acc.addSide(side, values.of(side, row)));
      return List.of(acc).iterator();
    });
  }

  private static UtilityFinisher.Result finish(JavaRDD<UtilityAccumulator> partials, RowValues values,
      UtilitySettings settings, boolean paired) {
    int k = settings.k();
    int top = settings.topCategories();
    // One task merges the partial results and keeps only aggregates; the sample's values stay in it.
    return partials.repartition(1).mapPartitions((Iterator<UtilityAccumulator> it) -> {
      UtilityAccumulator merged = new UtilityAccumulator(values.layout());
      it.forEachRemaining(merged::merge);
      return List.of(UtilityFinisher.finish(merged, k, top, paired)).iterator();
    }).collect().get(0);
  }
}
