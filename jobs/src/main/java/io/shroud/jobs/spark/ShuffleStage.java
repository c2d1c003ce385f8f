package io.shroud.jobs.spark;

import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Permutes each listed column's values across rows: the column's values are put in random order and
 * paired with the rows by position, so every value survives once and no row keeps its own. Runs on
 * the cluster (zipWithIndex and a join); nothing is collected to the driver.
 */
public final class ShuffleStage {
  private ShuffleStage() {}

  public static Dataset<Row> apply(Dataset<Row> frame, List<String> columns) {
    if (columns.isEmpty()) {
      return frame;
    }
    Dataset<Row> current = frame.persist(StorageLevel.MEMORY_AND_DISK());
    for (String column : columns) {
      current = shuffle(current, column).persist(StorageLevel.MEMORY_AND_DISK());
    }
    return current;
  }

  private static Dataset<Row> shuffle(Dataset<Row> frame, String column) {
    StructType schema = frame.schema();
    int index = schema.fieldIndex(column);
    JavaPairRDD<Long, Row> rows = frame.javaRDD().zipWithIndex().mapToPair(t -> new Tuple2<>(t._2(), t._1()));
    JavaPairRDD<Long, Object> values = frame.select(ProfileStage.quoted(column)).orderBy(functions.rand())
        .javaRDD().zipWithIndex().mapToPair(t -> new Tuple2<>(t._2(), t._1().get(0)));
    JavaRDD<Row> joined = rows.join(values).values().map(pair -> {
      Row row = pair._1();
      Object[] cells = new Object[row.size()];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = i == index ? pair._2() : row.get(i);
      }
      return RowFactory.create(cells);
    });
    return frame.sparkSession().createDataFrame(joined, schema);
  }
}
