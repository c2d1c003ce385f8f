package io.shroud.jobs.utility;

import static io.shroud.jobs.SparkTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shroud.jobs.SparkTestSupport.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shroud compare} on a table and a copy masked elsewhere, stored in another row order. */
class CompareCommandTest {
  @TempDir Path tmp;
  private Path before;
  private Path after;

  @BeforeEach
  void data() throws Exception {
    before = tmp.resolve("before.csv");
    after = tmp.resolve("after.csv");
    UtilityData.write(before, after);
  }

  private static Map<String, JsonNode> columns(JsonNode utility) {
    Map<String, JsonNode> byName = new HashMap<>();
    utility.get("columns").forEach(c -> byName.put(c.get("name").asText(), c));
    return byName;
  }

  @Test
  void aKeyPairsRowsByKeyNotByPosition() throws Exception {
    Path config = tmp.resolve("compare.yaml");
    Files.writeString(config, """
        input: { path: unused, format: csv }
        output: { path: unused, format: csv }
        utility: { k: 5 }
        anonymity:
          k: 2
          quasiIdentifiers:
            country: { generalize: { prefix: 1 } }
        """);
    Path report = tmp.resolve("report");
    CliResult result = run("compare", "--before", before.toString(), "--after", after.toString(), "--key", "row_no",
        "--config", config.toString(), "--report", report.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("Compared 400 sampled row(s)").contains("report.json");

    JsonNode json = new ObjectMapper().readTree(report.resolve("report.json").toFile());
    assertThat(json.get("key").asText()).isEqualTo("row_no");
    JsonNode utility = json.get("utility");
    assertThat(utility.get("mode").asText()).isEqualTo("compare");
    assertThat(utility.get("rows").get("pairs").asLong()).isEqualTo(UtilityData.ROWS);
    Map<String, JsonNode> c = columns(utility);
    assertThat(c.get("nickname").get("changedShare").asDouble()).as("paired by key: unchanged").isEqualTo(0.0);
    assertThat(c.get("id").get("changedShare").asDouble()).isEqualTo(1.0);
    assertThat(c.get("salary").get("paired").get("meanAbsoluteError").asDouble()).isBetween(200.0, 300.0);
    assertThat(c.get("signup").get("dates").get("resolutionKept").asText()).isEqualTo("day -> quarter");
    JsonNode note = c.get("note").get("text");
    assertThat(note.get("spansSource").asText()).isEqualTo("<TYPE> labels in the output");
    assertThat(note.get("spansPer1000Tokens").get("EMAIL").asDouble()).isGreaterThan(10);
    assertThat(note.get("tokensMasked").asDouble()).isBetween(0.02, 0.3);
    JsonNode qi = utility.get("quasiIdentifiers");
    assertThat(qi.get("source").asText()).startsWith("a check of the after data");
    assertThat(qi.get("records").asLong()).isEqualTo(UtilityData.ROWS);
    assertThat(qi.get("classSizes").size()).isPositive();

    String html = Files.readString(report.resolve("report.html"));
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<section id=\"utility\">", "rows paired by key");
    UtilityData.assertNoRareValue(utility.toString());
    UtilityData.assertNoRareValue(html);
  }

  @Test
  void withoutAKeyOnlyDistributionsAreCompared() throws Exception {
    Path report = tmp.resolve("report");
    CliResult result = run("compare", "--before", before.toString(), "--after", after.toString(), "--report",
        report.toString(), "--k", "5");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("(rows not paired)");
    JsonNode utility = new ObjectMapper().readTree(report.resolve("report.json").toFile()).get("utility");
    assertThat(utility.has("rows")).isFalse();
    assertThat(utility.get("kOrigin").asText()).isEqualTo("--k");
    Map<String, JsonNode> c = columns(utility);
    assertThat(c.get("nickname").has("changedShare")).isFalse();
    assertThat(c.get("nickname").get("categories").get("totalVariationDistance").asDouble()).isEqualTo(0.0);
    assertThat(c.get("salary").get("numbers").get("histogramDistance").asDouble()).isLessThan(0.1);
    assertThat(utility.get("notes").toString()).contains("--key");
    UtilityData.assertNoRareValue(Files.readString(report.resolve("report.json")));
    UtilityData.assertNoRareValue(Files.readString(report.resolve("report.html")));

    CliResult again = run("compare", "--before", before.toString(), "--after", after.toString(), "--report",
        report.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("Cannot write " + report + ": it already holds report.json or report.html "
        + "(add --overwrite to replace them)");
    assertThat(run("compare", "--before", before.toString(), "--after", after.toString(), "--report", report.toString(),
        "--overwrite", "--sample", "50").exitCode()).isZero();
  }

  @Test
  void badRequestsAreRefusedWithExitCode2() throws Exception {
    Path report = tmp.resolve("r");
    CliResult noKey = run("compare", "--before", before.toString(), "--after", after.toString(), "--key", "customer",
        "--report", report.toString());
    assertThat(noKey.exitCode()).isEqualTo(2);
    assertThat(noKey.err()).contains("Invalid --key 'customer': " + before + " has no such top-level column (columns: "
        + "row_no, id, name,");

    CliResult duplicates = run("compare", "--before", before.toString(), "--after", after.toString(), "--key", "plan",
        "--report", report.toString());
    assertThat(duplicates.exitCode()).isEqualTo(2);
    assertThat(duplicates.err()).contains("Invalid --key 'plan': 3 key value(s) occur more than once among the sampled "
        + "rows of " + before + "; a key must identify one row");
    assertThat(duplicates.err()).doesNotContain("free").doesNotContain("basic");

    CliResult k = run("compare", "--before", before.toString(), "--after", after.toString(), "--k", "1", "--report",
        report.toString());
    assertThat(k.exitCode()).isEqualTo(2);
    assertThat(k.err()).contains("Invalid --k 1: expected at least 2");
    CliResult sample = run("compare", "--before", before.toString(), "--after", after.toString(), "--sample", "0",
        "--report", report.toString());
    assertThat(sample.exitCode()).isEqualTo(2);
    assertThat(sample.err()).contains("Invalid --sample 0: expected 1 to 100000");
    CliResult missing = run("compare", "--before", tmp.resolve("nope.csv").toString(), "--after", after.toString(),
        "--report", report.toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(Files.exists(report.resolve("report.json"))).isFalse();
  }
}
