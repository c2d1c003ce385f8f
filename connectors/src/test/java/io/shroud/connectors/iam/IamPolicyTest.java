package io.shroud.connectors.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shroud.connectors.AwsPolicyExtensions;
import io.shroud.core.UsageException;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.PolicyOverrides;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class IamPolicyTest {
  static final String POLICY = """
      input: { path: "s3a://raw/data/in.csv" }
      output: { path: "s3://clean/team/masked", format: parquet }
      columns: { email: { action: hash, key: pii } }
      keys:
        pii: { version: 2, secretsManager: { secret: shroud/pii }, previous: [ { version: 1, kms: { keyId: "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", encryptedDataKey: "AAAA", context: { purpose: shroud } } } ] }
      aws:
        region: eu-west-1
        s3: { encryption: { kmsKeyId: "1234abcd-12ab-34cd-56ef-1234567890ab" } }
        preflight: { publicAccessBlock: "off", kmsKey: "off" }
      """;

  static Policy parse(String yaml) {
    return AwsPolicyExtensions.parser().parse(yaml, "p.yaml", PolicyOverrides.NONE);
  }

  static Map<String, Object> generate(String yaml, String account, String vpce) {
    return IamPolicyGenerator.generate(parse(yaml), new IamPolicyGenerator.Options(account, vpce,
        List.of("arn:aws:kms:eu-west-1:111122223333:key/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> statement(Map<String, Object> doc, String sid) {
    return ((List<Map<String, Object>>) doc.get("Statement")).stream().filter(s -> s.get("Sid").equals(sid)).findFirst()
        .orElseThrow(() -> new AssertionError("no statement " + sid));
  }

  @Test
  void grantsExactlyWhatThePolicyTouches() {
    Map<String, Object> doc = generate(POLICY, "111122223333", null);
    assertThat(statement(doc, "ReadInput").get("Resource"))
        .isEqualTo(List.of("arn:aws:s3:::raw/data/in.csv", "arn:aws:s3:::raw/data/in.csv/*"));
    assertThat(statement(doc, "ListInput").get("Condition").toString())
        .contains("s3:prefix=[data/, data/in.csv, data/in.csv/*]");
    assertThat(statement(doc, "WriteOutput").get("Resource")).isEqualTo(List.of("arn:aws:s3:::clean/team/masked/*",
        "arn:aws:s3:::clean/team/masked", "arn:aws:s3:::clean/team/.masked.shroud-staging-*"));
    assertThat(statement(doc, "WriteAudit").get("Resource")).isEqualTo(List.of("arn:aws:s3:::clean/team/masked_audit/*"));
    assertThat(statement(doc, "PreflightBuckets").get("Action")).isEqualTo(List.of("s3:GetEncryptionConfiguration",
        "s3:GetBucketVersioning", "s3:GetBucketPolicy", "s3:GetBucketOwnershipControls"));
    assertThat(statement(doc, "PreflightAccount").get("Action")).isEqualTo(List.of("s3:GetAccountPublicAccessBlock"));
    assertThat(statement(doc, "PreflightAccount").get("Resource")).isEqualTo(List.of("*"));
    assertThat(statement(doc, "TagWrittenObjects").get("Action")).isEqualTo(List.of("s3:PutObjectTagging"));
    assertThat(statement(doc, "TagWrittenObjects").get("Resource"))
        .isEqualTo(List.of("arn:aws:s3:::clean/team/masked/*", "arn:aws:s3:::clean/team/masked_audit/*"));
    assertThat(statement(doc, "PreflightBuckets").get("Resource")).isEqualTo(List.of("arn:aws:s3:::clean"));
    assertThat(statement(doc, "OutputKeyThroughS3").get("Resource"))
        .isEqualTo(List.of("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"));
    assertThat(statement(doc, "OutputKeyThroughS3").get("Condition").toString())
        .contains("kms:ViaService=s3.eu-west-1.amazonaws.com");
    assertThat(statement(doc, "InputKeyThroughS3").get("Action")).isEqualTo(List.of("kms:Decrypt"));
    assertThat(statement(doc, "ReadKeySecrets").get("Resource"))
        .isEqualTo(List.of("arn:aws:secretsmanager:eu-west-1:111122223333:secret:shroud/pii-??????"));
    assertThat(statement(doc, "UnwrapDataKey1").get("Condition").toString()).contains("kms:EncryptionContext:purpose=shroud");
    assertThat(doc.toString()).doesNotContain("PreflightOutputKey").doesNotContain("GetBucketPublicAccessBlock")
        .doesNotContain("TagInputObjects").doesNotContain("GetObjectTagging");
    assertThat(IamPolicyLinter.actionsOf(doc)).doesNotContain("s3:*", "kms:*", "s3:PutBucketPolicy");
  }

  @Test
  void generatedPolicyPassesTheLinter() throws Exception {
    Map<String, Object> doc = generate(POLICY, "111122223333", "vpce-1a2b3c4d");
    String json = new ObjectMapper().writeValueAsString(doc);
    assertThat(IamPolicyLinter.lint(json, "gen.json", IamPolicyLinter.actionsOf(doc))).isEmpty();
    assertThat(IamPolicyLinter.lint(new ObjectMapper().writeValueAsString(generate(POLICY, "111122223333", null)),
        "gen.json", IamPolicyLinter.SHROUD_ACTIONS)).allMatch(f -> f.severity() == IamPolicyLinter.Severity.WARNING)
        .extracting(IamPolicyLinter.Finding::toString)
        .contains("warning: statement ReadInput: no aws:SourceVpce condition: S3 is reachable from outside the VPC endpoint");
  }

  @Test
  void remoteDetectionAddsOnlyItsOwnActionsAndStillLints() throws Exception {
    String withRemote = POLICY.replace("aws:\n", "detection:\n  comprehend: { region: eu-west-1 }\n"
        + "  macie: { region: eu-west-1 }\naws:\n");
    Map<String, Object> doc = generate(withRemote, "111122223333", "vpce-1a2b3c4d");
    assertThat(statement(doc, "DetectPiiWithComprehend").get("Action")).isEqualTo(List.of("comprehend:DetectPiiEntities"));
    assertThat(statement(doc, "ReadMacieFindings").get("Action")).isEqualTo(List.of("macie2:ListFindings", "macie2:GetFindings"));
    assertThat(IamPolicyLinter.lint(new ObjectMapper().writeValueAsString(doc), "gen.json", IamPolicyLinter.actionsOf(doc)))
        .isEmpty();
    assertThat(generate(POLICY, "111122223333", null).toString()).doesNotContain("comprehend").doesNotContain("macie2");
    // "*" is accepted only where IAM has no resource type: the same resource on an S3 action is an error.
    String mixed = "{\"Statement\":[{\"Sid\":\"X\",\"Effect\":\"Allow\",\"Action\":[\"comprehend:DetectPiiEntities\","
        + "\"s3:GetObject\"],\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}]}";
    assertThat(IamPolicyLinter.lint(mixed, "m.json", IamPolicyLinter.SHROUD_ACTIONS)).extracting(IamPolicyLinter.Finding::toString)
        .contains("error: statement X: wildcard resource '*'");
  }

  @Test
  void bareIdsNeedAnAccountAndAliasesAreRefused() {
    assertThatThrownBy(() -> generate(POLICY, null, null)).isInstanceOf(UsageException.class)
        .hasMessage("Cannot write an IAM policy for aws.s3.encryption.kmsKeyId (KMS key 1234abcd-12ab-34cd-56ef-1234567890ab): "
            + "a bare key id needs --account and aws.region to form its ARN; or use the key ARN in the policy");
    assertThatThrownBy(() -> generate(POLICY.replace("1234abcd-12ab-34cd-56ef-1234567890ab", "alias/shroud"), "111122223333", null))
        .hasMessage("Cannot write an IAM policy for aws.s3.encryption.kmsKeyId: IAM grants KMS permissions on key ARNs, "
            + "not aliases; use the key ARN");
    assertThatThrownBy(() -> IamPolicyGenerator.generate(parse("input: { path: a.csv }\noutput: { path: b }\n"),
        new IamPolicyGenerator.Options(null, null, List.of())))
        .hasMessage("Cannot write an IAM policy for p.yaml: it has no 'aws' section (nothing it touches is in AWS)");
  }

  @Test
  void linterFlagsWildcardsMissingConditionsAndUnneededActions() {
    String json = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"TooBroad","Effect":"Allow","Action":["s3:*","kms:Decrypt"],"Resource":"*"},
          {"Sid":"Extra","Effect":"Allow","Action":"s3:PutBucketPolicy","Resource":"arn:aws:s3:::clean*",
           "Condition":{"Bool":{"aws:SecureTransport":"false"},"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}},
          {"Effect":"Allow","NotAction":"iam:*","Resource":"arn:aws:s3:::clean/out/*","Condition":{"Bool":{"aws:SecureTransport":true}}},
          {"Sid":"DenyIsFine","Effect":"Deny","Action":"*","Resource":"*"}
        ]}""";
    assertThat(IamPolicyLinter.lint(json, "p.json", IamPolicyLinter.SHROUD_ACTIONS)).extracting(Object::toString).containsExactly(
        "error: statement TooBroad: wildcard action 's3:*'",
        "error: statement TooBroad: wildcard resource '*'",
        "error: statement TooBroad: missing condition aws:SecureTransport = true (TLS only)",
        "warning: statement TooBroad: no aws:SourceVpce condition: S3 is reachable from outside the VPC endpoint",
        "error: statement Extra: action 's3:PutBucketPolicy' is not needed by the job",
        "error: statement Extra: wildcard resource 'arn:aws:s3:::clean*'",
        "error: statement Extra: missing condition aws:SecureTransport = true (TLS only)",
        "error: statement #3: uses NotAction, which grants everything not listed");
    assertThat(IamPolicyLinter.lint(json, "p.json", Set.of("s3:GetObject"))).extracting(Object::toString)
        .contains("error: statement TooBroad: action 'kms:Decrypt' is not needed by the job");
    assertThatThrownBy(() -> IamPolicyLinter.lint("{}", "p.json", IamPolicyLinter.SHROUD_ACTIONS))
        .hasMessage("Invalid IAM policy p.json: no 'Statement'");
  }

  @Test
  void eachPreflightCheckAndTaggingFeatureAddsExactlyItsOwnActions() {
    String none = POLICY.replace("preflight: { publicAccessBlock: \"off\", kmsKey: \"off\" }", "preflight: { encryption: "
        + "\"off\", publicAccessBlock: \"off\", versioning: \"off\", kmsKey: \"off\", callerIdentity: \"off\", "
        + "accountPublicAccessBlock: \"off\", secureTransport: \"off\", objectOwnership: \"off\", bucketKey: \"off\" }");
    Map<String, Object> bare = generate(none, "111122223333", null);
    assertThat(bare.toString()).doesNotContain("Preflight");
    // Tagging written objects is not optional: every S3 run tags what it publishes.
    assertThat(IamPolicyLinter.actionsOf(bare)).contains("s3:PutObjectTagging").doesNotContain("s3:GetObjectTagging");

    Map<String, List<String>> added = Map.of(
        "bucketKey: \"off\"", List.of("s3:GetEncryptionConfiguration"),
        "secureTransport: \"off\"", List.of("s3:GetBucketPolicy"),
        "objectOwnership: \"off\"", List.of("s3:GetBucketOwnershipControls"),
        "accountPublicAccessBlock: \"off\"", List.of("s3:GetAccountPublicAccessBlock"));
    added.forEach((off, actions) -> {
      Map<String, Object> doc = generate(none.replace(off, off.replace("\"off\"", "warn")), "111122223333", null);
      Set<String> extra = new TreeSet<>(IamPolicyLinter.actionsOf(doc));
      extra.removeAll(IamPolicyLinter.actionsOf(bare));
      assertThat(extra).as(off).containsExactlyElementsOf(actions);
    });
    // DSSE-KMS has no bucket keys: the bucket key check reads nothing there.
    String dsse = none.replace("bucketKey: \"off\"", "bucketKey: warn")
        .replace("encryption: { kmsKeyId", "encryption: { algorithm: DSSE-KMS, kmsKeyId");
    assertThat(generate(dsse, "111122223333", null).toString()).doesNotContain("GetEncryptionConfiguration");

    Map<String, Object> tagged = generate(none.replace("s3a://raw/data/in.csv\" }", "s3a://raw/data/in.csv\", "
        + "tagSanitized: true }"), "111122223333", null);
    assertThat(statement(tagged, "TagInputObjects").get("Action")).isEqualTo(List.of("s3:GetObjectTagging",
        "s3:PutObjectTagging"));
    assertThat(statement(tagged, "TagInputObjects").get("Resource"))
        .isEqualTo(List.of("arn:aws:s3:::raw/data/in.csv", "arn:aws:s3:::raw/data/in.csv/*"));
  }

  @Test
  void accountLevelReadsTakeStarAndNeedNoVpcEndpoint() throws Exception {
    Map<String, Object> doc = generate(POLICY, "111122223333", "vpce-1a2b3c4d");
    assertThat(statement(doc, "PreflightAccount").get("Condition").toString()).doesNotContain("SourceVpce");
    assertThat(IamPolicyLinter.lint(new ObjectMapper().writeValueAsString(doc), "gen.json", IamPolicyLinter.actionsOf(doc)))
        .isEmpty();
  }
}
