package io.shroud.jobs.cli;

import static io.shroud.jobs.SparkTestSupport.repoRoot;
import static io.shroud.jobs.SparkTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.jobs.SparkTestSupport.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** iam-policy and lint-policy through the CLI, on the shipped example. */
class IamCommandsTest {
  static final Path POLICY = repoRoot().resolve("conf/aws-s3.yaml");
  static final Path EXAMPLE = repoRoot().resolve("conf/iam/aws-s3-role-policy.json");

  @TempDir Path tmp;

  @Test
  void shippedExampleIsWhatIamPolicyPrintsAndLintsClean() throws Exception {
    CliResult generated = run("iam-policy", "--config", POLICY.toString(), "--source-vpce", "vpce-0a1b2c3d4e5f6a7b8");
    assertThat(generated.exitCode()).as(generated.err()).isEqualTo(0);
    assertThat(generated.out()).as("regenerate conf/iam/aws-s3-role-policy.json").isEqualTo(Files.readString(EXAMPLE));

    CliResult lint = run("lint-policy", EXAMPLE.toString(), "--config", POLICY.toString());
    assertThat(lint.exitCode()).as(lint.err()).isEqualTo(0);
    assertThat(lint.out()).isEqualTo(EXAMPLE + ": 0 error(s), 0 warning(s)\n");
  }

  @Test
  void shippedGlueIcebergExampleIsWhatIamPolicyPrintsAndLintsClean() throws Exception {
    Path policy = repoRoot().resolve("conf/aws-glue-iceberg.yaml");
    Path example = repoRoot().resolve("conf/iam/aws-glue-iceberg-role-policy.json");
    CliResult generated = run("iam-policy", "--config", policy.toString(), "--source-vpce", "vpce-0a1b2c3d4e5f6a7b8");
    assertThat(generated.exitCode()).as(generated.err()).isEqualTo(0);
    assertThat(generated.out()).as("regenerate conf/iam/aws-glue-iceberg-role-policy.json")
        .isEqualTo(Files.readString(example));
    CliResult lint = run("lint-policy", example.toString(), "--config", policy.toString());
    assertThat(lint.exitCode()).as(lint.err()).isEqualTo(0);
    assertThat(lint.out()).isEqualTo(example + ": 0 error(s), 0 warning(s)\n");
  }

  @Test
  void lintFailsOnABroadPolicyAndOnActionsThisJobDoesNotNeed() throws Exception {
    Path broad = Files.writeString(tmp.resolve("broad.json"), """
        {"Version":"2012-10-17","Statement":[{"Sid":"All","Effect":"Allow","Action":"s3:*","Resource":"*"}]}""");
    CliResult lint = run("lint-policy", broad.toString());
    assertThat(lint.exitCode()).isEqualTo(1);
    assertThat(lint.out()).contains("error: statement All: wildcard action 's3:*'")
        .contains("error: statement All: missing condition aws:SecureTransport = true (TLS only)");
    assertThat(lint.err()).isEqualTo("shroud: Invalid IAM policy " + broad + ": 3 error(s)\n");

    // The example grants preflight reads; a policy that turns preflight off does not need them.
    Path lax = Files.writeString(tmp.resolve("lax.yaml"), Files.readString(POLICY).replace("profile: production",
        "profile: production\n    encryption: \"off\"\n    publicAccessBlock: \"off\"\n    versioning: \"off\""));
    lint = run("lint-policy", EXAMPLE.toString(), "--config", lax.toString());
    assertThat(lint.exitCode()).isEqualTo(1);
    assertThat(lint.out()).contains("error: statement PreflightBuckets: action 's3:GetBucketVersioning' is not needed by the job");
  }

  @Test
  void badArgumentsAreUsageErrors() {
    CliResult result = run("iam-policy", "--config", POLICY.toString(), "--account", "12345");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("shroud: Invalid --account 12345: expected a 12-digit account id\n");
  }
}
