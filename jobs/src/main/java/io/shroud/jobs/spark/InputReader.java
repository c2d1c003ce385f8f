package io.shroud.jobs.spark;

import io.shroud.core.UsageException;
import io.shroud.core.policy.DataFormat;
import io.shroud.core.policy.InputSpec;
import io.shroud.jobs.iceberg.IcebergCatalogs;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameReader;
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
   * @param csvReaders for CSV whose reader Shroud chose (no {@code multiLine} option): which files were
   *     read with the multi-line reader; else {@link CsvReaders#NOT_CHOSEN}
   * @param csvLines for CSV the masking pass may read as lines ({@link CsvLines}); else null
   */
  public record Input(StructType dataSchema, Dataset<Row> frame, boolean hasCorruptColumn, boolean decodedText,
      CsvReaders csvReaders, CsvLines csvLines) {
    public Input(StructType dataSchema, Dataset<Row> frame, boolean hasCorruptColumn) {
      this(dataSchema, frame, hasCorruptColumn, false);
    }

    public Input(StructType dataSchema, Dataset<Row> frame, boolean hasCorruptColumn, boolean decodedText) {
      this(dataSchema, frame, hasCorruptColumn, decodedText, CsvReaders.NOT_CHOSEN, null);
    }
  }

  /**
   * The CSV files of an input and those among them whose quoted fields hold line breaks, read with
   * Spark's multi-line reader (the rest keep the line reader, which splits large files across tasks).
   */
  public record CsvReaders(int files, List<String> multiLineFiles) {
    public static final CsvReaders NOT_CHOSEN = new CsvReaders(0, List.of());

    public CsvReaders {
      multiLineFiles = List.copyOf(multiLineFiles);
    }

    /** Whether any file was read with the multi-line reader. */
    public boolean anyMultiLine() {
      return !multiLineFiles.isEmpty();
    }

    /** What the audit and the console say, e.g. "2 of 3 file(s): quoted fields hold line breaks". */
    public String describe() {
      return "multi-line reader for " + multiLineFiles.size() + " of " + files + " file(s): their quoted fields hold "
          + "line breaks";
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
      Dataset<Row> frame = IcebergCatalogs.read(spark, spec);
      return new Input(frame.schema(), frame.withColumn(FILE_COLUMN, functions.input_file_name()), false);
    }
    if (spec.format() == DataFormat.PARQUET) {
      Dataset<Row> frame = spark.read().options(options).parquet(spec.path());
      return new Input(frame.schema(), frame.withColumn(FILE_COLUMN, functions.input_file_name()), false);
    }
    // First pass: the columns (CSV header, or JSON schema inference), without the corrupt column. A CSV
    // file Shroud wrote is still listed (its quoted line breaks choose the reader), but with its known
    // columns, so no Spark job reads its header line again.
    DataFrameReader reader = spark.read().format(format).options(options);
    Dataset<Row> firstPass = knownSchema == null ? reader.load(spec.path())
        : spec.format() == DataFormat.CSV ? reader.schema(knownSchema).load(spec.path())
        : null;
    StructType dataSchema = firstPass == null ? knownSchema : firstPass.schema();
    CsvReaders readers = CsvReaders.NOT_CHOSEN;
    if (spec.format() == DataFormat.CSV && !CsvLineBreaks.chosenByPolicy(options)) {
      List<String> files = Arrays.asList(firstPass.inputFiles());
      readers = new CsvReaders(files.size(), CsvLineBreaks.filesWithQuotedLineBreaks(
          spark.sparkContext().hadoopConfiguration(), files, options));
      if (readers.anyMultiLine() && readers.multiLineFiles().size() == files.size()) {
        options.put("multiLine", "true");
      }
    }
    StructType dataOnly = new StructType();
    for (var field : dataSchema.fields()) {
      if (!field.name().equals("_corrupt_record")) {
        dataOnly = dataOnly.add(field);
      }
    }
    if (knownSchema == null) {
      if (dataOnly.fields().length == 0 && dataSchema.fields().length > 0) {
        throw new UsageException("Invalid input " + spec.path() + ": no record parses as JSON (expected "
            + "one JSON object per line; set input.options.multiLine: true for JSON spanning lines)");
      }
      HeaderCheck.check(spark, spec.path(), format, options, dataOnly);
    }
    StructType withCorrupt = dataOnly.add(CORRUPT_COLUMN, DataTypes.StringType, true);
    Map<String, String> permissive = new HashMap<>(options);
    permissive.put("mode", "PERMISSIVE");
    permissive.put("columnNameOfCorruptRecord", CORRUPT_COLUMN);
    permissive.remove("inferSchema");
    Dataset<Row> frame = readers.anyMultiLine() && !options.containsKey("multiLine")
        ? mixed(spark, spec, format, permissive, withCorrupt, firstPass.inputFiles(), readers.multiLineFiles())
        : spark.read().format(format).options(permissive).schema(withCorrupt).load(spec.path());
    return new Input(dataOnly, frame.withColumn(FILE_COLUMN, functions.input_file_name()), true,
        defaultEncoding && knownSchema == null, readers,
        spec.format() == DataFormat.CSV ? CsvLines.ifSettingsAllow(spark, spec, permissive, dataOnly, readers) : null);
  }

  /**
   * Some files need the multi-line reader and some do not: each set read with its own, then unioned.
   * Partition columns of a directory input are kept by naming the directory as the base path.
   */
  private static Dataset<Row> mixed(SparkSession spark, InputSpec spec, String format, Map<String, String> options,
      StructType schema, String[] allFiles, List<String> multiLineFiles) {
    Map<String, String> lines = new HashMap<>(options);
    if (isDirectory(spark, spec.path())) {
      lines.put("basePath", spec.path());
    }
    Map<String, String> multi = new HashMap<>(lines);
    multi.put("multiLine", "true");
    Set<String> multiSet = new HashSet<>(multiLineFiles);
    String[] single = Arrays.stream(allFiles).filter(f -> !multiSet.contains(f)).toArray(String[]::new);
    return spark.read().format(format).options(lines).schema(schema).load(single)
        .unionByName(spark.read().format(format).options(multi).schema(schema).load(multiLineFiles.toArray(String[]::new)));
  }

  private static boolean isDirectory(SparkSession spark, String location) {
    try {
      Path path = new Path(location);
      return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).getFileStatus(path).isDirectory();
    } catch (IOException | IllegalArgumentException e) {
      return false; // a glob, or gone: Spark's own read reports what is wrong
    }
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
