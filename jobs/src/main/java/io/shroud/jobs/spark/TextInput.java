package io.shroud.jobs.spark;

import io.shroud.core.ShroudException;
import io.shroud.core.policy.DataFormat;
import io.shroud.core.policy.InputSpec;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Text corpora: {@code text} gives one record per line in a column {@code value}; {@code wholetext}
 * gives one record per file with columns {@code file} (its name relative to the input path, so the
 * output can keep it) and {@code value} (the document). Long documents are scanned in bounded chunks
 * by the text scanner, so a large file is one record, not one huge regex run.
 */
final class TextInput {
  static final String FILE = "file";
  static final String VALUE = "value";

  private TextInput() {}

  static InputReader.Input read(SparkSession spark, InputSpec spec, Map<String, String> given) {
    // A corpus is a directory tree of documents; sub-directories are part of it, not partitions.
    Map<String, String> options = new HashMap<>(given);
    options.putIfAbsent("recursiveFileLookup", "true");
    Column source = functions.input_file_name();
    if (spec.format() == DataFormat.TEXT) {
      Dataset<Row> lines = spark.read().options(options).text(spec.path());
      Dataset<Row> frame = lines.withColumn(InputReader.FILE_COLUMN, source);
      return new InputReader.Input(lines.schema(), frame, false);
    }
    String root = qualifiedRoot(spark, spec.path());
    Column decoded = functions.url_decode(source);
    Column relative = functions.when(decoded.startsWith(root + "/"), decoded.substr(root.length() + 2, Integer.MAX_VALUE))
        .otherwise(functions.substring_index(decoded, "/", -1));
    Dataset<Row> documents = spark.read().options(options).option("wholetext", "true").text(spec.path())
        .withColumn(InputReader.FILE_COLUMN, source)
        .select(relative.as(FILE), functions.col(VALUE), functions.col(InputReader.FILE_COLUMN));
    return new InputReader.Input(documents.drop(InputReader.FILE_COLUMN).schema(), documents, false);
  }

  /** The input directory as input_file_name() spells its files' parents (scheme and authority included). */
  private static String qualifiedRoot(SparkSession spark, String path) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      Path qualified = fs.makeQualified(p);
      String text = qualified.toUri().toString();
      return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    } catch (IOException e) {
      throw new ShroudException("Cannot resolve input path " + path + ": " + e.getMessage());
    }
  }
}
