package io.shroud.jobs.spark;

import io.shroud.core.ShroudException;
import io.shroud.core.UsageException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Writes {@code wholetext} output: one file per record, named by its {@code file} column, holding its
 * {@code value}. Executors write straight into the staging location, which is published as a whole.
 */
final class DocumentWriter {
  private DocumentWriter() {}

  static void write(Dataset<Row> frame, String location) {
    var schema = frame.schema();
    if (schema.getFieldIndex(TextInput.FILE).isEmpty() || schema.getFieldIndex(TextInput.VALUE).isEmpty()
        || schema.fields().length != 2 || !schema.apply(TextInput.VALUE).dataType().equals(DataTypes.StringType)) {
      throw new UsageException("Invalid output format wholetext: it writes one file per record from the string columns "
          + "'file' (the name) and 'value' (the content), and the output has " + String.join(", ", schema.fieldNames())
          + "; use wholetext input, or json, csv or parquet output");
    }
    Dataset<Row> documents = frame.select(functions.col(TextInput.FILE).cast("string"), functions.col(TextInput.VALUE));
    long duplicates = documents.groupBy(TextInput.FILE).count().filter(functions.col("count").gt(1)).count();
    if (duplicates > 0) {
      throw new ShroudException("Cannot write " + duplicates + " document name(s) more than once: masking the 'file' "
          + "column made different files share a name; keep the 'file' column (keep with a reason) or give it a hash rule");
    }
    Map<String, String> conf = new HashMap<>();
    frame.sparkSession().sparkContext().hadoopConfiguration().forEach(e -> conf.put(e.getKey(), e.getValue()));
    documents.foreachPartition(new WritePartition(location, conf));
  }

  private static final class WritePartition implements ForeachPartitionFunction<Row> {
    private final String location;
    private final Map<String, String> conf;

    WritePartition(String location, Map<String, String> conf) {
      this.location = location;
      this.conf = conf;
    }

    @Override
    public void call(Iterator<Row> rows) throws IOException {
      Configuration hadoop = new Configuration(false);
      conf.forEach(hadoop::set);
      Path root = new Path(location);
      FileSystem fs = root.getFileSystem(hadoop);
      while (rows.hasNext()) {
        Row row = rows.next();
        String name = row.isNullAt(0) ? "" : row.getString(0);
        if (name.isEmpty() || name.startsWith("/") || ("/" + name + "/").contains("/../")) {
          throw new ShroudException("Cannot write a document named by row's 'file' column: expected a relative file "
              + "name without '..' segments");
        }
        try (OutputStream out = fs.create(new Path(root, name), false)) {
          out.write((row.isNullAt(1) ? "" : row.getString(1)).getBytes(StandardCharsets.UTF_8));
        }
      }
    }
  }
}
