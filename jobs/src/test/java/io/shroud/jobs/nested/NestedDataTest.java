package io.shroud.jobs.nested;

import static io.shroud.jobs.SparkTestSupport.run;
import static io.shroud.jobs.SparkTestSupport.spark;
import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.audit.AuditJson;
import io.shroud.core.audit.AuditRecord;
import io.shroud.core.audit.ColumnAudit;
import io.shroud.core.utility.ColumnUtility;
import io.shroud.jobs.SparkTestSupport.CliResult;
import io.shroud.jobs.SparkTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chat transcripts in JSON lines and nested Parquet: every leaf reached, structure kept. */
class NestedDataTest {
  @TempDir Path tmp;

  private static final List<String> CHATS = List.of(
      "{\"id\":1,\"messages\":[{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"},"
          + "{\"role\":\"user\",\"content\":\"My email is jane.doe@example.com and my SSN is 536-22-8718\"},"
          + "{\"role\":\"assistant\",\"content\":\"Thanks, I will write to jane.doe@example.com today.\"}],"
          + "\"meta\":{\"turns\":3,\"source\":\"support\"}}",
      "{\"id\":2,\"messages\":[{\"role\":\"user\",\"content\":\"Call me on +1 415 555 2671 please\"}],"
          + "\"meta\":{\"turns\":1,\"source\":\"chat\"}}",
      "{\"id\":3,\"messages\":[],\"meta\":{\"turns\":0,\"source\":\"empty\"}}");

  @Test
  void noPolicyMasksEveryMessageAndKeepsEveryRecordFieldAndElement() throws IOException {
    Path in = tmp.resolve("chats.jsonl");
    Files.write(in, CHATS);
    Path out = tmp.resolve("out");
    CliResult result = run("sanitize", "--input", in.toString(), "--output", out.toString(), "--output-format", "json");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);

    Dataset<Row> original = spark().read().json(in.toString());
    Dataset<Row> masked = spark().read().schema(original.schema()).json(out.toString()).orderBy("id");
    List<Row> rows = masked.collectAsList();
    assertThat(rows).hasSize(3);
    String all = rows.toString();
    assertThat(all).doesNotContain("jane.doe@example.com", "536-22-8718", "415 555 2671");
    List<Row> first = rows.get(0).getList(rows.get(0).fieldIndex("messages"));
    assertThat(first).hasSize(3);
    assertThat(first.get(0).<String>getAs("content")).isEqualTo("You are a helpful assistant.");
    assertThat(first.get(1).<String>getAs("content")).isEqualTo("My email is <EMAIL> and my SSN is <US_SSN>");
    assertThat(first.get(2).<String>getAs("content")).isEqualTo("Thanks, I will write to <EMAIL> today.");
    assertThat(first.get(1).<String>getAs("role")).isEqualTo("user");
    assertThat(rows.get(1).getList(rows.get(1).fieldIndex("messages"))).hasSize(1);
    assertThat(rows.get(2).getList(rows.get(2).fieldIndex("messages"))).isEmpty();
    Row meta = rows.get(0).getAs("meta");
    assertThat(meta.<Long>getAs("turns")).isEqualTo(3L);
    assertThat(meta.<String>getAs("source")).isEqualTo("support");

    AuditRecord audit = onlyAudit(Path.of(out + "_audit"));
    Map<String, ColumnAudit> byPath = audit.columns().stream().collect(Collectors.toMap(ColumnAudit::name, c -> c));
    assertThat(byPath).containsKeys("id", "messages[].content", "messages[].role", "meta.turns", "meta.source");
    assertThat(byPath.get("messages[].content").findings()).containsEntry("EMAIL", 2L).containsEntry("US_SSN", 1L)
        .containsEntry("PHONE", 1L);
    assertThat(byPath.get("messages[].content").maskedCells()).isEqualTo(3L);

    // The utility section compares leaves inside arrays element by element.
    Map<String, ColumnUtility> utility = audit.utility().columns().stream()
        .collect(Collectors.toMap(ColumnUtility::name, c -> c));
    var content = utility.get("messages[].content");
    assertThat(content.kind()).isEqualTo("text");
    assertThat(content.before().values()).isEqualTo(4);
    assertThat(content.changedShare()).isEqualTo(0.75);
    assertThat(content.text().untouchedShare()).isEqualTo(0.25);
    assertThat(content.text().spansPer1000Tokens()).containsOnlyKeys("EMAIL", "PHONE", "US_SSN");
    assertThat(utility.get("messages[].role").changedShare()).isEqualTo(0.0);
    assertThat(utility.get("meta.turns").kind()).isEqualTo("number");
    // The phone's digits as written or run together; "2671" alone can occur in a random temp-dir name.
    assertThat(AuditJson.toJson(audit)).doesNotContain("jane.doe", "536-22-8718", "555 2671", "5552671");
  }

  @Test
  void theChatSampleKeepsItsSchemaRecordsAndEveryMessage() {
    Path in = SparkTestSupport.repoRoot().resolve("samples/chats.jsonl");
    Path out = tmp.resolve("out");
    CliResult result = run("sanitize", "--input", in.toString(), "--output", out.toString(), "--output-format", "json");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    Dataset<Row> original = spark().read().json(in.toString());
    Dataset<Row> masked = spark().read().json(out.toString());
    assertThat(masked.schema()).isEqualTo(original.schema());
    String[] shape = {"conversation_id", "size(messages) as n", "transform(messages, m -> m.role) as roles", "meta"};
    assertThat(masked.selectExpr(shape).orderBy("conversation_id").collectAsList())
        .isEqualTo(original.selectExpr(shape).orderBy("conversation_id").collectAsList());
    List<String> contents = masked.selectExpr("explode(messages.content)").as(Encoders.STRING())
        .collectAsList();
    assertThat(String.join("\n", contents)).doesNotContainPattern("[a-z._]+@[a-z.]+\\.(com|org|net|uk)")
        .doesNotContainPattern("\\b\\d{3}-\\d{2}-\\d{4}\\b").contains("<EMAIL>", "<PHONE>", "<US_SSN>", "<CREDIT_CARD>", "login from <IP_ADDRESS> wasn't me");
  }

  @Test
  void nestedParquetKeepsItsExactSchemaAndPathRulesApply() throws IOException {
    StructType address = new StructType().add("street", DataTypes.StringType).add("zip", DataTypes.StringType);
    StructType item = new StructType().add("sku", DataTypes.StringType).add("qty", DataTypes.IntegerType, false)
        .add("address", address);
    StructType schema = new StructType()
        .add("order_id", DataTypes.LongType, false)
        .add("customer", new StructType().add("name", DataTypes.StringType).add("email", DataTypes.StringType)
            .add("age", DataTypes.IntegerType))
        .add("items", DataTypes.createArrayType(item, false))
        .add("tags", DataTypes.createArrayType(DataTypes.StringType, true))
        .add("attributes", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true));
    List<Row> rows = List.of(
        RowFactory.create(10L, RowFactory.create("Ann Lee", "ann@example.com", 41),
            List.of(RowFactory.create("SKU-1", 2, RowFactory.create("1 Main Street", "94105")),
                RowFactory.create("SKU-2", 1, null)),
            List.of("vip", "ssn 536-22-8718"), Map.of("ip", "203.0.113.7", "channel", "web")),
        RowFactory.create(11L, null, List.of(), null, Map.of()));
    Path in = tmp.resolve("orders.parquet");
    spark().createDataFrame(rows, schema).coalesce(1).write().parquet(in.toString());
    Path policy = policy(in, "parquet",
        "columns:",
        "  customer.email: { action: partial-mask, keepLast: 11 }",
        "  customer.name: { action: redact, replacement: \"<NAME>\" }",
        "  items[].address.zip: { action: partial-mask, keepFirst: 2 }",
        "  items[].sku: { action: keep, reason: product code }");
    CliResult result = run("sanitize", "--config", policy.toString());
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);

    Dataset<Row> masked = spark().read().parquet(tmp.resolve("out").toString());
    assertThat(masked.schema()).isEqualTo(spark().read().parquet(in.toString()).schema());
    List<Row> out = masked.orderBy("order_id").collectAsList();
    Row customer = out.get(0).getAs("customer");
    assertThat(customer.<String>getAs("email")).isEqualTo("***@example.com");
    assertThat(customer.<String>getAs("name")).isEqualTo("<NAME>");
    assertThat(customer.<Integer>getAs("age")).isEqualTo(41);
    List<Row> items = out.get(0).getList(out.get(0).fieldIndex("items"));
    assertThat(items).hasSize(2);
    assertThat(items.get(0).<String>getAs("sku")).isEqualTo("SKU-1");
    assertThat(items.get(0).<Integer>getAs("qty")).isEqualTo(2);
    Row firstAddress = items.get(0).getAs("address");
    assertThat(firstAddress.<String>getAs("zip")).isEqualTo("94***");
    assertThat(firstAddress.<String>getAs("street")).isEqualTo("<ADDRESS>");
    assertThat(items.get(1).isNullAt(items.get(1).fieldIndex("address"))).isTrue();
    assertThat(out.get(0).<String>getList(out.get(0).fieldIndex("tags"))).containsExactly("vip", "ssn <US_SSN>");
    assertThat(out.get(0).<String, String>getJavaMap(out.get(0).fieldIndex("attributes")))
        .containsEntry("ip", "<IP_ADDRESS>").containsEntry("channel", "web");
    assertThat(out.get(1).isNullAt(out.get(1).fieldIndex("customer"))).isTrue();
    assertThat(out.get(1).getList(out.get(1).fieldIndex("items"))).isEmpty();
  }

  @Test
  void unknownPathIsRefusedWithTheNearestValidPath() throws IOException {
    Path in = tmp.resolve("chats.jsonl");
    Files.write(in, CHATS);
    Path policy = policy(in, "json",
        "columns:",
        "  messages[].contents: redact");
    CliResult result = run("sanitize", "--config", policy.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("line 5: path 'messages[].contents' is not in the input")
        .contains("did you mean 'messages[].content'?");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void droppingAFieldInsideAStructIsRefused() throws IOException {
    Path in = tmp.resolve("chats.jsonl");
    Files.write(in, CHATS);
    Path policy = policy(in, "json",
        "columns:",
        "  meta.source: drop");
    CliResult result = run("sanitize", "--config", policy.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("line 5: cannot drop 'meta.source': it is inside 'meta' and nested output keeps "
        + "its schema; use action remove or redact for the field, or drop the top-level column 'meta'");
  }

  @Test
  void aRoleConditionKeepsAssistantTurnsAndStillDetectsEveryOtherRole() throws IOException {
    Path in = tmp.resolve("chats.jsonl");
    Files.write(in, CHATS);
    Path policy = policy(in, "json",
        "columns:",
        "  messages[].content:",
        "    action: keep",
        "    reason: assistant turns are model output, reviewed upstream",
        "    when: { role: [assistant, system] }");
    CliResult result = run("sanitize", "--config", policy.toString());
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    Dataset<Row> original = spark().read().json(in.toString());
    List<Row> rows = spark().read().schema(original.schema()).json(tmp.resolve("out").toString()).orderBy("id")
        .collectAsList();
    List<Row> first = rows.get(0).getList(rows.get(0).fieldIndex("messages"));
    assertThat(first.get(1).<String>getAs("content")).isEqualTo("My email is <EMAIL> and my SSN is <US_SSN>");
    assertThat(first.get(2).<String>getAs("content")).isEqualTo("Thanks, I will write to jane.doe@example.com today.");
    AuditRecord audit = onlyAudit(Path.of(tmp.resolve("out") + "_audit"));
    Map<String, ColumnAudit> byPath = audit.columns().stream().collect(Collectors.toMap(ColumnAudit::name, c -> c));
    assertThat(byPath.get("messages[].content").reason()).endsWith("(when role in [assistant, system])");
    assertThat(byPath.get("messages[].content [otherwise]").findings()).containsEntry("EMAIL", 1L);
  }

  @Test
  void aConditionOnAFieldThatIsNotBesideItIsRefused() throws IOException {
    Path in = tmp.resolve("chats.jsonl");
    Files.write(in, CHATS);
    Path policy = policy(in, "json",
        "columns:",
        "  messages[].content: { action: redact, when: { speaker: user } }");
    CliResult result = run("sanitize", "--config", policy.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("'when' on 'messages[].content' tests field 'speaker', which is not a string "
        + "field beside it (expected 'messages[].speaker')");
  }

  /** A policy reading {@code in} in {@code format} and writing {@code out} in the same format, then {@code lines}. */
  private Path policy(Path in, String format, String... lines) throws IOException {
    return writePolicy(tmp, "input: { path: \"" + in + "\", format: " + format + " }",
        "output: { path: \"" + tmp.resolve("out") + "\", format: " + format + " }", lines);
  }

  static Path writePolicy(Path dir, String input, String output, String... lines) throws IOException {
    List<String> all = new ArrayList<>(List.of("version: 1", input, output));
    all.addAll(List.of(lines));
    return Files.write(dir.resolve("policy.yaml"), all);
  }

  static AuditRecord onlyAudit(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> audits = files.filter(p -> p.getFileName().toString().startsWith("audit-")).toList();
      assertThat(audits).hasSize(1);
      return AuditJson.fromJson(Files.readString(audits.get(0)));
    }
  }
}
