package io.shroud.jobs.utility;

import static io.shroud.jobs.SparkTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shroud.jobs.SparkTestSupport.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The utility section of real sanitize runs: what it measures, and what it never shows. */
class UtilityEndToEndTest {
  @TempDir Path tmp;

  private Path sanitize(String utility) throws Exception {
    Path input = UtilityData.write(tmp.resolve("customers.csv"));
    Path output = tmp.resolve("out");
    Path policy = tmp.resolve("policy.yaml");
    String yaml = UtilityData.policy(input, output, tmp.resolve("k.key"), utility);
    if (utility.startsWith("anonymity")) {
      yaml = yaml.replace("  country:  { action: keep, reason: coarse }\n", "");
    }
    Files.writeString(policy, yaml);
    CliResult result = run("sanitize", "--config", policy.toString(), "--quiet");
    assertThat(result.exitCode()).as(result.err()).isZero();
    return Path.of(output + "_audit");
  }

  private static Path file(Path dir, String prefix) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
    }
  }

  private static Map<String, JsonNode> columns(JsonNode utility) {
    Map<String, JsonNode> byName = new HashMap<>();
    utility.get("columns").forEach(c -> byName.put(c.get("name").asText(), c));
    return byName;
  }

  @Test
  void everySanitizeRunMeasuresWhatMaskingCostTheData() throws Exception {
    Path audit = sanitize("utility: { k: 5 }");
    String json = Files.readString(file(audit, "audit-"));
    String html = Files.readString(file(audit, "report-"));
    JsonNode utility = new ObjectMapper().readTree(json).get("utility");

    assertThat(utility.get("status").asText()).isEqualTo("computed");
    assertThat(utility.get("sampleRows").asLong()).isEqualTo(UtilityData.ROWS);
    assertThat(utility.get("rows").get("pairs").asLong()).isEqualTo(UtilityData.ROWS);
    assertThat(utility.get("k").asInt()).isEqualTo(5);
    assertThat(utility.get("kOrigin").asText()).isEqualTo("utility.k");
    Map<String, JsonNode> c = columns(utility);
    assertThat(c).containsKeys("row_no", "id", "name", "nickname", "email", "salary", "bonus", "country", "signup", "plan",
        "note");

    assertThat(c.get("id").get("treatment").asText()).isEqualTo("hash");
    assertThat(c.get("id").get("changedShare").asDouble()).isEqualTo(1.0);
    assertThat(c.get("id").get("after").get("distinctApprox").asLong()).isBetween(380L, 420L);
    assertThat(c.get("nickname").get("changedShare").asDouble()).isEqualTo(0.0);
    assertThat(c.get("nickname").get("categories").get("totalVariationDistance").asDouble()).isEqualTo(0.0);
    assertThat(c.get("nickname").get("categories").get("hiddenBefore").asInt()).as("the unique nickname").isEqualTo(1);
    assertThat(c.get("name").get("categories").get("shown").get(0).get("value").asText()).isEqualTo("<PERSON>");

    JsonNode salary = c.get("salary");
    assertThat(salary.get("kind").asText()).isEqualTo("number");
    assertThat(salary.get("treatment").asText()).isEqualTo("perturb (laplace)");
    assertThat(salary.get("paired").get("meanAbsoluteError").asDouble()).as("Laplace scale 1000").isBetween(700.0, 1400.0);
    assertThat(salary.get("paired").get("correlation").asDouble()).isGreaterThan(0.9);
    assertThat(salary.get("numbers").get("histogram").get("edges").size()).isBetween(5, 21);

    JsonNode signup = c.get("signup");
    assertThat(signup.get("kind").asText()).isEqualTo("date");
    assertThat(signup.get("dates").get("resolutionKept").asText()).isEqualTo("day -> quarter");
    assertThat(signup.get("dates").get("rangeBefore").asText()).matches("2021-0\\d \\.\\. 2023-0\\d");

    JsonNode plan = c.get("plan");
    assertThat(plan.get("treatment").asText()).isEqualTo("shuffle");
    assertThat(plan.get("categories").get("totalVariationDistance").asDouble()).as("a permutation").isEqualTo(0.0);
    assertThat(plan.get("changedShare").asDouble()).isGreaterThan(0.4);

    JsonNode note = c.get("note").get("text");
    assertThat(c.get("note").get("kind").asText()).isEqualTo("text");
    assertThat(note.get("untouchedShare").asDouble()).as("half the notes hold no PII").isBetween(0.4, 0.6);
    assertThat(note.get("spansPer1000Tokens").get("EMAIL").asDouble()).isGreaterThan(10);
    assertThat(note.get("spansSource").asText()).isEqualTo("detectors, on the sample");
    assertThat(note.get("charactersMasked").asDouble()).isBetween(0.05, 0.5);

    JsonNode corr = utility.get("correlations");
    assertThat(corr.get("columns")).extracting(JsonNode::asText).containsExactly("row_no", "salary", "bonus");
    assertThat(corr.get("after").get(1).get(1).asDouble()).isEqualTo(1.0);

    assertThat(html).contains("<section id=\"utility\">", "<svg class=\"histogram\"", "<svg id=\"corr-before\"",
        "<strong>k = 5</strong>");
    UtilityData.assertNoRareValue(utility.toString());
    UtilityData.assertNoRareValue(html.substring(html.indexOf("<section id=\"utility\">")));
  }

  @Test
  void theSampleIsDrawnOnceAndCanBeTurnedOff() throws Exception {
    Path small = sanitize("utility: { sample: 100 }");
    JsonNode utility = new ObjectMapper().readTree(file(small, "audit-").toFile()).get("utility");
    assertThat(utility.get("rowsTotal").asLong()).isEqualTo(UtilityData.ROWS);
    assertThat(utility.get("sampleRows").asLong()).as("Bernoulli sample of about 100").isBetween(60L, 140L);
    assertThat(utility.get("rows").get("pairs").asLong()).isEqualTo(utility.get("sampleRows").asLong());
    assertThat(utility.get("kOrigin").asText()).isEqualTo("default");

    Files.walk(tmp.resolve("out_audit")).sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    Files.walk(tmp.resolve("out")).sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    Path off = sanitize("utility: { sample: off }");
    JsonNode none = new ObjectMapper().readTree(file(off, "audit-").toFile()).get("utility");
    assertThat(none.get("status").asText()).isEqualTo("off");
    assertThat(none.has("columns")).isFalse();
    assertThat(Files.readString(file(off, "report-"))).contains("Not computed (off)");
  }

  @Test
  void rowsThatKAnonymityDropsCountAsBeforeOnly() throws Exception {
    Path audit = sanitize("""
        anonymity:
          k: 5
          maxSuppression: 0.02
          suppressed: drop
          quasiIdentifiers:
            country: { generalize: { prefix: 1 } }
        """);
    JsonNode utility = new ObjectMapper().readTree(file(audit, "audit-").toFile()).get("utility");
    assertThat(utility.get("rows").get("beforeOnly").asLong()).as("the one Tuvalu row").isEqualTo(1);
    assertThat(utility.get("sampleRowsAfter").asLong()).isEqualTo(UtilityData.ROWS - 1);
    JsonNode qi = utility.get("quasiIdentifiers");
    assertThat(qi.get("suppressedHandling").asText()).isEqualTo("dropped");
    assertThat(qi.get("levels").get(0).get("meaning").asText()).isEqualTo("original values");
    Map<String, JsonNode> c = columns(utility);
    assertThat(c.get("country").get("treatment").asText()).isEqualTo("k-anonymity: generalized");
    assertThat(c.get("country").get("before").get("values").asLong()).isEqualTo(UtilityData.ROWS);
    assertThat(c.get("country").get("after").get("values").asLong()).isEqualTo(UtilityData.ROWS - 1);
    UtilityData.assertNoRareValue(utility.toString());
  }
}
