package io.shroud.jobs.sanitize;

import static io.shroud.jobs.SparkTestSupport.repoRoot;
import static io.shroud.jobs.SparkTestSupport.run;
import static io.shroud.jobs.SparkTestSupport.spark;
import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.audit.AuditJson;
import io.shroud.core.audit.AuditRecord;
import io.shroud.core.audit.ColumnAudit;
import io.shroud.core.audit.ObjectTagsAudit;
import io.shroud.core.audit.ObjectTagsAudit.AuditObjects;
import io.shroud.core.audit.ObjectTagsAudit.Classification;
import io.shroud.core.audit.ObjectTagsAudit.Placement;
import io.shroud.jobs.SparkTestSupport.CliResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sanitize job end to end on the sample data, through the CLI, in Spark local mode. */
class SanitizeEndToEndTest {
  static final Path SAMPLE = repoRoot().resolve("samples/customers.csv");
  static final List<String> MASKED_BY_DETECTION = List.of("full_name", "email", "phone", "ssn", "credit_card", "ip_address");
  static final List<String> UNTOUCHED = List.of("customer_id", "signup_date", "country", "plan", "monthly_spend",
      "order_number");

  static Map<String, Row> input;

  @TempDir Path tmp;

  @BeforeAll
  static void readInput() {
    input = byId(csv(SAMPLE.toString()));
  }

  static Dataset<Row> csv(String path) {
    return spark().read().option("header", "true").option("escape", "\"").csv(path);
  }

  static Map<String, Row> byId(Dataset<Row> frame) {
    Map<String, Row> rows = new HashMap<>();
    for (Row row : frame.collectAsList()) {
      rows.put(row.getAs("customer_id"), row);
    }
    return rows;
  }

  static AuditRecord onlyAudit(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> audits = files.filter(p -> p.getFileName().toString().startsWith("audit-")).toList();
      assertThat(audits).hasSize(1);
      return AuditJson.fromJson(Files.readString(audits.get(0)));
    }
  }

  static String auditText(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      StringBuilder all = new StringBuilder();
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith("audit-")).toList()) {
        all.append(Files.readString(p));
      }
      return all.toString();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void autoPolicyMasksEveryFindingAndKeepsEverythingElse() throws IOException {
    Path out = tmp.resolve("auto");
    CliResult result = run("sanitize", "--input", SAMPLE.toString(), "--output", out.toString(), "--output-format", "csv");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    assertThat(result.out()).contains("Sanitized 1000 rows");

    Dataset<Row> masked = csv(out.toString());
    assertThat(masked.columns()).containsExactly(csv(SAMPLE.toString()).columns());
    Map<String, Row> output = byId(masked);
    assertThat(output).hasSize(1000).containsOnlyKeys(input.keySet());

    String outputText = String.join("\n", masked.toJSON().collectAsList());
    for (Map.Entry<String, Row> e : input.entrySet()) {
      Row before = e.getValue();
      Row after = output.get(e.getKey());
      for (String column : UNTOUCHED) {
        assertThat((String) after.getAs(column)).as(column).isEqualTo(before.getAs(column));
      }
      assertThat((String) after.getAs("full_name")).isEqualTo("<PERSON>");
      assertThat((String) after.getAs("email")).isEqualTo("<EMAIL>");
      assertThat((String) after.getAs("phone")).isEqualTo("<PHONE>");
      assertThat((String) after.getAs("ssn")).isEqualTo("<US_SSN>");
      assertThat((String) after.getAs("credit_card")).isEqualTo("<CREDIT_CARD>");
      assertThat((String) after.getAs("ip_address")).isEqualTo("<IP_ADDRESS>");
      for (String column : MASKED_BY_DETECTION) {
        assertThat(outputText).as("raw %s leaked", column).doesNotContain((String) before.getAs(column));
      }
    }

    AuditRecord audit = onlyAudit(Path.of(out + "_audit"));
    assertThat(audit.status()).isEqualTo("succeeded");
    assertThat(audit.rowsRead()).isEqualTo(1000);
    assertThat(audit.rowsWritten()).isEqualTo(1000);
    assertThat(audit.policy().auto()).isTrue();
    // Local output: the tags are decided and recorded, and marked as not applicable rather than failing.
    ObjectTagsAudit tags = audit.objectTags();
    assertThat(tags.output()).isEqualTo(Placement.notApplicable("not on S3"));
    assertThat(tags.audit()).isEqualTo(AuditObjects.notApplicable("not on S3"));
    assertThat(tags.classification()).isEqualTo(new Classification("derived", "masked"));
    assertThat(tags.input()).isNull();
    assertThat(tags.tags()).containsEntry("shroud:run-id", audit.runId())
        .containsEntry("shroud:policy-sha256", audit.policy().sha256());
    ColumnAudit email = audit.columns().stream().filter(c -> c.name().equals("email")).findFirst().orElseThrow();
    assertThat(email.treatment()).isEqualTo("MASK_VALUE");
    assertThat(email.entityType()).isEqualTo("EMAIL");
    assertThat(email.maskedCells()).isEqualTo(1000);
    ColumnAudit notes = audit.columns().stream().filter(c -> c.name().equals("support_note")).findFirst().orElseThrow();
    assertThat(notes.treatment()).isEqualTo("SCAN_TEXT");
    assertThat(notes.findings()).containsOnlyKeys("EMAIL", "PHONE", "US_SSN", "CREDIT_CARD", "IP_ADDRESS");
    assertThat(audit.findingsByType().get("EMAIL")).isGreaterThan(1000);
    ColumnAudit orders = audit.columns().stream().filter(c -> c.name().equals("order_number")).findFirst().orElseThrow();
    assertThat(orders.findings()).as("Luhn-failing order numbers are not cards").isEmpty();

    String auditJson = auditText(Path.of(out + "_audit"));
    String report;
    try (Stream<Path> files = Files.list(Path.of(out + "_audit"))) {
      Path html = files.filter(p -> p.getFileName().toString().matches("report-.*\\.html")).findFirst().orElseThrow();
      report = Files.readString(html);
    }
    assertThat(report).startsWith("<!DOCTYPE html>").contains("<table id=\"columns\">", "<svg id=\"chart\"",
        "<code>support_note</code>", "SCAN_TEXT").doesNotContain("<script");
    for (Row row : input.values()) {
      for (String column : MASKED_BY_DETECTION) {
        assertThat(auditJson).doesNotContain((String) row.getAs(column));
        assertThat(report).doesNotContain((String) row.getAs(column));
      }
    }
  }

  @Test
  void samplePolicyAppliesEachRuleAndRecordsKeyFingerprints() throws IOException {
    Path key = tmp.resolve("keys/sample.key");
    Path policy = tmp.resolve("policy.yaml");
    Files.writeString(policy, Files.readString(repoRoot().resolve("conf/local-sample.yaml"))
        .replace(".shroud/keys/local-sample.key", key.toString())
        .replace("samples/customers.csv", SAMPLE.toString()));
    Path out = tmp.resolve("masked");
    CliResult result = run("sanitize", "--config", policy.toString(), "--output", out.toString());
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);

    Map<String, Row> output = new HashMap<>();
    for (Row row : csv(out.toString()).collectAsList()) {
      output.put(row.getAs("signup_date") + "|" + row.getAs("order_number"), row);
    }
    assertThat(output).hasSize(1000);
    for (Row before : input.values()) {
      Row after = output.get(before.getAs("signup_date") + "|" + before.getAs("order_number"));
      assertThat((String) after.getAs("customer_id")).matches("[0-9a-f]{16}");
      assertThat((String) after.getAs("full_name")).isEqualTo("<PERSON>");
      String ssn = before.getAs("ssn");
      assertThat((String) after.getAs("ssn")).isEqualTo("***-**-" + ssn.substring(7));
      String email = before.getAs("email");
      assertThat((String) after.getAs("email")).startsWith(email.substring(0, 2))
          .endsWith(email.substring(email.indexOf('@'))).doesNotContain(email.substring(0, email.indexOf('@')));
      assertThat((String) after.getAs("ip_address")).isEqualTo("<REDACTED>");
      assertThat((String) after.getAs("country")).isEqualTo(before.getAs("country"));
    }

    // Same key, second table: the same ids hash to the same values, so joins survive.
    Path again = tmp.resolve("again");
    assertThat(run("sanitize", "--config", policy.toString(), "--output", again.toString()).exitCode()).isEqualTo(0);
    assertThat(csv(again.toString()).select("customer_id").collectAsList())
        .containsExactlyInAnyOrderElementsOf(csv(out.toString()).select("customer_id").collectAsList());

    AuditRecord audit = onlyAudit(Path.of(out + "_audit"));
    ColumnAudit id = audit.columns().get(0);
    assertThat(id.operator().action()).isEqualTo("hash");
    assertThat(id.operator().parameters()).containsEntry("key", "local-sample");
    assertThat(id.keys()).singleElement().satisfies(k -> assertThat(k.fingerprint()).hasSize(16));
    ColumnAudit country = audit.columns().stream().filter(c -> c.name().equals("country")).findFirst().orElseThrow();
    assertThat(country.treatment()).isEqualTo("KEEP");
    assertThat(country.reason()).isEqualTo("country-level location is coarse");
    String keyText = Files.readString(key).trim();
    assertThat(auditText(Path.of(out + "_audit"))).doesNotContain(keyText);
  }

  @Test
  void refusesToOverwriteUnlessAsked() throws IOException {
    Path out = tmp.resolve("out");
    assertThat(run("sanitize", "--input", SAMPLE.toString(), "--output", out.toString()).exitCode()).isEqualTo(0);
    CliResult again = run("sanitize", "--input", SAMPLE.toString(), "--output", out.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).isEqualTo("shroud: Cannot write output " + out
        + ": it already exists; pass --overwrite or set output.mode: overwrite to replace it\n");

    Files.writeString(out.resolve("stale-marker.txt"), "old output");
    CliResult overwritten = run("sanitize", "--input", SAMPLE.toString(), "--output", out.toString(), "--overwrite");
    assertThat(overwritten.exitCode()).as(overwritten.err()).isEqualTo(0);
    assertThat(out.resolve("stale-marker.txt")).doesNotExist();
    assertThat(csv(out.toString()).count()).isEqualTo(1000);
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("out", "out_audit");
    }
  }
}
