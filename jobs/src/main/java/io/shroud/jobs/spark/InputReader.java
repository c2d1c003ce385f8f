package io.shroud.jobs.spark;

import io.shroud.core.policy.DataFormat;
import io.shroud.core.policy.InputSpec;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the input so that nothing is lost silently: CSV and JSON are read permissively into a
 * schema with a corrupt-record column, so malformed rows are counted and reported instead of being
 * dropped or turned into nulls (and, unlike Spark's FAILFAST mode, without printing the row).
 */
public final class InputReader {
  /** Holds the raw text of a malformed CSV/JSON record; never written out, never printed. */
  public static final String CORRUPT_COLUMN = "_shroud_corrupt_record";
  /** The file each row came from, for error messages. */
  public static final String FILE_COLUMN = "_shroud_source_file";

  private InputReader() {}

  /**
   * The data columns and the read frame (data columns, then corrupt and file columns when present).
   *
   * @param decodedText whether Spark decoded the input's bytes as UTF-8 by default (CSV, JSON and text
   *     without an explicit {@code encoding}): U+FFFD in a cell then means bytes that were not UTF-8
   */
  public record Input(StructType dataSchema, Dataset<Row> frame, boolean hasCorruptColumn, boolean decodedText) {
    public Input(StructType dataSchema, Dataset<Row> frame, boolean hasCorruptColumn) {
      this(dataSchema, frame, hasCorruptColumn, false);
    }
  }

  public static Input read(SparkSession spark, InputSpec spec) {
    return read(spark, spec, null);
  }

  /**
   * With {@code knownSchema} (the schema Shroud itself just wrote), CSV and JSON skip the first pass
   * that finds the columns: for JSON that pass is a full schema inference over the data.
   */
  public static Input read(SparkSession spark, InputSpec spec, StructType knownSchema) {
    Map<String, String> options = defaults(spec);
    String format = spec.format().sparkName();
    boolean defaultEncoding = options.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("encoding")
        || k.equalsIgnoreCase("charset"));
    if (spec.format() == DataFormat.TEXT || spec.format() == DataFormat.WHOLETEXT) {
      InputReader.Input text = TextInput.read(spark, spec, options);
      return new Input(text.dataSchema(), text.frame(), false, defaultEncoding && knownSchema == null);
    }
    if (spec.format() == DataFormat.ICEBERG) {
      Dataset<Row> frame = io.shroud.jobs.iceberg.IcebergCatalogs.read(spark, spec);
      return new Input(frame.schema(), frame.withColumn(FILE_COLUMN, functions.input_file_name()), false);
    }
    if (spec.format() == DataFormat.PARQUET) {
      Dataset<Row> frame = spark.read().options(options).parquet(spec.path());
      return new Input(frame.schema(), frame.withColumn(FILE_COLUMN, functions.input_file_name()), false);
    }
    // First pass: the columns (CSV header, or JSON schema inference), without the corrupt column.
    StructType dataSchema = knownSchema != null && spec.format() != DataFormat.CSV ? knownSchema
        : spark.read().format(format).options(options).load(spec.path()).schema();
    StructType dataOnly = new StructType();
    for (var field : dataSchema.fields()) {
      if (!field.name().equals("_corrupt_record")) {
        dataOnly = dataOnly.add(field);
      }
    }
    if (knownSchema == null) {
      if (dataOnly.fields().length == 0 && dataSchema.fields().length > 0) {
        throw new io.shroud.core.UsageException("Invalid input " + spec.path() + ": no record parses as JSON (expected "
            + "one JSON object per line; set input.options.multiLine: true for JSON spanning lines)");
      }
      HeaderCheck.check(spark, spec.path(), format, options, dataOnly);
    }
    StructType withCorrupt = dataOnly.add(CORRUPT_COLUMN, DataTypes.StringType, true);
    Map<String, String> permissive = new HashMap<>(options);
    permissive.put("mode", "PERMISSIVE");
    permissive.put("columnNameOfCorruptRecord", CORRUPT_COLUMN);
    permissive.remove("inferSchema");
    Dataset<Row> frame = spark.read().format(format).options(permissive).schema(withCorrupt).load(spec.path())
        .withColumn(FILE_COLUMN, functions.input_file_name());
    return new Input(dataOnly, frame, true, defaultEncoding && knownSchema == null);
  }

  /**
   * CSV defaults that keep values byte for byte: RFC 4180 quote escaping and no whitespace
   * trimming. The policy's options win.
   */
  static Map<String, String> defaults(InputSpec spec) {
    Map<String, String> options = new HashMap<>();
    if (spec.format() == DataFormat.CSV) {
      options.put("header", "true");
      options.put("escape", "\"");
    }
    options.putAll(spec.options());
    return options;
  }
}
