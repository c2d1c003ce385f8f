package io.shroud.jobs.spark;

import io.shroud.core.detect.DetectorSource;
import io.shroud.core.detect.EntityType;
import io.shroud.core.keys.CachingKeyProvider;
import io.shroud.core.keys.KeyProviderFactory;
import io.shroud.core.mask.CellMasker;
import io.shroud.core.plan.ColumnInfo;
import io.shroud.core.plan.ColumnPlan;
import io.shroud.core.plan.MaskingPlan;
import io.shroud.core.plan.Treatment;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.rdd.InputFileBlockHolder;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

/**
 * Masks one partition. Detectors, operators and keys are set up once per partition (keys come from
 * the executor's key cache by reference, never inside the task), then rows stream through.
 * Malformed records are counted per file and left out; the job refuses to publish if any were seen.
 */
final class MaskPartition implements MapPartitionsFunction<Row, Row> {
  /** Rows read by tasks in this JVM, for progress lines; not used for the audit's counts. */
  static final AtomicLong LIVE_ROWS = new AtomicLong();
  /**
   * Rows masked together, column by column ({@link RowRewriter#rewrite(Row[], int, Row[], java.util.function.IntConsumer)}).
   * 32, 256 and 2,048 measured: 256 cost least (docs/benchmarks.md, fifth round).
   */
  static final int BATCH_ROWS = 256;
  /** Characters of text a batch holds at most (about 2 MB as Java strings) before it is masked. */
  static final long BATCH_CHARS = 1L << 20;

  private final MaskingPlan plan;
  private final StructType schema;
  private final int corruptIndex;
  private final LongAccumulator rowsRead;
  private final LongAccumulator rowsWritten;
  private final CountersAccumulator<CellCount> findings;
  private final CountersAccumulator<String> malformed;
  private final boolean reverse;
  private final KeyProviderFactory keys;
  private final DetectorSource remote;
  /** Counts records with U+FFFD per file when the input was decoded as UTF-8 by default; else null. */
  private CountersAccumulator<String> undecodable;
  private final PairObserver observer;

  MaskPartition(StructType schema, MaskingPlan plan, int corruptIndex, LongAccumulator rowsRead,
      LongAccumulator rowsWritten, CountersAccumulator<CellCount> findings, CountersAccumulator<String> malformed,
      boolean reverse, KeyProviderFactory keys, DetectorSource remote, PairObserver observer) {
    this.remote = remote;
    this.observer = observer;
    this.reverse = reverse;
    this.keys = keys;
    this.plan = plan;
    this.schema = schema;
    this.corruptIndex = corruptIndex;
    this.rowsRead = rowsRead;
    this.rowsWritten = rowsWritten;
    this.findings = findings;
    this.malformed = malformed;
  }

  /** Also counts records holding U+FFFD (bytes that were not UTF-8), per file. */
  MaskPartition checkingEncoding(CountersAccumulator<String> counter) {
    this.undecodable = counter;
    return this;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    CellMasker masker = new CellMasker(plan, CachingKeyProvider.forFactory(keys), remote);
    return new MaskingIterator(rows, masker);
  }

  private final class MaskingIterator implements Iterator<Row> {
    private final Iterator<Row> rows;
    private final CellMasker masker;
    private final Map<String, Long> badRows = new HashMap<>();
    private final Map<String, Long> badText = new HashMap<>();
    /** Per column: findings per entity type and masked cells, counted without building keys per cell. */
    private final Map<EntityType, long[]> found = new HashMap<>();
    private final long[] masked = new long[plan.columns().size()];
    private final PairObserver.Partition observing =
        observer == null ? null : observer.open(TaskContext.getPartitionId());
    /** Findings per row of the batch, for the utility sample (keyed counts built only for the rows it keeps). */
    private final RowFindings[] rowFound;
    /** The batch row whose cells are being masked. */
    private int current;
    private final CellMasker.Counter counter = new CellMasker.Counter() {
      @Override
      public void found(int column, EntityType type) {
        found.computeIfAbsent(type, t -> new long[masked.length])[column]++;
        if (observing != null) {
          rowFound[current].add(column, type);
        }
      }

      @Override
      public void masked(int column) {
        masked[column]++;
      }
    };
    private final RowRewriter rewriter;
    private final RowTally tally = new RowTally(undecodable != null);
    private final Row[] batch = new Row[BATCH_ROWS];
    private final Row[] out = new Row[BATCH_ROWS];
    private int position;
    private int size;
    private long read;
    private long written;
    private boolean flushed;
    /** Why a batch could not be read or masked: the iterator then ends in that error, never skips it. */
    private RuntimeException failure;

    MaskingIterator(Iterator<Row> rows, CellMasker masker) {
      this.rows = rows;
      this.masker = masker;
      this.rewriter = new RowRewriter(schema, plan, masker, counter, reverse);
      this.rowFound = observing == null ? null : new RowFindings[BATCH_ROWS];
      if (rowFound != null) {
        for (int r = 0; r < BATCH_ROWS; r++) {
          rowFound[r] = new RowFindings();
        }
      }
    }

    @Override
    public boolean hasNext() {
      if (position < size) {
        return true;
      }
      if (failure != null) {
        throw new IllegalStateException("Cannot go on masking this partition: a batch of its rows failed", failure);
      }
      Arrays.fill(out, 0, size, null);
      Arrays.fill(batch, 0, size, null);
      position = 0;
      size = 0;
      try {
        fill();
        if (size > 0) {
          rewriter.rewrite(batch, size, out, r -> current = r);
        }
      } catch (RuntimeException e) {
        // Neither hand out the half-masked batch nor skip it and carry on: the task fails as a whole.
        failure = e;
        Arrays.fill(out, null);
        Arrays.fill(batch, null);
        size = 0;
        throw e;
      }
      if (size == 0) {
        flush();
        return false;
      }
      written += size;
      if (observing != null) {
        for (int r = 0; r < size; r++) {
          observing.accept(batch[r], out[r], rowFound[r]);
          rowFound[r].clear();
        }
      }
      return true;
    }

    /**
     * Reads the next batch: up to {@link #BATCH_ROWS} well-formed rows, fewer when their text passes
     * {@link #BATCH_CHARS} (a few huge cells must not make a batch huge). Bad rows are counted here,
     * as they are read, so that Spark's current file is theirs.
     */
    private void fill() {
      long chars = 0;
      while (size < BATCH_ROWS && chars < BATCH_CHARS && rows.hasNext()) {
        Row row = rows.next();
        if ((++read & 4095) == 0) {
          LIVE_ROWS.addAndGet(4096);
        }
        if (corruptIndex >= 0 && !row.isNullAt(corruptIndex)) {
          badRows.merge(currentFile(), 1L, Long::sum);
          continue;
        }
        tally.of(row);
        if (tally.undecodable()) {
          badText.merge(currentFile(), 1L, Long::sum);
        }
        chars += tally.chars();
        batch[size++] = row;
      }
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return out[position++];
    }

    private void flush() {
      if (flushed) {
        return;
      }
      flushed = true;
      if (observing != null) {
        observing.close();
      }
      rowsRead.add(read);
      rowsWritten.add(written);
      Map<CellCount, Long> keyed = new HashMap<>();
      found.forEach((type, perColumn) -> {
        for (int column = 0; column < perColumn.length; column++) {
          if (perColumn[column] > 0) {
            keyed.put(CellCount.found(column, type), perColumn[column]);
          }
        }
      });
      for (int column = 0; column < masked.length; column++) {
        if (masked[column] > 0) {
          keyed.put(CellCount.masked(column), masked[column]);
        }
      }
      if (!keyed.isEmpty()) {
        findings.add(keyed);
      }
      if (!badRows.isEmpty()) {
        malformed.add(badRows);
      }
      if (!badText.isEmpty()) {
        undecodable.add(badText);
      }
    }
  }

  /**
   * The file the row just read came from. Spark's file scan records the file it is reading for its
   * task thread (where {@code input_file_name()} reads it too), a task reads one row at a time up to
   * this function, and the checks that name a file run as each row is read, before the row waits in a
   * masking batch: so this is the row's own file.
   */
  static String currentFile() {
    String file = InputFileBlockHolder.getInputFilePath().toString();
    return file.isEmpty() ? "unknown file" : file;
  }

  /** The plain decimal text of a number (no exponent), as a person would have typed it. */
  static String textOf(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return String.valueOf(d);
      }
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }
}
