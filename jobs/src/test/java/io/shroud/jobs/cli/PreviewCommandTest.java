package io.shroud.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.jobs.SparkTestSupport;
import io.shroud.jobs.SparkTestSupport.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewCommandTest {
  @TempDir Path tmp;

  @Test
  void printsMaskedRowsWithTypesAndNeverOriginals() throws Exception {
    Path csv = tmp.resolve("in.csv");
    Files.writeString(csv, "id,email,note\n1,ann@example.com,call me at (415) 555-2671\n2,bob@example.org,nothing\n");
    CliResult result = SparkTestSupport.run("preview", "--input", csv.toString(), "--rows", "5");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    assertThat(result.out()).isEqualTo("""
        | id | email           | note                       |
        |----|-----------------|----------------------------|
        | 1  | <EMAIL> [EMAIL] | call me at <PHONE> [PHONE] |
        | 2  | <EMAIL> [EMAIL] | nothing                    |
        """);
    assertThat(result.out()).doesNotContain("ann@").doesNotContain("555-2671");
    assertThat(tmp.resolve("unused-preview-output")).doesNotExist();
  }

  @Test
  void quasiIdentifiersAreNeverShownRaw() throws Exception {
    Path csv = tmp.resolve("qi.csv");
    Files.writeString(csv, "zip,diagnosis\n94107,flu\n");
    Path policy = tmp.resolve("p.yaml");
    Files.writeString(policy, "input: { path: " + csv + " }\noutput: { path: unused }\nanonymity:\n  k: 2\n"
        + "  quasiIdentifiers:\n    zip: { generalize: { prefix: 3 } }\n");
    CliResult result = SparkTestSupport.run("preview", "--config", policy.toString());
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    assertThat(result.out()).contains("(k-anonymity)").doesNotContain("94107");
  }
}
