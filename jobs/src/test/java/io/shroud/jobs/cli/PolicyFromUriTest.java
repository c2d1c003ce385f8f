package io.shroud.jobs.cli;

import static io.shroud.jobs.SparkTestSupport.repoRoot;
import static io.shroud.jobs.SparkTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.jobs.SparkTestSupport.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --config takes a URI read through Hadoop's file systems (s3a:// in production; file:// here). */
class PolicyFromUriTest {
  @TempDir Path tmp;

  @Test
  void aPolicyIsReadFromAFileSystemUri() throws Exception {
    Path policy = tmp.resolve("policy.yaml");
    Files.writeString(policy, String.join("\n", "version: 1",
        "input: { path: \"" + repoRoot().resolve("samples/customers.csv") + "\" }",
        "output: { path: \"" + tmp.resolve("out") + "\" }",
        "columns:",
        "  support_note: { action: keep, reason: test }",
        ""));
    CliResult result = run("sanitize", "--config", policy.toUri().toString(), "--quiet");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(tmp.resolve("out")).isDirectory();
  }

  @Test
  void aMissingPolicyUriIsAClearUsageError() {
    String uri = tmp.resolve("missing.yaml").toUri().toString();
    CliResult result = run("sanitize", "--config", uri);
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("shroud: Cannot read policy " + uri + ": file does not exist\n");
  }
}
