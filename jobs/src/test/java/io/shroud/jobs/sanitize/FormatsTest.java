package io.shroud.jobs.sanitize;

import static io.shroud.jobs.SparkTestSupport.run;
import static io.shroud.jobs.SparkTestSupport.spark;
import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.jobs.SparkTestSupport.CliResult;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet and JSON in and out, with typed columns. */
class FormatsTest {
  @TempDir Path tmp;

  @Test
  void parquetToJsonKeepsTypesAndNullsNumbersHoldingPii() {
    StructType schema = new StructType()
        .add("id", DataTypes.IntegerType)
        .add("card", DataTypes.LongType)
        .add("amount", DataTypes.DoubleType)
        .add("active", DataTypes.BooleanType)
        .add("contact", DataTypes.StringType);
    List<Row> rows = List.of(
        RowFactory.create(1, 4111111111111111L, 12.5, true, "mail a@example.com"),
        RowFactory.create(2, 1234L, 99.0, false, null),
        RowFactory.create(3, null, null, null, "+44 20 7946 0958"));
    Path in = tmp.resolve("in.parquet");
    spark().createDataFrame(rows, schema).coalesce(1).write().parquet(in.toString());

    Path out = tmp.resolve("out");
    CliResult result = run("sanitize", "--input", in.toString(), "--input-format", "parquet", "--output", out.toString(),
        "--output-format", "jsonl");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);

    List<Row> masked = spark().read().schema(schema).json(out.toString()).orderBy("id").collectAsList();
    assertThat(masked).hasSize(3);
    assertThat(masked.get(0).isNullAt(1)).as("a card number stored as a long cannot hold a mask: nulled").isTrue();
    assertThat(masked.get(0).getDouble(2)).isEqualTo(12.5);
    assertThat(masked.get(0).getBoolean(3)).isTrue();
    assertThat(masked.get(0).getString(4)).isEqualTo("mail <EMAIL>");
    assertThat(masked.get(1).getLong(1)).isEqualTo(1234L);
    assertThat(masked.get(1).isNullAt(4)).isTrue();
    assertThat(masked.get(2).getString(4)).isEqualTo("<PHONE>");
    // JSON output keeps null fields rather than dropping them.
    assertThat(spark().read().text(out.toString()).collectAsList().get(0).getString(0)).contains("\"card\":");
  }
}
