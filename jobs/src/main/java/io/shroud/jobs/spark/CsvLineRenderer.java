package io.shroud.jobs.spark;

import com.univocity.parsers.csv.CsvWriter;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.csv.CSVOptions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Renders masked rows of strings as the lines Spark's CSV writer would write, for {@link CsvLineFileFormat}
 * to store as text: the same univocity writer and settings ({@code CSVOptions.asWriterSettings} from the
 * same options), null fields passed as null and other values as they are (Spark's {@code UnivocityGenerator}),
 * and the header first in every file: partition 0 always (Spark writes its file even when empty), any other
 * partition only before its first row (an empty one writes no file). Spark's writer would encode each value
 * to its UTF-8 form, decode it for the CSV writer and encode the line again; here each line is encoded once.
 */
public final class CsvLineRenderer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The one-column frame Spark's text writer takes. */
  public static final StructType LINE_SCHEMA = new StructType().add("value", DataTypes.StringType, false);

  private final HashMap<String, String> options;
  private final String[] names;

  public CsvLineRenderer(Map<String, String> writerOptions, String[] names) {
    this.options = new HashMap<>(writerOptions);
    this.names = names.clone();
  }

  /** The lines of {@code rows} (rows of the output schema's strings), header first, rendered lazily. */
  public Iterator<Row> lines(Iterator<Row> rows) {
    CSVOptions csv = new CSVOptions(scala.collection.immutable.Map.from(CollectionConverters.asScala(options)),
        false, "UTC");
    var settings = csv.asWriterSettings();
    settings.setHeaders(names);
    CsvWriter writer = new CsvWriter(settings);
    TaskContext task = TaskContext.get();
    boolean headerAlways = task == null || task.partitionId() == 0;
    String header = csv.headerFlag() ? writer.writeHeadersToString() : null;
    return new Lines(rows, writer, header, headerAlways);
  }

  private final class Lines implements Iterator<Row> {
    private final Iterator<Row> rows;
    private final CsvWriter writer;
    private final Object[] values = new Object[names.length];
    private String header;
    private String next;

    Lines(Iterator<Row> rows, CsvWriter writer, String header, boolean headerAlways) {
      this.rows = rows;
      this.writer = writer;
      this.header = header != null && (headerAlways || hasRow()) ? header : null;
    }

    /** Renders rows until one makes a line (or none is left): univocity skips rows it renders empty, as Spark's writer does. */
    private boolean hasRow() {
      while (next == null && rows.hasNext()) {
        Row row = rows.next();
        for (int i = 0; i < values.length; i++) {
          values[i] = row.isNullAt(i) ? null : row.getString(i);
        }
        next = writer.writeRowToString(values);
      }
      return next != null;
    }

    @Override
    public boolean hasNext() {
      return header != null || hasRow();
    }

    @Override
    public Row next() {
      if (header != null) {
        Row line = RowFactory.create(header);
        header = null;
        return line;
      }
      if (!hasRow()) {
        throw new NoSuchElementException();
      }
      Row line = RowFactory.create(next);
      next = null;
      return line;
    }
  }
}
