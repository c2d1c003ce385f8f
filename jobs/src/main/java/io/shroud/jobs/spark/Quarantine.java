package io.shroud.jobs.spark;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.scan.TextScanner;
import io.shroud.core.keys.KeyProviderFactory;
import io.shroud.core.operator.MaskingOperator;
import io.shroud.core.operator.Operators;
import io.shroud.core.operator.RedactSpec;
import io.shroud.core.operator.TextMasker;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes malformed records to a side output so they can be repaired: JSON lines of the source file
 * and the raw record as free text with every detected span redacted to its label. A record the
 * parser could not split into fields is still personal data, so it is never written raw.
 */
public final class Quarantine {
  private static final StructType SCHEMA = new StructType()
      .add("file", DataTypes.StringType).add("record", DataTypes.StringType);

  private Quarantine() {}

  public static void write(InputReader.Input input, DetectionSettings detection, String location) {
    // Spark refuses queries that reference only the corrupt-record column of a raw file: take a data column along.
    Dataset<Row> bad = input.frame()
        .select(functions.col(InputReader.FILE_COLUMN), functions.col(InputReader.CORRUPT_COLUMN),
            ProfileStage.quoted(input.dataSchema().fieldNames()[0]))
        .filter(functions.col(InputReader.CORRUPT_COLUMN).isNotNull());
    bad.mapPartitions(new MaskRecords(detection), Encoders.row(SCHEMA))
        .coalesce(1).write().mode(SaveMode.ErrorIfExists).json(location);
  }

  private static final class MaskRecords implements MapPartitionsFunction<Row, Row> {
    private final DetectionSettings detection;

    MaskRecords(DetectionSettings detection) {
      this.detection = detection;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      TextScanner scanner = TextScanner.standard(detection);
      MaskingOperator label = new Operators(Map.of(), new KeyProviderFactory.LocalFiles().create()).create(RedactSpec.LABEL);
      DetectionContext context = DetectionContext.forColumn("record");
      List<Row> out = new ArrayList<>();
      while (rows.hasNext()) {
        Row row = rows.next();
        String record = row.getString(1);
        List<Finding> findings = scanner.scan(record, context);
        out.add(RowFactory.create(row.getString(0), TextMasker.mask(record, findings, type -> label)));
      }
      return out.iterator();
    }
  }
}
