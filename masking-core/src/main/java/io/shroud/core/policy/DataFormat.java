package io.shroud.core.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** File formats Shroud reads and writes. */
public enum DataFormat {
  CSV,
  PARQUET,
  JSON,
  /** Plain text, one record per line, in a string column {@code value}. */
  TEXT,
  /**
   * Plain text, one record per file: columns {@code file} (the name relative to the input path) and
   * {@code value} (the whole document). Written back as one file per record under the same name.
   */
  WHOLETEXT,
  /**
   * An Apache Iceberg table, named by {@code input.table} / {@code output.table} and a catalog rather than a path.
   * Never parsed from a format name or guessed from a path.
   */
  ICEBERG;

  /** The name Spark's DataFrameReader/Writer uses for this format. */
  public String sparkName() {
    return this == WHOLETEXT ? "text" : name().toLowerCase(Locale.ROOT);
  }

  /** The name policies and the command line use. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DataFormat parse(String text) {
    String wanted = text.trim().toUpperCase(Locale.ROOT);
    if (wanted.equals("JSONL") || wanted.equals("NDJSON")) {
      return JSON;
    }
    for (DataFormat format : values()) {
      if (format != ICEBERG && format.name().equals(wanted)) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "unknown format '" + text + "'; expected one of " + names());
  }

  public static String names() {
    return Arrays.stream(values()).filter(f -> f != ICEBERG).map(DataFormat::yamlName)
        .collect(Collectors.joining(", "));
  }

  /** Guesses the format from a path's extension; CSV when nothing matches. */
  public static DataFormat fromPath(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".parquet")) {
      return PARQUET;
    }
    if (lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
      return JSON;
    }
    if (lower.endsWith(".txt")) {
      return TEXT;
    }
    return CSV;
  }
}
