package io.shroud.jobs.spark;

import io.shroud.core.detect.ColumnProfile;
import io.shroud.core.detect.ColumnProfiler;
import io.shroud.core.detect.TextScanner;
import io.shroud.core.plan.ColumnInfo;
import io.shroud.core.policy.DetectionSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Classifies columns from the first {@code sampleSize} well-formed rows. The sample is held in the
 * driver's memory only for the duration of profiling; it is never logged or written.
 */
public final class ProfileStage {
  private ProfileStage() {}

  public static Map<String, ColumnProfile> profile(InputReader.Input input, List<ColumnInfo> columns,
      DetectionSettings settings) {
    Map<String, ColumnProfile> profiles = new LinkedHashMap<>();
    if (columns.isEmpty()) {
      return profiles;
    }
    List<Row> sample = sample(input, columns, settings.sampleSize());
    ColumnProfiler profiler = new ColumnProfiler(TextScanner.standard(settings), settings.classifyThreshold());
    for (int i = 0; i < columns.size(); i++) {
      List<String> values = new ArrayList<>(sample.size());
      for (Row row : sample) {
        Object value = row.get(i);
        values.add(value == null ? null : MaskPartition.textOf(value));
      }
      profiles.put(columns.get(i).name(), profiler.profile(columns.get(i).name(), values));
    }
    return profiles;
  }

  /** The first {@code size} well-formed rows, restricted to {@code columns}, in the driver. */
  public static List<Row> sample(InputReader.Input input, List<ColumnInfo> columns, int size) {
    Dataset<Row> frame = input.frame();
    if (input.hasCorruptColumn()) {
      frame = frame.filter(functions.col(InputReader.CORRUPT_COLUMN).isNull());
    }
    Column[] selected = columns.stream().map(c -> quoted(c.name())).toArray(Column[]::new);
    return frame.select(selected).limit(size).collectAsList();
  }

  /** A column reference that survives dots and back-ticks in the name. */
  public static Column quoted(String name) {
    return functions.col("`" + name.replace("`", "``") + "`");
  }
}
