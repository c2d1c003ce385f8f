package io.shroud.jobs.anonymity;

import static io.shroud.jobs.SparkTestSupport.repoRoot;
import static io.shroud.jobs.SparkTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shroud.jobs.SparkTestSupport;
import io.shroud.jobs.SparkTestSupport.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sanitize with an anonymity section on Adult: ARX's optimum, applied in Spark, re-checked before publishing. */
class AnonymityEndToEndTest {
  @TempDir Path tmp;

  static JsonNode audit(Path auditDir) throws Exception {
    try (Stream<Path> files = Files.list(auditDir)) {
      Path file = files.filter(p -> p.getFileName().toString().startsWith("audit-")).findFirst().orElseThrow();
      return new ObjectMapper().readTree(file.toFile());
    }
  }

  static JsonNode column(Path auditDir, String name) throws Exception {
    for (JsonNode column : audit(auditDir).get("columns")) {
      if (column.get("name").asText().equals(name)) {
        return column;
      }
    }
    throw new AssertionError("no column " + name);
  }

  static String report(Path auditDir) throws Exception {
    try (Stream<Path> files = Files.list(auditDir)) {
      return Files.readString(files.filter(p -> p.getFileName().toString().startsWith("report-")).findFirst().orElseThrow());
    }
  }

  /** The top level of an Adult hierarchy (its columns minus one). */
  static int height(String attribute) throws Exception {
    Path file = repoRoot().resolve("masking-core/src/test/resources/anonymity/adult/adult_hierarchy_" + attribute + ".csv");
    return Files.readAllLines(file).get(0).split(";").length - 1;
  }

  @Test
  void adultK5FindsArxOptimumAndWritesVerifiedOutput() throws Exception {
    Path policy = tmp.resolve("adult.yaml");
    Files.writeString(policy, Files.readString(repoRoot().resolve("conf/adult-k5.yaml"))
        .replace("masking-core/", repoRoot().resolve("masking-core") + "/")
        .replace("out/adult-k5", tmp.resolve("out").toString()));
    CliResult result = run("sanitize", "--config", policy.toString());
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);

    JsonNode anonymity = audit(Path.of(tmp.resolve("out") + "_audit")).get("anonymity");
    JsonNode levels = anonymity.get("transformation");
    int[] expected = {1, 0, 1, 1, 3, 2, 2, 0, 1};
    String[] names = {"sex", "age", "race", "marital-status", "education", "native-country", "workclass", "occupation",
      "salary-class"};
    for (int i = 0; i < names.length; i++) {
      assertThat(levels.get(names[i]).asInt()).as(names[i]).isEqualTo(expected[i]);
    }
    assertThat(anonymity.get("metrics").get("entropy").asDouble()).isCloseTo(255559.85455731067, Offset.offset(1e-6));
    assertThat(anonymity.get("records").asLong()).isEqualTo(30162);
    long suppressed = anonymity.get("suppressedRecords").asLong();
    assertThat(suppressed).isPositive().isLessThanOrEqualTo(Math.round(30162 * 0.04));
    JsonNode recheck = anonymity.get("recheck");
    assertThat(recheck.get("satisfied").asBoolean()).isTrue();
    assertThat(recheck.get("smallestClass").asLong()).isGreaterThanOrEqualTo(5);
    assertThat(recheck.get("suppressedRecords").asLong()).isEqualTo(suppressed);

    Dataset<Row> out = SparkTestSupport.spark().read().option("header", "true").option("sep", ";").csv(tmp.resolve("out").toString());
    assertThat(out.count()).isEqualTo(30162);
    assertThat(out.filter(functions.col("age").equalTo("*")).count()).isEqualTo(suppressed);
    assertThat(out.filter(functions.col("sex").notEqual("*")).count()).as("sex is at level 1, which is *").isZero();
    for (int i = 0; i < names.length; i++) {
      Set<String> allowed = new HashSet<>(Set.of("*"));
      Path hierarchy = repoRoot().resolve("masking-core/src/test/resources/anonymity/adult/adult_hierarchy_" + names[i] + ".csv");
      for (String line : Files.readAllLines(hierarchy)) {
        allowed.add(line.split(";")[expected[i]]);
      }
      assertThat(out.select(org.apache.spark.sql.functions.col("`" + names[i] + "`")).distinct().collectAsList())
          .as(names[i]).extracting(r -> r.getString(0)).isSubsetOf(allowed);
    }

    // The console says what was reached and how each quasi-identifier was generalized, in words.
    assertThat(result.out()).contains(String.format(Locale.ROOT, "Anonymity: k=5 reached and re-checked on the "
        + "written data (smallest class %,d records, %,d classes); %,d of 30,162 records suppressed (quasi-identifiers "
        + "set to *)%n", recheck.get("smallestClass").asLong(), recheck.get("classes").asLong(), suppressed));
    assertThat(result.out()).contains("  sex: level 1 of 1: every value replaced by * (30,162 cells changed)\n")
        .contains(String.format(Locale.ROOT, "  age: level 0 of %d: values kept as they are (%,d cells changed)%n",
            height("age"), suppressed))
        .contains("  marital-status: level 1 of " + height("marital-status") + ": column 2 of " + repoRoot().resolve(
            "masking-core/src/test/resources/anonymity/adult/adult_hierarchy_marital-status.csv") + " (30,162 cells changed)");
    // The audit's and the report's column entries say the quasi-identifiers were generalized, not kept.
    JsonNode sex = column(Path.of(tmp.resolve("out") + "_audit"), "sex");
    assertThat(sex.get("treatment").asText()).isEqualTo("QUASI_IDENTIFIER");
    assertThat(sex.get("maskedCells").asLong()).isEqualTo(30162);
    assertThat(sex.get("operator").get("meaning").asText()).isEqualTo("level 1 of 1: every value replaced by *");
    assertThat(report(Path.of(tmp.resolve("out") + "_audit"))).contains("<td>QUASI_IDENTIFIER</td><td>generalize (level 1 of 1: "
        + "every value replaced by *)</td><td>quasi-identifier</td><td></td><td class=\"num\">30162</td>");

    CliResult check = run("check-anonymity", "--config", policy.toString(), "--input", tmp.resolve("out").toString());
    assertThat(check.exitCode()).as(check.out() + check.err()).isEqualTo(0);

    // The utility section presents what k-anonymity cost: loss, levels with their meaning, class sizes.
    JsonNode utility = audit(Path.of(tmp.resolve("out") + "_audit")).get("utility");
    assertThat(utility.get("kOrigin").asText()).as("anonymity.k is 5, below the default 10").isEqualTo("default");
    JsonNode qi = utility.get("quasiIdentifiers");
    assertThat(qi.get("metric").asText()).isEqualTo("entropy");
    assertThat(qi.get("metricValue").asDouble()).isCloseTo(255559.85, Offset.offset(0.01));
    assertThat(qi.get("suppressedRecords").asLong()).isEqualTo(suppressed);
    Map<String, String> meanings = new HashMap<>();
    qi.get("levels").forEach(l -> meanings.put(l.get("column").asText(), l.get("level").asInt() + ": " + l.get("meaning").asText()));
    assertThat(meanings.get("age")).isEqualTo("0: original values");
    assertThat(meanings.get("sex")).isEqualTo("1: every value replaced by *");
    assertThat(meanings.get("education")).isEqualTo("3: every value replaced by *");
    assertThat(meanings.get("marital-status")).startsWith("1: level 1 of 2 in ")
        .endsWith("adult_hierarchy_marital-status.csv (2 groups)");
    long inClasses = 0;
    for (JsonNode bucket : qi.get("classSizes")) {
      assertThat(bucket.get("from").asLong()).isGreaterThanOrEqualTo(5);
      inClasses += bucket.get("records").asLong();
    }
    assertThat(inClasses).isEqualTo(30162 - suppressed);
    assertThat(utility.get("sampleRows").asLong()).isBetween(4990L, 5000L);
    JsonNode education = null;
    for (JsonNode c : utility.get("columns")) {
      education = c.get("name").asText().equals("education") ? c : education;
    }
    assertThat(education.get("treatment").asText()).isEqualTo("k-anonymity: generalized");
    assertThat(education.get("changedShare").asDouble()).isEqualTo(1.0);
  }

  @Test
  void unsatisfiableRequirementsPublishNothing() throws Exception {
    Files.writeString(tmp.resolve("tiny.csv"), "zip,diagnosis\n94107,flu\n94110,cold\n10001,flu\n");
    String head = "input: { path: " + tmp.resolve("tiny.csv") + " }\noutput: { path: " + tmp.resolve("o") + " }\n"
        + "anonymity:\n  k: 5\n  maxSuppression: 0\n  quasiIdentifiers:\n    zip: { generalize: { prefix: 3 } }\n";
    Files.writeString(tmp.resolve("fail.yaml"), head);
    CliResult failed = run("sanitize", "--config", tmp.resolve("fail.yaml").toString());
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.err()).isEqualTo("shroud: Cannot make " + tmp.resolve("tiny.csv") + " 5-anonymous over zip with at most "
        + "0.0% of 3 records suppressed: no generalization satisfies it; nothing was written\n");
    assertThat(tmp.resolve("o")).doesNotExist();
    assertThat(audit(Path.of(tmp.resolve("o") + "_audit")).get("status").asText()).isEqualTo("failed");

    Files.writeString(tmp.resolve("report.yaml"), head.replace("maxSuppression: 0", "maxSuppression: 0\n  onFailure: report")
        .replace(tmp.resolve("o").toString(), tmp.resolve("r").toString()));
    CliResult reported = run("sanitize", "--config", tmp.resolve("report.yaml").toString());
    assertThat(reported.exitCode()).isEqualTo(0);
    assertThat(reported.out()).startsWith("Not anonymized: Cannot make");
    assertThat(tmp.resolve("r")).doesNotExist();
  }
}
