package io.shroud.jobs.spark;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.rdd.InputFileBlockHolder;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.csv.CSVOptions;
import org.apache.spark.unsafe.types.UTF8String;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Splits a task's CSV lines into rows as Spark's CSV line reader does, with its own parser settings
 * ({@code CSVOptions.asParserSettings} from the same options): blank lines are skipped, the first
 * non-blank line of each file is its header (only in the split that starts the file), an empty field is
 * null, and a line with more or fewer fields than the header is malformed. A row holds the data
 * columns, then the corrupt-record column: the line itself for a malformed record (never written or
 * printed; the masking function counts it and leaves it out), else null.
 *
 * <p>A line without quotes whose commas make exactly the header's number of fields is cut at its commas
 * without the parser: with the only settings the line path takes (comma, double quote, no trimming, comment
 * processing off), univocity reads such a line as exactly those fields, and the parser costs
 * ~1 us a line (it ends each line by throwing and catching its end-of-input exception), ~10% of the
 * masking stage with NER (issue 16, eleventh round). Every other line goes to the parser.
 */
final class CsvLineSplitter implements Serializable {
  private static final long serialVersionUID = 1L;

  private final HashMap<String, String> options;
  private final int columns;

  CsvLineSplitter(HashMap<String, String> options, int columns) {
    this.options = options;
    this.columns = columns;
  }

  /** Rows of {@code lines} (rows of one string, Spark's text source), read lazily. */
  Iterator<Row> rows(Iterator<Row> lines) {
    CSVOptions csv = new CSVOptions(scala.collection.immutable.Map.from(CollectionConverters.asScala(options)),
        false, "UTC");
    return new Rows(lines, csv.asParserSettings(), csv.headerFlag(), csv.nullValue());
  }

  private final class Rows implements Iterator<Row> {
    private final Iterator<Row> lines;
    private final CsvParserSettings settings;
    private final boolean header;
    private final String nullValue;
    /**
     * A parser per file block, as Spark's reader has: univocity drops a byte-order mark (U+FEFF) only from
     * the first line a parser reads, which for Spark is a block's header, or its first line.
     */
    private CsvParser parser;
    /** Whether this block's parser has read a line: until then a line goes to it (its first-line rules). */
    private boolean parserStarted;
    private UTF8String file;
    private long fileStart = -1;
    private boolean headerPending;
    private Row next;

    Rows(Iterator<Row> lines, CsvParserSettings settings, boolean header, String nullValue) {
      this.lines = lines;
      this.settings = settings;
      this.header = header;
      this.nullValue = nullValue;
    }

    @Override
    public boolean hasNext() {
      while (next == null && lines.hasNext()) {
        String line = lines.next().getString(0);
        // Spark's file scan names the file block it reads for this thread, as the row arrives.
        UTF8String path = InputFileBlockHolder.getInputFilePath();
        long start = InputFileBlockHolder.getStartOffset();
        if (path != file || start != fileStart) {
          file = path;
          fileStart = start;
          headerPending = header && start == 0;
          parser = new CsvParser(settings);
          parserStarted = false;
        }
        if (line.trim().isEmpty()) {
          continue;
        }
        if (headerPending) {
          headerPending = false;
          parser.parseLine(line); // Spark parses the header too (checking its names), with the block's parser
          parserStarted = true;
          continue;
        }
        next = row(line);
      }
      return next != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row row = next;
      next = null;
      return row;
    }

    private Row row(String line) {
      Row plain = parserStarted ? plainRow(line) : null;
      if (plain != null) {
        return plain;
      }
      parserStarted = true;
      String[] tokens = parser.parseLine(line);
      Object[] values = new Object[columns + 1];
      int n = tokens == null ? 0 : Math.min(tokens.length, columns);
      for (int i = 0; i < n; i++) {
        String token = tokens[i];
        values[i] = token == null || token.equals(nullValue) ? null : token;
      }
      if (tokens == null || tokens.length != columns) {
        values[columns] = line;
      }
      return RowFactory.create(values);
    }

    /** The row of a line holding no quote whose commas cut it into exactly the header's number of fields, else null. */
    private Row plainRow(String line) {
      int length = line.length();
      int commas = 0;
      for (int i = 0; i < length; i++) {
        char c = line.charAt(i);
        if (c == '"') {
          return null;
        }
        if (c == ',') {
          commas++;
        }
      }
      if (commas + 1 != columns) {
        return null;
      }
      Object[] values = new Object[columns + 1];
      int start = 0;
      for (int i = 0; i < columns; i++) {
        int end = i == columns - 1 ? length : line.indexOf(',', start);
        String token = end == start ? null : line.substring(start, end);
        values[i] = token == null || token.equals(nullValue) ? null : token;
        start = end + 1;
      }
      return RowFactory.create(values);
    }
  }
}
