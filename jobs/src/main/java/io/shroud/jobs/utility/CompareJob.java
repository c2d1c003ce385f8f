package io.shroud.jobs.utility;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.xxhash64;

import io.shroud.connectors.aws.AwsSettings;
import io.shroud.connectors.s3.S3aConfigurer;
import io.shroud.connectors.storage.InputLocation;
import io.shroud.core.UsageException;
import io.shroud.core.policy.AnonymitySettings;
import io.shroud.core.policy.InputSpec;
import io.shroud.core.policy.UtilitySettings;
import io.shroud.core.utility.ClassSizes;
import io.shroud.core.utility.UtilityFinisher;
import io.shroud.core.utility.UtilityReport;
import io.shroud.jobs.anonymity.AnonymityCheck;
import io.shroud.jobs.spark.InputReader;
import io.shroud.jobs.spark.ProfileStage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * {@code shroud compare}: the utility report for two data sets masked elsewhere. Columns are matched
 * by name. Rows are matched only by a key column: without one, only distributions are compared (rows
 * in the same position need not be the same record). With a key, both sides keep the rows whose key
 * hashes into the same range, so the two samples hold the same records without a join of the full
 * data; the samples are then joined on the key.
 */
public final class CompareJob {
  private static final long HASH_RANGE = 1_000_000_000L;
  private static final long SEED = 20_261_122L;

  private final SparkSession spark;

  public CompareJob(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * What to compare.
   *
   * @param before the original data
   * @param after the masked data
   * @param keyOrNull a column identifying a record on both sides, or null
   * @param settings sample size, k and top categories
   * @param anonymityOrNull quasi-identifiers to check on the after data, or null
   * @param aws S3 settings for s3a:// paths, or empty
   */
  public record Request(InputSpec before, InputSpec after, String keyOrNull, UtilitySettings settings,
      AnonymitySettings anonymityOrNull, Optional<AwsSettings> aws) {}

  public UtilityReport run(Request request) {
    long start = System.nanoTime();
    var hadoop = spark.sparkContext().hadoopConfiguration();
    S3aConfigurer.apply(hadoop, request.aws(), List.of(request.before().path(), request.after().path()));
    InputLocation.requireReadable(hadoop, request.before().path());
    InputLocation.requireReadable(hadoop, request.after().path());
    InputReader.Input before = InputReader.read(spark, request.before());
    InputReader.Input after = InputReader.read(spark, request.after());
    Dataset<Row> b = data(before);
    Dataset<Row> a = data(after);
    String key = request.keyOrNull();
    if (key != null) {
      requireKey(key, before.dataSchema(), request.before().path());
      requireKey(key, after.dataSchema(), request.after().path());
    }
    // Counted as rows: Spark refuses a CSV/JSON count that would read only the corrupt-record column.
    long rowsBefore = b.javaRDD().count();
    long rowsAfter = a.javaRDD().count();
    UtilitySettings settings = request.settings();
    double fraction = rowsBefore == 0 ? 1.0 : Math.min(1.0, (double) settings.sample() / rowsBefore);
    UtilityFinisher.Result result;
    String sampling;
    String alignment;
    if (key != null) {
      Column inSample = pmod(xxhash64(ProfileStage.quoted(key).cast("string")), lit(HASH_RANGE))
          .lt(Math.round(fraction * HASH_RANGE));
      Dataset<Row> sb = fraction < 1 ? b.filter(inSample) : b;
      Dataset<Row> sa = fraction < 1 ? a.filter(inSample) : a;
      requireUnique(sb, key, request.before().path());
      requireUnique(sa, key, request.after().path());
      Column keyColumn = ProfileStage.quoted(key).cast("string").as("k"); // text on both sides, like the sample
      Dataset<Row> left = sb.select(struct(columns(before.dataSchema())).as("before"), keyColumn);
      Dataset<Row> right = sa.select(struct(columns(after.dataSchema())).as("after"), keyColumn);
      Dataset<Row> joined = left.join(right, left.col("k").equalTo(right.col("k")), "full_outer")
          .select(col("before"), col("after"));
      result = UtilityAnalyzer.joined(joined, before.dataSchema(), after.dataSchema(), settings);
      sampling = String.format(Locale.ROOT, "the rows whose key '%s' hashes into the lowest %.4f%% of its range, on "
          + "both sides (about %d rows); rows with a null key are left out", key, fraction * 100, settings.sample());
      alignment = "rows paired by key '" + key + "'";
    } else {
      double fractionAfter = rowsAfter == 0 ? 1.0 : Math.min(1.0, (double) settings.sample() / rowsAfter);
      result = UtilityAnalyzer.separate(fraction < 1 ? b.sample(false, fraction, SEED) : b, before.dataSchema(),
          fractionAfter < 1 ? a.sample(false, fractionAfter, SEED) : a, after.dataSchema(), settings);
      sampling = String.format(Locale.ROOT, "independent uniform random samples of each side, seed %d", SEED);
      alignment = "rows not paired (no --key): distributions compared, row-level changes not measured";
    }
    List<String> notes = new ArrayList<>(result.notes());
    if (key == null) {
      notes.add("Pass --key COLUMN (a column identifying a record on both sides) to measure changed values, text "
          + "masking shares and noise row by row.");
    }
    notes.add("Spans per 1,000 tokens count Shroud's <TYPE> labels in the after data; other masks are not attributed "
        + "to a type.");
    UtilityReport.QuasiIdentifierUtility qi = request.anonymityOrNull() == null ? null
        : quasiIdentifiers(a, request.anonymityOrNull(), after.dataSchema(), request.after().path());
    UtilityReport report = new UtilityReport(UtilityReport.COMPUTED, null, "compare", rowsBefore, result.rowsBefore(),
        result.rowsAfter(), sampling, alignment, settings.k(), settings.kOrigin(), null, result.rows(),
        result.columns(), result.correlations(), qi, notes);
    return report.withMillis((System.nanoTime() - start) / 1_000_000);
  }

  /** The well-formed rows' data columns. */
  private static Dataset<Row> data(InputReader.Input input) {
    Dataset<Row> frame = input.hasCorruptColumn() ? input.frame().filter(col(InputReader.CORRUPT_COLUMN).isNull())
        : input.frame();
    return frame.select(columns(input.dataSchema()));
  }

  private static Column[] columns(StructType schema) {
    return Arrays.stream(schema.fieldNames()).map(ProfileStage::quoted).toArray(Column[]::new);
  }

  private static void requireKey(String key, StructType schema, String path) {
    if (!Arrays.asList(schema.fieldNames()).contains(key)) {
      throw new UsageException("Invalid --key '" + key + "': " + path + " has no such top-level column (columns: "
          + String.join(", ", schema.fieldNames()) + ")");
    }
  }

  private static void requireUnique(Dataset<Row> sample, String key, String path) {
    long duplicated = sample.groupBy(ProfileStage.quoted(key)).count().filter(col("count").gt(1)).count();
    if (duplicated > 0) {
      throw new UsageException("Invalid --key '" + key + "': " + duplicated + " key value(s) occur more than once "
          + "among the sampled rows of " + path + "; a key must identify one row");
    }
  }

  /** k-anonymity of the after data as it is (all rows, not the sample): classes, smallest, suppressed. */
  private static UtilityReport.QuasiIdentifierUtility quasiIdentifiers(Dataset<Row> after, AnonymitySettings settings,
      StructType schema, String path) {
    for (String qi : settings.quasiIdentifierNames()) {
      if (!Arrays.asList(schema.fieldNames()).contains(qi)) {
        throw new UsageException("Cannot check " + path + ": quasi-identifier '" + qi + "' is not a column");
      }
    }
    String sensitive = settings.sensitive().keySet().stream().findFirst().orElse(null);
    AnonymityCheck.Result r = AnonymityCheck.check(after, settings.quasiIdentifierNames(), sensitive, settings.k(),
        settings.l());
    return new UtilityReport.QuasiIdentifierUtility("a check of the after data as it is (levels and loss unknown)",
        null, null, null, settings.k(), settings.l(), r.records(), r.suppressed(), "quasi-identifiers set to *",
        r.classes(), r.smallestClass(), null, ClassSizes.bucket(r.histogram(), settings.k()));
  }
}
