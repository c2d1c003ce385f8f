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
 * <p>A line whose fields are plain or wholly quoted, as many as the header's, is cut without the parser:
 * with the only settings the line path takes (comma, double quote escaped by doubling, no trimming,
 * comment processing off), univocity reads such a line as exactly those fields, and the parser costs
 * ~1 us a line (it ends each line by throwing and catching its end-of-input exception), ~6% of the
 * masking stage with NER (issue 16, eleventh round). Every other line (a stray or unterminated quote, text
 * after a closing quote, an empty quoted field, the wrong number of fields, a block's first line) goes
 * to the parser: how it reads a quote inside a plain field or an empty quoted one is univocity's rule, not
 * RFC 4180's, so those stay its decision even where the cut would agree.
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
      Row plain = parserStarted ? simpleRow(line) : null;
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

    /**
     * The row of a line made of exactly the header's number of fields, each either plain (no quote in it)
     * or wholly quoted (a quote first, quotes inside doubled, the closing quote followed by a comma or the
     * line's end, something between the quotes); else null, and the parser decides.
     */
    private Row simpleRow(String line) {
      int length = line.length();
      Object[] values = new Object[columns + 1];
      int field = 0;
      int i = 0;
      while (true) {
        if (field == columns) {
          return null; // more fields than the header
        }
        String token;
        if (i < length && line.charAt(i) == '"') {
          int closing = closingQuote(line, i + 1);
          if (closing < 0 || closing == i + 1) {
            return null; // unterminated, followed by other text, or empty (the parser's empty value)
          }
          token = unescape(line, i + 1, closing);
          i = closing + 1;
        } else {
          int comma = line.indexOf(',', i);
          int end = comma < 0 ? length : comma;
          for (int k = i; k < end; k++) {
            if (line.charAt(k) == '"') {
              return null; // a quote inside a plain field
            }
          }
          token = line.substring(i, end);
          i = end;
        }
        values[field++] = token.isEmpty() || token.equals(nullValue) ? null : token;
        if (i == length) {
          return field == columns ? RowFactory.create(values) : null;
        }
        i++; // the comma
      }
    }

    /** The index of the quote closing a field opened before {@code from}, if a comma or the line's end follows it; else -1. */
    private static int closingQuote(String line, int from) {
      int length = line.length();
      int q = from;
      while (true) {
        int quote = line.indexOf('"', q);
        if (quote < 0) {
          return -1;
        }
        if (quote + 1 < length && line.charAt(quote + 1) == '"') {
          q = quote + 2; // a doubled quote stands for one
          continue;
        }
        return quote + 1 == length || line.charAt(quote + 1) == ',' ? quote : -1;
      }
    }

    private static String unescape(String line, int from, int to) {
      int quote = line.indexOf('"', from);
      if (quote < 0 || quote >= to) {
        return line.substring(from, to);
      }
      StringBuilder out = new StringBuilder(to - from);
      int chunk = from;
      while (quote >= 0 && quote < to) {
        out.append(line, chunk, quote + 1);
        chunk = quote + 2;
        quote = line.indexOf('"', chunk);
      }
      return out.append(line, chunk, to).toString();
    }
  }
}
