package io.shroud.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.keys.CachingKeyProvider;
import io.shroud.core.keys.KeySpec;
import io.shroud.core.operator.HashSpec;
import io.shroud.core.operator.TokenizeSpec;
import io.shroud.core.plan.ColumnInfo;
import io.shroud.core.plan.ColumnPlan;
import io.shroud.core.plan.MaskingPlan;
import io.shroud.core.plan.Treatment;
import io.shroud.core.policy.EntityOperators;
import io.shroud.jobs.SparkTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key bytes never travel in a Spark task or appear in a query plan: tasks carry key names only. */
class KeysStayOutOfTasksTest {
  @TempDir Path tmp;

  @Test
  void serializedTaskAndPlanHoldNoKeyMaterial() throws Exception {
    Path keyFile = tmp.resolve("k.key");
    KeySpec keySpec = new KeySpec("k", KeySpec.KeySource.FILE, keyFile.toString(), true);
    byte[] key = CachingKeyProvider.shared().get(keySpec).bytes();
    String base64 = Files.readString(keyFile).trim();

    StructType schema = new StructType().add("id", DataTypes.StringType).add("card", DataTypes.StringType);
    Dataset<Row> frame = SparkTestSupport.spark().createDataFrame(
        List.of(RowFactory.create("C1", "4111111111111111")), schema);
    List<ColumnInfo> columns = SchemaMapping.columns(schema);
    MaskingPlan plan = new MaskingPlan(List.of(
        new ColumnPlan(columns.get(0), Treatment.MASK_VALUE, null, new HashSpec("k", HashSpec.Encoding.HEX, 16), "policy", "t"),
        new ColumnPlan(columns.get(1), Treatment.MASK_VALUE, null,
            new TokenizeSpec("k", TokenizeSpec.Alphabet.DIGITS, 0, 4, true, ""), "policy", "t")),
        EntityOperators.REDACT_ALL, DetectionSettings.DEFAULTS, Map.of("k", keySpec));

    MaskStage stage = new MaskStage(SparkTestSupport.spark().sparkContext(), MaskingServices.forRun(Optional.empty()));
    InputReader.Input input = new InputReader.Input(schema, frame, false);
    Dataset<Row> masked = stage.apply(input, plan);
    Row row = masked.collectAsList().get(0);
    assertThat(row.getString(0)).hasSize(16);
    assertThat(row.getString(1)).endsWith("1111").isNotEqualTo("4111111111111111");

    // The task exactly as the stage hands it to Spark (accumulators, key factory and detector source included).
    MaskPartition task = stage.task(input, plan, null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(task);
    }
    String serialized = new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1);
    assertThat(serialized).contains("k.key")
        .doesNotContain(new String(key, StandardCharsets.ISO_8859_1))
        .doesNotContain(base64)
        .doesNotContain(HexFormat.of().formatHex(key));
    String plans = masked.queryExecution().toString() + masked.queryExecution().executedPlan().toString();
    assertThat(plans).doesNotContain(base64).doesNotContain(HexFormat.of().formatHex(key))
        .doesNotContain(Base64.getEncoder().encodeToString(key));
  }
}
