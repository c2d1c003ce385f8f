package io.shroud.jobs.sanitize;

import static io.shroud.jobs.SparkTestSupport.repoRoot;
import static io.shroud.jobs.SparkTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shroud.jobs.SparkTestSupport.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After masking, a sample of the written output is scanned again; leftovers are reported or fail the run. */
class ResidualScanTest {
  @TempDir Path tmp;

  static JsonNode residual(Path auditDir) throws Exception {
    try (Stream<Path> files = Files.list(auditDir)) {
      Path file = files.filter(p -> p.getFileName().toString().startsWith("audit-")).findFirst().orElseThrow();
      return new ObjectMapper().readTree(file.toFile()).get("residual");
    }
  }

  @Test
  void autoModeLeavesNothingAndTokensAreNotResidual() throws Exception {
    Path policy = tmp.resolve("p.yaml");
    Files.writeString(policy, """
        input: { path: %s }
        output: { path: %s }
        columns:
          credit_card: { action: tokenize, key: k, keepLast: 4, luhn: true }
        keys:
          k: { file: %s, generateIfMissing: true }
        """.formatted(repoRoot().resolve("samples/customers.csv"), tmp.resolve("out"), tmp.resolve("k.key")));
    CliResult result = run("sanitize", "--config", policy.toString());
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    JsonNode residual = residual(Path.of(tmp.resolve("out") + "_audit"));
    assertThat(residual.get("rowsScanned").asInt()).isEqualTo(1000);
    assertThat(residual.get("findings").size()).isZero();
    assertThat(residual.get("columnsRescanned").toString()).contains("support_note").doesNotContain("credit_card");
  }

  @Test
  void weakRulesAreCaughtAndCanFailTheRun() throws Exception {
    String policy = """
        input: { path: %s }
        output: { path: %s }
        columns:
          email: { action: generalize, prefix: 60 }
        audit:
          residualSampleSize: 200
          failOnResidual: %s
        """;
    Path lenient = tmp.resolve("lenient.yaml");
    Files.writeString(lenient, policy.formatted(repoRoot().resolve("samples/customers.csv"), tmp.resolve("a"), "false"));
    assertThat(run("sanitize", "--config", lenient.toString()).exitCode()).isEqualTo(0);
    assertThat(residual(Path.of(tmp.resolve("a") + "_audit")).get("findings").get("email").get("EMAIL").asInt()).isEqualTo(200);

    Path strict = tmp.resolve("strict.yaml");
    Files.writeString(strict, policy.formatted(repoRoot().resolve("samples/customers.csv"), tmp.resolve("b"), "true"));
    CliResult failed = run("sanitize", "--config", strict.toString());
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.err()).isEqualTo("shroud: Cannot publish " + tmp.resolve("b") + ": the rescan of the masked output found "
        + "personal data (email: {EMAIL=200}); nothing was published\n");
    assertThat(tmp.resolve("b")).doesNotExist();
  }
}
