package io.shroud.jobs.spark;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/**
 * Finds the CSV files whose quoted fields hold line breaks, as RFC 4180 allows and as Excel, pandas'
 * {@code to_csv} and PostgreSQL's {@code COPY ... CSV} write free text. Spark's line-based CSV reader
 * splits such records; its multi-line reader reads them but cannot split a file across tasks, so only
 * the files that need it get it. Only the first {@link #PROBE_BYTES} of each file are read: a free-text
 * column breaks a line within the first few records, and on S3 that is one short read per file.
 *
 * <p>A quote opens a quoted field only at the start of a field (an inch mark inside an unquoted value,
 * {@code 27" screen}, is a character, as it is to Spark), and a doubled quote inside one is an escaped
 * quote, so a file that is merely malformed is not taken for a multi-line one.
 */
final class CsvLineBreaks {
  /** How much of each file is read to look for a quoted line break. */
  static final int PROBE_BYTES = 1 << 20;
  private static final int THREADS = 8;

  private CsvLineBreaks() {}

  /** Whether the policy already chose the reader ({@code input.options.multiLine}): then nothing is probed. */
  static boolean chosenByPolicy(Map<String, String> options) {
    return options.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("multiLine"));
  }

  /**
   * The files among {@code files} that hold a line break inside a quoted field within their first
   * {@link #PROBE_BYTES}, in the order given. Empty when the options make a byte-level scan unsound
   * (a UTF-16/32 encoding, quoting switched off, a delimiter longer than one character).
   */
  static List<String> filesWithQuotedLineBreaks(Configuration conf, List<String> files, Map<String, String> options) {
    Syntax syntax = Syntax.of(options);
    if (syntax == null || files.isEmpty()) {
      return List.of();
    }
    CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, files.size()), r -> {
      Thread t = new Thread(r, "shroud-csv-probe");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Boolean>> found = new ArrayList<>();
      for (String file : files) {
        found.add(pool.submit(() -> probe(conf, codecs, file, syntax)));
      }
      List<String> multiLine = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        if (found.get(i).get()) {
          multiLine.add(files.get(i));
        }
      }
      return multiLine;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Cannot look for line breaks in the input's CSV files: interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot look for line breaks in the input's CSV files", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static boolean probe(Configuration conf, CompressionCodecFactory codecs, String file, Syntax syntax) {
    Path path = new Path(file);
    try {
      FileSystem fs = path.getFileSystem(conf);
      CompressionCodec codec = codecs.getCodec(path);
      try (InputStream raw = fs.open(path);
          InputStream in = codec == null ? raw : codec.createInputStream(raw)) {
        return hasQuotedLineBreak(in, PROBE_BYTES, syntax);
      }
    } catch (IOException e) {
      // Unreadable or cut short (a truncated .gz): proves nothing here; Spark's own read reports it.
      return false;
    }
  }

  /**
   * Reads at most {@code limit} bytes of {@code in}; true once a record that holds a line break inside a
   * quoted field has ended with that field closed and as many fields as the first record (the header).
   * A quote that never closes (an unbalanced quote, which Spark's line reader confines to its line) or a
   * record of the wrong width proves nothing.
   */
  static boolean hasQuotedLineBreak(InputStream in, int limit, Syntax syntax) throws IOException {
    Scan scan = new Scan(syntax);
    byte[] buffer = new byte[64 * 1024];
    int seen = 0;
    while (seen < limit) {
      int n = in.read(buffer, 0, Math.min(buffer.length, limit - seen));
      if (n < 0) {
        return scan.endOfInput();
      }
      for (int i = 0; i < n; i++) {
        if (scan.accept(buffer[i])) {
          return true;
        }
      }
      seen += n;
    }
    return false; // the limit fell inside or after records that proved nothing
  }

  /** An RFC 4180 record scanner that counts fields and notes quoted line breaks; no values are kept. */
  private static final class Scan {
    private final Syntax syntax;
    private State state = State.FIELD_START;
    private boolean escaped;
    private int fields = 1;
    private int expected = -1;
    private boolean quotedBreak;

    Scan(Syntax syntax) {
      this.syntax = syntax;
    }

    /** Takes one byte; true when a record just proved the file multi-line. */
    boolean accept(byte c) {
      if (state == State.QUOTED) {
        if (escaped) {
          escaped = false;
        } else if (c == syntax.escape && syntax.escape != syntax.quote) {
          escaped = true;
        } else if (c == syntax.quote) {
          state = State.AFTER_QUOTE;
        } else if (c == '\n' || c == '\r') {
          quotedBreak = true;
        }
      } else if (state == State.AFTER_QUOTE && c == syntax.quote && syntax.escape == syntax.quote) {
        state = State.QUOTED; // "" inside a quoted field: an escaped quote
      } else if (c == syntax.separator) {
        fields++;
        state = State.FIELD_START;
      } else if (c == '\n' || c == '\r') {
        return endOfRecord();
      } else {
        // A quote opens a field only at its start; anything after a closing quote is lenient text.
        state = c == syntax.quote && state == State.FIELD_START ? State.QUOTED : State.UNQUOTED;
      }
      return false;
    }

    boolean endOfInput() {
      return state != State.QUOTED && endOfRecord();
    }

    private boolean endOfRecord() {
      boolean proof = quotedBreak && fields == expected;
      if (expected < 0 && !(fields == 1 && state == State.FIELD_START)) {
        expected = fields;
      }
      fields = 1;
      quotedBreak = false;
      state = State.FIELD_START;
      return proof;
    }
  }

  private enum State { FIELD_START, UNQUOTED, QUOTED, AFTER_QUOTE }

  /** The single-byte quote, escape and separator of Spark's CSV options, or null when a byte scan would be unsound. */
  record Syntax(byte quote, byte escape, byte separator) {
    static Syntax of(Map<String, String> options) {
      String encoding = option(options, "encoding", option(options, "charset", "UTF-8")).toUpperCase(Locale.ROOT);
      if (encoding.contains("16") || encoding.contains("32")) {
        return null;
      }
      String quote = option(options, "quote", "\"");
      String escape = option(options, "escape", "\\");
      String separator = option(options, "sep", option(options, "delimiter", ","));
      if ("\\t".equals(separator)) {
        separator = "\t";
      }
      if (quote.length() != 1 || quote.charAt(0) == '\u0000' || quote.charAt(0) > 127 || escape.length() != 1
          || escape.charAt(0) > 127 || separator.length() != 1 || separator.charAt(0) > 127) {
        return null;
      }
      return new Syntax((byte) quote.charAt(0), (byte) escape.charAt(0), (byte) separator.charAt(0));
    }

    private static String option(Map<String, String> options, String key, String fallback) {
      return options.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue)
          .findFirst().orElse(fallback);
    }
  }
}
