package io.shroud.jobs;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.datasources.InsertIntoHadoopFsRelationCommand;
import org.apache.spark.sql.util.QueryExecutionListener;

/** The file formats Spark wrote with while a piece of code ran: to pin which writer a run chose. */
public final class SparkWrites {
  private SparkWrites() {}

  /** What {@code work} returned, and the format of each file write it made ("CSV", "Parquet", "CsvLines", ...). */
  public record Written<T>(T result, List<String> formats) {}

  public static <T> Written<T> formats(SparkSession spark, Callable<T> work) throws Exception {
    List<String> formats = new CopyOnWriteArrayList<>();
    QueryExecutionListener listener = new QueryExecutionListener() {
      @Override
      public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
        if (qe.analyzed() instanceof InsertIntoHadoopFsRelationCommand insert) {
          formats.add(insert.fileFormat().toString());
        }
      }

      @Override
      public void onFailure(String funcName, QueryExecution qe, Exception exception) {}
    };
    spark.sparkContext().listenerBus().waitUntilEmpty(); // writes of earlier work are not counted
    spark.listenerManager().register(listener);
    try {
      T result = work.call();
      spark.sparkContext().listenerBus().waitUntilEmpty(); // listeners hear of a write after it returned
      return new Written<>(result, List.copyOf(formats));
    } finally {
      spark.listenerManager().unregister(listener);
    }
  }
}
