package io.shroud.jobs.cli;

import static io.shroud.jobs.SparkTestSupport.repoRoot;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shroud.connectors.AwsPolicyExtensions;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.PolicyOverrides;
import io.shroud.jobs.SparkTestSupport.CliResult;
import io.shroud.jobs.SparkTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
  @TempDir Path tmp;

  @Test
  void writesJsonHtmlAndAStarterPolicyWithoutRawValues() throws Exception {
    Path sample = repoRoot().resolve("samples/customers.csv");
    Path policyFile = tmp.resolve("suggested.yaml");
    CliResult result = SparkTestSupport.run("scan", "--input", sample.toString(), "--report", tmp.resolve("r").toString(),
        "--suggest-policy", policyFile.toString(), "--sample-size", "500");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    assertThat(result.out()).startsWith("Scanned 500 rows of " + sample);

    JsonNode report = new ObjectMapper().readTree(tmp.resolve("r/report.json").toFile());
    assertThat(report.get("rowsScanned").asInt()).isEqualTo(500);
    assertThat(report.get("durationMillis").asLong()).isPositive();
    JsonNode ssn = column(report, "ssn");
    assertThat(ssn.get("classification").asText()).isEqualTo("US_SSN");
    assertThat(ssn.get("confidence").asDouble()).isEqualTo(1.0);
    assertThat(ssn.get("findings").get("US_SSN").asInt()).isEqualTo(500);
    assertThat(ssn.get("maskedExamples").get(0).asText()).matches("US_SSN: \\*\\*\\*-\\*\\*-\\d{4}");
    JsonNode notes = column(report, "support_note");
    assertThat(notes.get("classification").isNull()).isTrue();
    assertThat(notes.get("shareWithFindings").asDouble()).isBetween(0.2, 0.9);
    assertThat(column(report, "ip_address").get("maskedExamples").get(0).asText()).matches("IP_ADDRESS: [*.]+");
    // A domain can name the person (a vanity or company domain): only the top-level domain is shown.
    column(report, "email").get("maskedExamples").forEach(example ->
        assertThat(example.asText()).matches("EMAIL: \\*+@[*.]+\\.[a-z]+"));
    assertThat(Files.readString(tmp.resolve("r/report.json")) + Files.readString(tmp.resolve("r/report.html")))
        .doesNotContain("@example.").doesNotContain("example.com").doesNotContain("example.org");
    assertThat(column(report, "order_number").get("findings").size()).isZero();
    JsonNode names = column(report, "full_name");
    assertThat(names.get("classification").asText()).isEqualTo("PERSON");
    assertThat(names.get("findings").get("PERSON").asInt()).isEqualTo(500);
    assertThat(names.get("shareWithFindings").asDouble()).isEqualTo(1.0);
    // NER finds the names as spans too; their examples are fully masked, never partly shown.
    names.get("maskedExamples").forEach(example -> assertThat(example.asText()).matches("PERSON: [* ]+"));

    String html = Files.readString(tmp.resolve("r/report.html"));
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<table id=\"columns\">").contains("<svg id=\"chart\"")
        .contains("<code>support_note</code>").doesNotContain("<script");
    String reports = html + Files.readString(tmp.resolve("r/report.json"));
    for (String line : Files.readAllLines(sample).subList(1, 501)) {
      String[] cells = line.split(",");
      for (int i : new int[] {2, 3, 4, 5, 6}) {
        assertThat(reports).doesNotContain(cells[i]);
      }
    }

    Policy suggested = AwsPolicyExtensions.parser().parse(policyFile, PolicyOverrides.NONE);
    assertThat(suggested.output().path()).isEqualTo("out/customers-masked");
    assertThat(suggested.columns().get("ssn").operator().orElseThrow().action()).isEqualTo("partial-mask");
    assertThat(suggested.columns().keySet()).containsExactlyElementsOf(List.of(Files.readAllLines(sample).get(0).split(",")));

    CliResult again = SparkTestSupport.run("scan", "--input", sample.toString(), "--report", tmp.resolve("r2").toString(),
        "--suggest-policy", policyFile.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).isEqualTo("shroud: Cannot write suggested policy " + policyFile + ": it already exists\n");
  }

  @Test
  void nestedDataIsReportedPerPathAndTheStarterPolicyParses() throws Exception {
    Path sample = repoRoot().resolve("samples/orders.parquet");
    Path policyFile = tmp.resolve("suggested.yaml");
    CliResult result = SparkTestSupport.run("scan", "--input", sample.toString(), "--input-format", "parquet",
        "--report", tmp.resolve("r").toString(), "--suggest-policy", policyFile.toString());
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    JsonNode report = new ObjectMapper().readTree(tmp.resolve("r/report.json").toFile());
    assertThat(column(report, "customer.email").get("classification").asText()).isEqualTo("EMAIL");
    assertThat(column(report, "customer.phone").get("classification").asText()).isEqualTo("PHONE");
    assertThat(column(report, "attributes{}").get("findings").get("IP_ADDRESS").asInt()).isPositive();
    assertThat(column(report, "items[].ship_to.zip").get("type").asText()).isEqualTo("string");
    assertThat(column(report, "note").get("findings").get("EMAIL").asInt()).isPositive();
    Policy suggested = AwsPolicyExtensions.parser().parse(policyFile, PolicyOverrides.NONE);
    assertThat(suggested.columns()).containsKeys("customer.email", "items[].ship_to.zip", "attributes{}", "tags[]");
    Path out = tmp.resolve("out");
    CliResult run = SparkTestSupport.run("sanitize", "--config", policyFile.toString(), "--input", sample.toString(),
        "--output", out.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
  }

  private static JsonNode column(JsonNode report, String name) {
    for (JsonNode c : report.get("columns")) {
      if (c.get("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no column " + name);
  }
}
