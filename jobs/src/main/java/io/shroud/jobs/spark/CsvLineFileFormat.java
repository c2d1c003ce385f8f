package io.shroud.jobs.spark;

import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.OutputWriter;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.execution.datasources.text.TextFileFormat;
import org.apache.spark.sql.types.StructType;

/**
 * Spark's text file format writing lines already rendered as CSV ({@link CsvLineRenderer}) into files named
 * as its CSV writer names them ({@code part-...-c000.csv}, plus the codec's extension): what a reader, the
 * residual rescan and the manifest see is a CSV output. Writing only; the input side stays Spark's.
 */
public final class CsvLineFileFormat extends TextFileFormat {
  private static final String TEXT_EXTENSION = ".txt";

  @Override
  public OutputWriterFactory prepareWrite(SparkSession spark, Job job, scala.collection.immutable.Map<String, String> options,
      StructType dataSchema) {
    return new CsvNamed(super.prepareWrite(spark, job, options, dataSchema));
  }

  @Override
  public String toString() {
    return "CsvLines";
  }

  private static final class CsvNamed extends OutputWriterFactory {
    private static final long serialVersionUID = 1L;
    private final OutputWriterFactory text;

    CsvNamed(OutputWriterFactory text) {
      this.text = text;
    }

    @Override
    public String getFileExtension(TaskAttemptContext context) {
      String extension = text.getFileExtension(context);
      if (!extension.startsWith(TEXT_EXTENSION)) {
        throw new IllegalStateException("Cannot name CSV lines: Spark's text writer named its file *" + extension);
      }
      return ".csv" + extension.substring(TEXT_EXTENSION.length());
    }

    @Override
    public OutputWriter newInstance(String path, StructType dataSchema, TaskAttemptContext context) {
      return text.newInstance(path, dataSchema, context);
    }
  }
}
