package io.shroud.jobs.spark;

import io.shroud.core.UsageException;
import io.shroud.core.policy.DataFormat;
import io.shroud.core.policy.OutputSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/** Writes a frame through Spark's committer into a (staging) location that must not exist yet. */
public final class OutputWriter {
  private OutputWriter() {}

  public static void write(Dataset<Row> frame, OutputSpec spec, String location) {
    if (spec.format() == DataFormat.ICEBERG) {
      throw new IllegalStateException("a table output is written by its Iceberg sink, not as files");
    }
    if (spec.format() == DataFormat.WHOLETEXT) {
      DocumentWriter.write(frame, location);
      return;
    }
    if (spec.format() == DataFormat.TEXT) {
      StructField[] fields = frame.schema().fields();
      if (fields.length != 1 || !fields[0].dataType().equals(DataTypes.StringType)) {
        throw new UsageException("Invalid output format text for " + spec.path() + ": it writes one string column, "
            + "and the output has " + fields.length + " (" + String.join(", ", frame.schema().fieldNames())
            + "); drop the others, or use json, csv or parquet");
      }
    }
    frame.write().format(spec.format().sparkName()).options(defaults(spec)).mode(SaveMode.ErrorIfExists).save(location);
  }

  /**
   * Writes lines rendered by {@link CsvLineRenderer} as the CSV files Spark's writer would write, through
   * the same committer; only for a CSV output that {@link #takesCsvLines} allows.
   */
  public static void writeCsvLines(Dataset<Row> lines, OutputSpec spec, String location) {
    if (!takesCsvLines(spec)) {
      throw new IllegalStateException("Cannot write CSV lines to " + spec.path() + ": only a CSV output with Shroud's "
          + "default options takes them");
    }
    lines.write().format(CsvLineFileFormat.class.getName()).mode(SaveMode.ErrorIfExists).save(location);
  }

  /**
   * Whether masked rows may be written as rendered CSV lines: a CSV output whose policy options say only
   * what Shroud's defaults say (header, RFC 4180 quoting, no trimming) or UTF-8, the text writer's only
   * encoding. Another delimiter, null value, compression or line separator keeps Spark's CSV writer.
   */
  public static boolean takesCsvLines(OutputSpec spec) {
    return spec.format() == DataFormat.CSV && spec.table().isEmpty()
        && CsvLines.onlyDefaults(spec.options(), Set.of("ignoreleadingwhitespace", "ignoretrailingwhitespace"));
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
