package io.shroud.jobs.sanitize;

import static io.shroud.jobs.SparkTestSupport.repoRoot;
import static io.shroud.jobs.SparkTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.audit.ColumnAudit;
import io.shroud.core.detect.check.Checksums;
import io.shroud.jobs.SparkTestSupport.CliResult;
import io.shroud.jobs.SparkTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of operator on the sample through Spark, and a detokenize round trip. */
class OperatorsEndToEndTest {
  @TempDir Path tmp;

  @Test
  void tokenizedAndEncryptedColumnsRoundTripThroughDetokenize() throws Exception {
    Path policy = tmp.resolve("policy.yaml");
    Files.writeString(policy, """
        input: { path: %s }
        output: { path: %s, format: parquet }
        columns:
          customer_id: { action: pseudonymize, key: k, prefix: CUST }
          full_name:   { action: substitute, key: k, type: PERSON }
          email:       { action: encrypt, key: k }
          credit_card: { action: tokenize, key: k, keepLast: 4, luhn: true }
          ssn:         { action: tokenize, key: k }
          signup_date: { action: perturb, kind: date-shift, key: k, subject: customer_id, maxDays: 20 }
          monthly_spend: { action: generalize, width: 100 }
          country:     shuffle
          ip_address:  { action: generalize, prefix: 3 }
          phone:       suppress
        unlistedColumns: detect
        keys:
          k: { file: %s, generateIfMissing: true }
        """.formatted(repoRoot().resolve("samples/customers.csv"), tmp.resolve("masked"), tmp.resolve("k.key")));
    CliResult masked = run("sanitize", "--config", policy.toString());
    assertThat(masked.exitCode()).as(masked.err()).isEqualTo(0);

    Map<String, Row> input = SanitizeEndToEndTest.byId(SanitizeEndToEndTest.csv(repoRoot().resolve("samples/customers.csv").toString()));
    Map<String, Row> byOrder = new HashMap<>();
    for (Row row : input.values()) {
      byOrder.put(row.getAs("order_number"), row);
    }
    List<Row> out = SparkTestSupport.spark().read().parquet(tmp.resolve("masked").toString()).collectAsList();
    assertThat(out).hasSize(1000);
    Map<String, Integer> countries = new HashMap<>();
    for (Row after : out) {
      Row before = byOrder.get((String) after.getAs("order_number"));
      assertThat((String) after.getAs("customer_id")).matches("CUST_[0-9a-f]{8}");
      assertThat((String) after.getAs("full_name")).isNotEqualTo(before.getAs("full_name")).contains(" ");
      assertThat((String) after.getAs("email")).startsWith("enc1:");
      String card = after.getAs("credit_card");
      assertThat(card).hasSameSizeAs((String) before.getAs("credit_card")).isNotEqualTo(before.getAs("credit_card"))
          .endsWith(((String) before.getAs("credit_card")).substring(((String) before.getAs("credit_card")).length() - 4));
      assertThat(Checksums.luhnValid(Checksums.digitsOf(card))).isTrue();
      assertThat((String) after.getAs("ssn")).matches("\\d{3}-\\d{2}-\\d{4}").isNotEqualTo(before.getAs("ssn"));
      long shift = ChronoUnit.DAYS.between(LocalDate.parse(before.getAs("signup_date")),
          LocalDate.parse(after.getAs("signup_date")));
      assertThat(Math.abs(shift)).isLessThanOrEqualTo(20);
      assertThat((String) after.getAs("monthly_spend")).matches("\\[\\d+, \\d+\\)");
      assertThat((String) after.getAs("ip_address")).matches("\\d{1,3}[.*][*.]*.*").doesNotContain(((String) before.getAs("ip_address")).substring(4));
      assertThat((Object) after.getAs("phone")).isNull();
      countries.merge(after.getAs("country"), 1, Integer::sum);
    }
    Map<String, Integer> expectedCountries = new HashMap<>();
    input.values().forEach(r -> expectedCountries.merge(r.getAs("country"), 1, Integer::sum));
    assertThat(countries).as("shuffle keeps every value once").isEqualTo(expectedCountries);

    // Rule-masked columns are not scanned in full, but the profiling sample says what they held.
    ColumnAudit email = SanitizeEndToEndTest.onlyAudit(Path.of(tmp.resolve("masked") + "_audit"))
        .columns().stream().filter(c -> c.name().equals("email")).findFirst().orElseThrow();
    assertThat(email.entityType()).isEqualTo("EMAIL");
    assertThat(email.sample().values()).isEqualTo(1000);
    assertThat(email.sample().findings()).containsEntry("EMAIL", 1000L);
    String report;
    try (var files = Files.list(Path.of(tmp.resolve("masked") + "_audit"))) {
      report = Files.readString(files.filter(p -> p.getFileName().toString().startsWith("report-")).findFirst().orElseThrow());
    }
    assertThat(report).contains("<td><code>email</code></td><td>string → string</td><td>MASK_VALUE</td><td>encrypt</td>"
        + "<td>EMAIL</td><td>EMAIL: 1000<br><small>in 1000 sampled values</small></td>");

    CliResult restored = run("detokenize", "--config", policy.toString(), "--input", tmp.resolve("masked").toString(),
        "--output", tmp.resolve("restored").toString(), "--columns", "email,credit_card,ssn", "--output-format", "csv");
    assertThat(restored.exitCode()).as(restored.err()).isEqualTo(0);
    for (Row row : SanitizeEndToEndTest.csv(tmp.resolve("restored").toString()).collectAsList()) {
      Row before = byOrder.get((String) row.getAs("order_number"));
      assertThat((String) row.getAs("email")).isEqualTo(before.getAs("email"));
      assertThat((String) row.getAs("credit_card")).isEqualTo(before.getAs("credit_card"));
      assertThat((String) row.getAs("ssn")).isEqualTo(before.getAs("ssn"));
    }

    CliResult refused = run("detokenize", "--config", policy.toString(), "--input", tmp.resolve("masked").toString(),
        "--output", tmp.resolve("nope").toString(), "--columns", "customer_id");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).isEqualTo("shroud: Cannot detokenize column 'customer_id': the policy masks it with "
        + "'pseudonymize', which is not reversible; only tokenize and encrypt columns can be reversed\n");
  }

  @Test
  void rotatedKeysStillReverseOldOutputWithKeyVersion() throws Exception {
    Path v1 = tmp.resolve("keys/v1.key");
    Path v2 = tmp.resolve("keys/v2.key");
    assertThat(run("keys", "generate", "--out", v1.toString()).exitCode()).isEqualTo(0);
    assertThat(run("keys", "generate", "--out", v2.toString()).exitCode()).isEqualTo(0);
    assertThat(run("keys", "generate", "--out", v2.toString()).err())
        .isEqualTo("shroud: Cannot generate key 'v2': " + v2 + " already exists\n");
    Path input = tmp.resolve("in.csv");
    Files.writeString(input, "id,ssn\n1,219-09-9998\n2,536-90-4399\n");
    String head = "input: { path: " + input + " }\noutput: { path: " + tmp.resolve("masked") + " }\n"
        + "columns:\n  id: { action: keep, reason: test row id }\n  ssn: { action: tokenize, key: k }\n";
    Path oldPolicy = tmp.resolve("old.yaml");
    Files.writeString(oldPolicy, head + "keys:\n  k: { version: 1, file: " + v1 + " }\n");
    assertThat(run("sanitize", "--config", oldPolicy.toString()).exitCode()).isEqualTo(0);

    Path rotated = tmp.resolve("rotated.yaml");
    Files.writeString(rotated, head + "keys:\n  k:\n    version: 2\n    file: " + v2 + "\n    previous:\n"
        + "      - { version: 1, file: " + v1 + " }\n");
    CliResult restored = run("detokenize", "--config", rotated.toString(), "--input", tmp.resolve("masked").toString(),
        "--output", tmp.resolve("restored").toString(), "--columns", "ssn", "--key-version", "k=1");
    assertThat(restored.exitCode()).as(restored.err()).isEqualTo(0);
    assertThat(Files.readString(onlyCsv(tmp.resolve("restored")))).isEqualTo("id,ssn\n1,219-09-9998\n2,536-90-4399\n");

    // Without --key-version the current key would give wrong values: the key check refuses it.
    CliResult current = run("detokenize", "--config", rotated.toString(), "--input", tmp.resolve("masked").toString(),
        "--output", tmp.resolve("wrong").toString(), "--columns", "ssn");
    assertThat(current.exitCode()).isEqualTo(2);
    assertThat(current.err()).isEqualTo("shroud: Cannot detokenize column 'ssn': it was masked with key 'k' version 1, "
        + "this run would use version 2; pass --key-version k=1\n");
    assertThat(tmp.resolve("wrong")).doesNotExist();

    CliResult noSuchVersion = run("detokenize", "--config", rotated.toString(), "--input", tmp.resolve("masked").toString(),
        "--output", tmp.resolve("x").toString(), "--columns", "ssn", "--key-version", "k=7");
    assertThat(noSuchVersion.exitCode()).isEqualTo(2);
    assertThat(noSuchVersion.err()).isEqualTo("shroud: Invalid --key-version: key 'k' has no version 7 (versions: 2, 1)\n");

    String audit = SanitizeEndToEndTest.auditText(Path.of(tmp.resolve("restored") + "_audit"));
    assertThat(audit).contains("\"version\" : 1").contains("\"source\" : \"file " + v1 + "\"")
        .doesNotContain(Files.readString(v1).trim());
  }

  @Test
  void entityOperatorsApplyToSpansInFreeText() throws Exception {
    Path input = tmp.resolve("notes.csv");
    Files.writeString(input, "note\n\"Card 4111 1111 1111 1111, mail ann@example.com, SSN 219-09-9998\"\n");
    Path policy = tmp.resolve("spans.yaml");
    Files.writeString(policy, """
        input: { path: %s }
        output: { path: %s }
        operators:
          CREDIT_CARD: { action: tokenize, key: k, keepLast: 4, luhn: true }
          EMAIL: { action: pseudonymize, key: k }
          default: { action: partial-mask, keepLast: 4 }
        keys:
          k: { file: %s, generateIfMissing: true }
        """.formatted(input, tmp.resolve("out"), tmp.resolve("k.key")));
    CliResult result = run("sanitize", "--config", policy.toString());
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    String note = Files.readAllLines(onlyCsv(tmp.resolve("out"))).get(1);
    assertThat(note).matches("\"Card \\d{4} \\d{4} \\d{4} 1111, mail EMAIL_[0-9a-f]{8}, SSN \\*\\*\\*-\\*\\*-9998\"");
    String card = note.substring(6, 25);
    assertThat(card).isNotEqualTo("4111 1111 1111 1111");
    assertThat(Checksums.luhnValid(Checksums.digitsOf(card))).isTrue();
  }

  static Path onlyCsv(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
    }
  }
}
