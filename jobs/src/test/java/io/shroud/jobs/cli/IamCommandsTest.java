package io.shroud.jobs.cli;

import static io.shroud.jobs.SparkTestSupport.repoRoot;
import static io.shroud.jobs.SparkTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shroud.jobs.SparkTestSupport.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** iam-policy, the iam commands and lint-policy through the CLI, on the shipped examples. */
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

  static final String VPCE = "vpce-0a1b2c3d4e5f6a7b8";
  static final String ADMIN = "arn:aws:iam::111122223333:role/data-platform-admin";

  /** The worked example in conf/iam/: each file is what its command prints, and each lints clean. */
  @Test
  void shippedBucketAndReaderPoliciesAreWhatTheCommandsPrintAndLintClean() throws Exception {
    Map<String, String[]> examples = new LinkedHashMap<>();
    examples.put("aws-s3-bucket-policy-output.json", new String[] {"iam", "bucket-policy", "--bucket", "output",
        "--reader-role", "arn:aws:iam::111122223333:role/sagemaker-training"});
    examples.put("aws-s3-bucket-policy-audit.json", new String[] {"iam", "bucket-policy", "--bucket", "audit"});
    examples.put("aws-s3-bucket-policy-input.json", new String[] {"iam", "bucket-policy", "--bucket", "input",
        "--input-kms-key", "arn:aws:kms:us-east-1:111122223333:key/5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"});
    examples.put("aws-s3-role-policy.json", new String[] {"iam", "role-policy"});
    for (Map.Entry<String, String[]> e : examples.entrySet()) {
      List<String> args = new ArrayList<>(List.of(e.getValue()));
      args.addAll(List.of("--config", POLICY.toString(), "--source-vpce", VPCE));
      if (args.contains("bucket-policy")) {
        args.addAll(List.of("--allow-role", ADMIN));
      }
      CliResult generated = run(args.toArray(String[]::new));
      assertThat(generated.exitCode()).as(generated.err()).isEqualTo(0);
      Path shipped = EXAMPLE.resolveSibling(e.getKey());
      assertThat(generated.out()).as("regenerate conf/iam/" + e.getKey() + " with: shroud " + String.join(" ", args))
          .isEqualTo(Files.readString(shipped));
      CliResult lint = run("lint-policy", shipped.toString(), "--config", POLICY.toString());
      assertThat(lint.exitCode()).as(lint.out()).isEqualTo(0);
      assertThat(lint.out()).isEqualTo(shipped + ": 0 error(s), 0 warning(s)\n");
    }
    CliResult reader = run("iam", "reader-policy", "--config", POLICY.toString(), "--role-name", "sagemaker-training",
        "--source-vpce", VPCE);
    assertThat(reader.exitCode()).as(reader.err()).isEqualTo(0);
    Path shipped = EXAMPLE.resolveSibling("aws-s3-reader-policy.json");
    assertThat(reader.out()).as("regenerate conf/iam/aws-s3-reader-policy.json").isEqualTo(Files.readString(shipped));
    assertThat(reader.err()).isEqualTo("shroud: attach it to role sagemaker-training: aws iam put-role-policy "
        + "--role-name sagemaker-training --policy-name shroud-reader --policy-document file://POLICY.json\n");
    CliResult lint = run("lint-policy", shipped.toString(), "--config", POLICY.toString());
    assertThat(lint.out()).isEqualTo(shipped + ": 0 error(s), 0 warning(s)\n");
  }

  @Test
  void bucketPolicyForAllBucketsIsKeyedByBucket() throws Exception {
    CliResult all = run("iam", "bucket-policy", "--config", POLICY.toString(), "--bucket", "all");
    assertThat(all.exitCode()).as(all.err()).isEqualTo(0);
    assertThat(new ObjectMapper().readTree(all.out()).fieldNames()).toIterable()
        .containsExactly("acme-raw-data", "acme-training-data", "acme-shroud-audit");
  }

  @Test
  void badBucketPolicyArgumentsAreUsageErrors() {
    Map<String[], String> cases = new LinkedHashMap<>();
    cases.put(new String[] {"--bucket", "logs"}, "Invalid --bucket logs: expected input, output, audit or all");
    cases.put(new String[] {"--source-ip", "10.0.0.0/8"}, "Invalid --source-ip 10.0.0.0/8: a private range never matches "
        + "aws:SourceIp (requests from a VPC reach S3 through an endpoint: use --source-vpce)");
    cases.put(new String[] {"--source-ip", "203.0.113.0/33"}, "Invalid --source-ip 203.0.113.0/33: expected a CIDR range "
        + "such as 203.0.113.0/24");
    cases.put(new String[] {"--source-ip", "example.com/24"}, "Invalid --source-ip example.com/24: expected a CIDR range "
        + "such as 203.0.113.0/24");
    cases.put(new String[] {"--source-vpce", "vpc-123"}, "Invalid --source-vpce vpc-123: expected an endpoint id such as "
        + "vpce-1a2b3c4d");
    cases.put(new String[] {"--reader-classification", "masked"}, "Invalid --reader-classification masked: it needs "
        + "--reader-role");
    cases.put(new String[] {"--reader-role", "arn:aws:iam::111122223333:role/r", "--reader-classification", "a,b"},
        "Invalid --reader-classification a,b: a tag value may hold letters, digits, spaces and + - = . _ : / @ only");
    cases.put(new String[] {"--allow-role", "admin"}, "Invalid role ARN admin: expected arn:aws:iam::ACCOUNT:role/NAME");
    cases.forEach((args, message) -> {
      List<String> all = new ArrayList<>(List.of("iam", "bucket-policy", "--config", POLICY.toString()));
      all.addAll(List.of(args));
      CliResult result = run(all.toArray(String[]::new));
      assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(result.err()).isEqualTo("shroud: " + message + "\n");
    });
    CliResult reader = run("iam", "reader-policy", "--config", POLICY.toString(), "--role-name", "a/b");
    assertThat(reader.exitCode()).isEqualTo(2);
    assertThat(reader.err()).isEqualTo("shroud: Invalid --role-name a/b: a role name has 1 to 64 letters, digits and "
        + "+ = , . @ _ -\n");
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

    // Tagging the input is asked for by the example; without it, reading and writing input tags is not needed.
    Path untagged = Files.writeString(tmp.resolve("untagged.yaml"), Files.readString(POLICY)
        .replace("tagSanitized: true", "tagSanitized: false"));
    lint = run("lint-policy", EXAMPLE.toString(), "--config", untagged.toString());
    assertThat(lint.exitCode()).isEqualTo(1);
    assertThat(lint.out()).contains("error: statement TagInputObjects: action 's3:GetObjectTagging' is not needed by the job");
  }

  @Test
  void badArgumentsAreUsageErrors() {
    CliResult result = run("iam-policy", "--config", POLICY.toString(), "--account", "12345");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("shroud: Invalid --account 12345: expected a 12-digit account id\n");
  }
}
