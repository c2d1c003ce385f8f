package io.shroud.jobs.spark;

import io.shroud.core.detect.DetectorSource;
import io.shroud.core.keys.KeyProviderFactory;
import io.shroud.core.plan.ColumnPlan;
import io.shroud.core.plan.MaskingPlan;
import io.shroud.core.plan.Treatment;
import io.shroud.core.policy.OutputSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

/** Applies a masking plan to every row, one {@link MaskPartition} per partition. */
public final class MaskStage {
  private final LongAccumulator rowsRead;
  private final LongAccumulator rowsWritten;
  private final CountersAccumulator<CellCount> findings;
  private final CountersAccumulator<String> malformed;
  private final CountersAccumulator<String> undecodable;

  private final boolean reverse;
  private final KeyProviderFactory keys;
  private final DetectorSource remote;

  /** Masks with the given keys and remote detectors ({@link MaskingServices#forRun} in production). */
  public MaskStage(SparkContext sc, MaskingServices services) {
    this(sc, false, services);
  }

  /** With {@code reverse}, masked columns are reversed (detokenize) instead of masked. */
  public MaskStage(SparkContext sc, boolean reverse, MaskingServices services) {
    this.reverse = reverse;
    this.keys = services.keys();
    this.remote = services.remote();
    this.rowsRead = sc.longAccumulator("shroud.rowsRead");
    this.rowsWritten = sc.longAccumulator("shroud.rowsWritten");
    this.findings = new CountersAccumulator<>();
    this.malformed = new CountersAccumulator<>();
    this.undecodable = new CountersAccumulator<>();
    sc.register(findings, "shroud.findings");
    sc.register(malformed, "shroud.malformed");
    sc.register(undecodable, "shroud.undecodable");
  }

  /** The output frame: dropped columns removed, columns masked to text typed as strings. */
  public Dataset<Row> apply(InputReader.Input input, MaskingPlan plan) {
    return apply(input, plan, null);
  }

  /** The same, with an observer that sees each row and its masked output (the utility sample), or null. */
  public Dataset<Row> apply(InputReader.Input input, MaskingPlan plan, PairObserver observer) {
    MaskPartition task = task(input, plan, observer);
    var encoder = Encoders.row(outputSchema(input.dataSchema(), plan));
    Dataset<Row> lines = input.csvLines() == null ? null : input.csvLines().lines();
    if (lines == null) {
      return rows(input).mapPartitions(task, encoder);
    }
    CsvLineSplitter splitter = input.csvLines().splitter();
    return lines.mapPartitions((MapPartitionsFunction<Row, Row>) text -> task.call(splitter.rows(text)), encoder);
  }

  /**
   * The masked rows as the lines of the CSV files Spark's writer would write for {@code output}
   * ({@link CsvLineRenderer}; {@link OutputWriter#writeCsvLines} writes them), or null where that does not
   * apply: the input is not read as CSV lines ({@link CsvLines}), the output is not a CSV with Shroud's
   * default options, or Spark's settings change how its CSV writer cuts or fills files (a record limit
   * per file, the legacy quoted-empty null). The rows are masked as by {@link #apply}; the caller adds no
   * stage between masking and writing (no shuffled columns, no k-anonymity).
   */
  public Dataset<Row> applyAsCsvLines(InputReader.Input input, MaskingPlan plan, PairObserver observer,
      OutputSpec output) {
    if (input.csvLines() == null || !OutputWriter.takesCsvLines(output) || !csvWriterIsPlain(input.frame())) {
      return null;
    }
    Dataset<Row> lines = input.csvLines().lines();
    if (lines == null) {
      return null;
    }
    MaskPartition task = task(input, plan, observer);
    CsvLineSplitter splitter = input.csvLines().splitter();
    CsvLineRenderer renderer = new CsvLineRenderer(OutputWriter.defaults(output),
        outputSchema(input.dataSchema(), plan).fieldNames());
    return lines.mapPartitions((MapPartitionsFunction<Row, Row>) text -> renderer.lines(task.call(splitter.rows(text))),
        Encoders.row(CsvLineRenderer.LINE_SCHEMA));
  }

  private static boolean csvWriterIsPlain(Dataset<Row> frame) {
    var conf = frame.sparkSession().conf();
    return "0".equals(conf.get("spark.sql.files.maxRecordsPerFile", "0").trim())
        && !"true".equalsIgnoreCase(conf.get("spark.sql.legacy.nullValueWrittenAsQuotedEmptyStringCsv", "false").trim());
  }

  /**
   * What the masking function reads: the input without its source-file column. Spark would compute and
   * convert that path for every row (~0.5 us, about a tenth of a plain copy's cost per row); a task asks for
   * the file only when a row is bad ({@link MaskPartition#currentFile}).
   */
  static Dataset<Row> rows(InputReader.Input input) {
    return input.frame().drop(InputReader.FILE_COLUMN);
  }

  /** The function each partition runs (what Spark serializes into its tasks). */
  MaskPartition task(InputReader.Input input, MaskingPlan plan, PairObserver observerOrNull) {
    // The columns of rows(input), without planning that frame a second time.
    List<String> names = Arrays.stream(input.frame().schema().fieldNames())
        .filter(name -> !name.equals(InputReader.FILE_COLUMN)).toList();
    int corruptIndex = input.hasCorruptColumn() ? names.indexOf(InputReader.CORRUPT_COLUMN) : -1;
    MaskPartition function = new MaskPartition(input.dataSchema(), plan, corruptIndex, rowsRead, rowsWritten,
        findings, malformed, reverse, keys, remote, observerOrNull);
    return input.decodedText() && !reverse ? function.checkingEncoding(undecodable) : function;
  }

  /**
   * Flat columns: dropped ones removed, masked ones typed as strings where the operator outputs text.
   * Nested columns keep their exact type (masked leaves stay strings, other leaves keep their types).
   */
  public static StructType outputSchema(StructType input, MaskingPlan plan) {
    StructType out = new StructType();
    List<LeafPaths.Leaf> leaves = LeafPaths.leaves(input);
    List<ColumnPlan> columns = plan.columns();
    StructField[] fields = input.fields();
    for (int i = 0; i < fields.length; i++) {
      int field = i;
      List<Integer> own = IntStream.range(0, leaves.size())
          .filter(j -> leaves.get(j).topIndex() == field).boxed().toList();
      StructField f = fields[i];
      if (RowRewriter.dropped(own, columns)) {
        continue;
      }
      if (LeafPaths.isContainer(f.dataType())) {
        out = out.add(f);
        continue;
      }
      ColumnPlan column = columns.get(own.get(0));
      if (column.becomesString()) {
        out = out.add(new StructField(f.name(), DataTypes.StringType, true, f.metadata()));
      } else if (column.treatment() == Treatment.SCAN_NUMBER) {
        out = out.add(new StructField(f.name(), f.dataType(), true, f.metadata()));
      } else {
        out = out.add(f);
      }
    }
    return out;
  }

  /** The key provider factory tasks use: key references travel, key bytes do not. */
  public KeyProviderFactory keys() {
    return keys;
  }

  /** Rows masked so far by tasks in this JVM: live progress in local mode (accumulators land at task end). */
  public static long liveRows() {
    return MaskPartition.LIVE_ROWS.get();
  }

  public long rowsRead() {
    return rowsRead.value();
  }

  public long rowsWritten() {
    return rowsWritten.value();
  }

  /** Findings per cell kind: column index and entity type, or masked cells (CellCount). */
  public Map<CellCount, Long> findings() {
    return findings.value();
  }

  /** Malformed records per source file. */
  public Map<String, Long> malformed() {
    return malformed.value();
  }

  /** Records holding bytes that were not UTF-8 (decoded as U+FFFD), per source file. */
  public Map<String, Long> undecodable() {
    return undecodable.value();
  }
}
