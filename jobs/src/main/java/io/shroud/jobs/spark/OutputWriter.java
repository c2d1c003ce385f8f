package io.shroud.jobs.spark;

import io.shroud.core.policy.DataFormat;
import io.shroud.core.policy.OutputSpec;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/** Writes a frame through Spark's committer into a (staging) location that must not exist yet. */
public final class OutputWriter {
  private OutputWriter() {}

  public static void write(Dataset<Row> frame, OutputSpec spec, String location) {
    frame.write().format(spec.format().sparkName()).options(defaults(spec)).mode(SaveMode.ErrorIfExists).save(location);
  }

  /**
   * Defaults that keep unmasked values unchanged: no whitespace trimming and RFC 4180 quoting for
   * CSV, null fields kept for JSON. The policy's options win.
   */
  static Map<String, String> defaults(OutputSpec spec) {
    Map<String, String> options = new HashMap<>();
    if (spec.format() == DataFormat.CSV) {
      options.put("header", "true");
      options.put("escape", "\"");
      options.put("ignoreLeadingWhiteSpace", "false");
      options.put("ignoreTrailingWhiteSpace", "false");
    } else if (spec.format() == DataFormat.JSON) {
      options.put("ignoreNullFields", "false");
    }
    options.putAll(spec.options());
    return options;
  }
}
