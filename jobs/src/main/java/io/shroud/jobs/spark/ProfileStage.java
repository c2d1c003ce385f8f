package io.shroud.jobs.spark;

import io.shroud.core.detect.ColumnProfile;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.scan.ColumnProfiler;
import io.shroud.core.detect.scan.TextScanner;
import io.shroud.core.plan.ColumnInfo;
import java.util.ArrayList;
import java.util.Arrays;
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
    List<List<String>> values = sampleValues(input, columns, settings.sampleSize()).values();
    ColumnProfiler profiler = new ColumnProfiler(TextScanner.standard(settings), settings.classifyThreshold());
    for (int i = 0; i < columns.size(); i++) {
      profiles.put(columns.get(i).name(), profiler.profile(columns.get(i).name(), values.get(i)));
    }
    return profiles;
  }

  /**
   * The values of {@code columns} (flat columns or nested leaf paths) in the first {@code size}
   * well-formed rows, as text: one per row for a flat column, every element for a leaf inside arrays
   * or maps (at most {@code 10 * size} of them, so one huge array cannot hold the driver).
   */
  public static Sample sampleValues(InputReader.Input input, List<ColumnInfo> columns, int size) {
    Dataset<Row> frame = input.frame();
    if (input.hasCorruptColumn()) {
      frame = frame.filter(functions.col(InputReader.CORRUPT_COLUMN).isNull());
    }
    Map<String, LeafPaths.Leaf> leaves = new LinkedHashMap<>();
    LeafPaths.leaves(input.dataSchema()).forEach(l -> leaves.put(l.info().name(), l));
    Column[] data = Arrays.stream(input.dataSchema().fieldNames()).map(ProfileStage::quoted).toArray(Column[]::new);
    List<Row> rows = frame.select(data).limit(size).collectAsList();
    List<List<String>> result = new ArrayList<>();
    List<Object> buffer = new ArrayList<>();
    for (ColumnInfo column : columns) {
      LeafPaths.Leaf leaf = leaves.get(column.name());
      if (leaf == null) {
        throw new IllegalStateException("Cannot find column '" + column.name() + "' in the data read");
      }
      List<String> values = new ArrayList<>(rows.size());
      for (Row row : rows) {
        buffer.clear();
        LeafPaths.values(row, leaf, buffer);
        for (Object value : buffer) {
          if (values.size() < 10L * size) {
            values.add(value == null ? null : MaskPartition.textOf(value));
          }
        }
      }
      result.add(values);
    }
    return new Sample(rows.size(), result);
  }

  /** Values per requested column, and how many rows they came from. */
  public record Sample(int rows, List<List<String>> values) {}

  /** A column reference that survives dots and back-ticks in the name. */
  public static Column quoted(String name) {
    return functions.col("`" + name.replace("`", "``") + "`");
  }
}
