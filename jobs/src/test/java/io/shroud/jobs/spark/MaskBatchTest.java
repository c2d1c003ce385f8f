package io.shroud.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.EntityType;
import io.shroud.core.plan.ColumnInfo;
import io.shroud.core.plan.ColumnPlan;
import io.shroud.core.plan.MaskingPlan;
import io.shroud.core.plan.Treatment;
import io.shroud.core.policy.EntityOperators;
import io.shroud.jobs.SparkTestSupport;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The masking pass works on batches of rows, column by column: rows still come out in their order,
 * each row's findings are its own (the utility sample counts them per row), and a batch stops early
 * when its rows hold a lot of text, so a few huge cells never make it huge.
 */
class MaskBatchTest {
  private static final StructType SCHEMA = new StructType().add("id", DataTypes.StringType)
      .add("note", DataTypes.StringType);
  /** What the observer saw, by row id: findings per entity type in that row. */
  private static final Map<String, Map<String, Long>> SEEN = new ConcurrentHashMap<>();

  @Test
  void rowsKeepTheirOrderAndTheirOwnFindingsAcrossBatches() {
    int rows = 2 * MaskPartition.BATCH_ROWS + 77; // partial last batch, more than one batch per task
    List<Row> input = IntStream.range(0, rows).mapToObj(i -> RowFactory.create("r" + i,
        i % 3 == 0 ? "write to user" + i + "@example.com today" : "nothing to see in note " + i)).toList();
    Dataset<Row> frame = SparkTestSupport.spark().createDataFrame(input, SCHEMA).repartition(1);
    MaskStage stage = new MaskStage(SparkTestSupport.spark().sparkContext(), MaskingServices.forRun(Optional.empty()));
    SEEN.clear();

    List<Row> out = stage.apply(new InputReader.Input(SCHEMA, frame, false), plan(Treatment.SCAN_TEXT), new Recorder())
        .collectAsList();

    assertThat(out).extracting(r -> r.getString(0))
        .containsExactlyElementsOf(IntStream.range(0, rows).mapToObj(i -> "r" + i).toList());
    for (int i = 0; i < rows; i++) {
      Row row = out.get(i);
      Map<String, Long> found = SEEN.get("r" + i);
      if (i % 3 == 0) {
        assertThat(row.getString(1)).as("row %d", i).doesNotContain("@example.com").startsWith("write to ");
        assertThat(found).as("findings seen with row %d", i).isEqualTo(Map.of("EMAIL", 1L));
      } else {
        assertThat(row.getString(1)).as("row %d", i).isEqualTo("nothing to see in note " + i);
        assertThat(found).as("findings seen with row %d", i).isEmpty();
      }
    }
    assertThat(stage.rowsRead()).isEqualTo(rows);
    assertThat(stage.rowsWritten()).isEqualTo(rows);
    assertThat(stage.findings()).containsEntry(CellCount.found(1, EntityType.EMAIL), (long) (rows + 2) / 3);
  }

  @Test
  void aBatchOfLargeCellsEndsBeforeItsRowCount() throws Exception {
    MaskStage stage = new MaskStage(SparkTestSupport.spark().sparkContext(), MaskingServices.forRun(Optional.empty()));
    Dataset<Row> frame = SparkTestSupport.spark().createDataFrame(List.of(), SCHEMA);
    MaskPartition task = stage.task(new InputReader.Input(SCHEMA, frame, false), plan(Treatment.KEEP), null);

    Counting small = new Counting(1000, "a short note");
    Iterator<Row> smallOut = task.call(small);
    assertThat(smallOut.next().getString(1)).isEqualTo("a short note");
    assertThat(small.pulled).as("rows read ahead of the first output row").isEqualTo(MaskPartition.BATCH_ROWS);

    String large = "x".repeat(300_000);
    Counting big = new Counting(1000, large);
    Iterator<Row> bigOut = task.call(big);
    assertThat(bigOut.next().getString(1)).isEqualTo(large);
    assertThat(big.pulled).as("rows of 300,000 characters read ahead of the first output row")
        .isEqualTo((int) (MaskPartition.BATCH_CHARS / 300_000) + 1);
    int drained = 1;
    while (bigOut.hasNext()) {
      bigOut.next();
      drained++;
    }
    assertThat(drained).isEqualTo(1000);
  }

  @Test
  void aFailedBatchEndsThePartitionInItsErrorInsteadOfSkippingRows() throws Exception {
    MaskStage stage = new MaskStage(SparkTestSupport.spark().sparkContext(), MaskingServices.forRun(Optional.empty()));
    Dataset<Row> frame = SparkTestSupport.spark().createDataFrame(List.of(), SCHEMA);
    MaskPartition task = stage.task(new InputReader.Input(SCHEMA, frame, false), plan(Treatment.KEEP), null);
    int failAt = MaskPartition.BATCH_ROWS + 44; // inside the second batch
    Counting input = new Counting(1000, "a short note") {
      @Override
      public Row next() {
        if (pulled + 1 == failAt) {
          throw new IllegalStateException("disk gone at row " + failAt);
        }
        return super.next();
      }
    };

    Iterator<Row> out = task.call(input);
    for (int i = 1; i <= MaskPartition.BATCH_ROWS; i++) {
      assertThat(out.next().getString(0)).isEqualTo("r" + i);
    }

    assertThatThrownBy(out::hasNext).isInstanceOf(IllegalStateException.class).hasMessage("disk gone at row " + failAt);
    assertThatThrownBy(out::next).isInstanceOf(IllegalStateException.class)
        .hasMessage("Cannot go on masking this partition: a batch of its rows failed")
        .hasRootCauseMessage("disk gone at row " + failAt);
    assertThat(input.pulled).as("rows read: none after the failure").isEqualTo(failAt - 1);
  }

  private static MaskingPlan plan(Treatment note) {
    List<ColumnInfo> columns = SchemaMapping.columns(SCHEMA);
    return new MaskingPlan(List.of(
        new ColumnPlan(columns.get(0), Treatment.KEEP, null, null, "policy", "t"),
        new ColumnPlan(columns.get(1), note, null, null, "policy", "t")),
        EntityOperators.REDACT_ALL, DetectionSettings.DEFAULTS, Map.of());
  }

  /** Rows read so far from a run of identical rows. */
  private static class Counting implements Iterator<Row> {
    private final int rows;
    private final String note;
    int pulled;

    Counting(int rows, String note) {
      this.rows = rows;
      this.note = note;
    }

    @Override
    public boolean hasNext() {
      return pulled < rows;
    }

    @Override
    public Row next() {
      pulled++;
      return RowFactory.create("r" + pulled, note);
    }
  }

  /** Records, in the task, each row's findings by entity type under the row's id. */
  private static final class Recorder implements PairObserver {
    @Override
    public Partition open(int partitionId) {
      return new Partition() {
        @Override
        public void accept(Row original, Row masked, RowFindings findings) {
          Map<String, Long> byType = new TreeMap<>();
          findings.counts().forEach((cell, n) -> byType.merge(cell.typeOrNull().name(), n, Long::sum));
          SEEN.put(original.getString(0), byType);
        }

        @Override
        public void close() {}
      };
    }
  }
}
