package io.shroud.jobs.spark;

import static io.shroud.jobs.SparkCounts.counting;
import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.plan.ColumnInfo;
import io.shroud.core.policy.DataFormat;
import io.shroud.core.policy.InputSpec;
import io.shroud.jobs.SparkCounts.Counted;
import io.shroud.jobs.SparkTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output Shroud has just written is read back (for the residual rescan) with the columns it wrote:
 * opening it starts no Spark job, where finding a CSV header costs one (its planning is a large share
 * of a small run), and the rows read are the same.
 */
class KnownSchemaReadTest {
  @TempDir Path tmp;

  @Test
  void writtenCsvWithKnownColumnsOpensWithoutASparkJob() throws Exception {
    SparkSession spark = SparkTestSupport.spark();
    Path dir = Files.createDirectories(tmp.resolve("written"));
    Files.writeString(dir.resolve("part-00000.csv"), "id,note\n1,\"a, quoted note\"\n2,plain\n");
    StructType written = new StructType().add("id", DataTypes.StringType).add("note", DataTypes.StringType);
    InputSpec spec = new InputSpec(dir.toString(), DataFormat.CSV, Map.of());

    Counted<InputReader.Input> known = counting(spark, () -> InputReader.read(spark, spec, written));
    assertThat(known.jobs()).as("Spark jobs started to open the output").isZero();
    assertThat(known.result().dataSchema()).isEqualTo(written);

    Counted<InputReader.Input> inferred = counting(spark, () -> InputReader.read(spark, spec));
    assertThat(inferred.jobs()).as("finding the header of a CSV nobody described").isPositive();
    assertThat(ProfileStage.sampleValues(known.result(), columns(written), 10).values())
        .isEqualTo(ProfileStage.sampleValues(inferred.result(), columns(written), 10).values())
        .containsExactly(List.of("1", "2"), List.of("a, quoted note", "plain"));
  }

  private static List<ColumnInfo> columns(StructType schema) {
    return LeafPaths.leaves(schema).stream().map(LeafPaths.Leaf::info).toList();
  }
}
