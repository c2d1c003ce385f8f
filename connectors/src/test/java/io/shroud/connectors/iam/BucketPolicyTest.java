package io.shroud.connectors.iam;

import static io.shroud.connectors.iam.IamPolicyTest.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shroud.connectors.iam.BucketPolicyGenerator.Which;
import io.shroud.core.UsageException;
import io.shroud.core.policy.Policy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bucket and reader policies: the statements AWS documents, and the linter agreeing with them. */
class BucketPolicyTest {
  static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  static final String READER = "arn:aws:iam::444455556666:role/training/sagemaker";
  static final String POLICY = """
      input: { path: "s3a://raw/in/" }
      output: { path: "s3a://clean/team/masked" }
      audit: { path: "s3a://audit-logs/runs" }
      aws:
        region: eu-west-1
        s3: { encryption: { kmsKeyId: "%s" } }
      """.formatted(KEY);
  static final ObjectMapper JSON = new ObjectMapper();

  static BucketPolicyGenerator.Options options(List<String> vpces, List<String> ips, List<String> roles, String reader) {
    return new BucketPolicyGenerator.Options(null, vpces, ips, roles, reader, "masked", List.of());
  }

  static Map<String, Object> output(BucketPolicyGenerator.Options options) {
    return BucketPolicyGenerator.generate(parse(POLICY), Which.OUTPUT, options).get("clean");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> statement(Map<String, Object> doc, String sid) {
    return ((List<Map<String, Object>>) doc.get("Statement")).stream().filter(s -> s.get("Sid").equals(sid)).findFirst()
        .orElseThrow(() -> new AssertionError("no statement " + sid));
  }

  static List<String> lint(Object doc) throws Exception {
    return IamPolicyLinter.lint(JSON.writeValueAsString(doc), "b.json", IamPolicyLinter.SHROUD_ACTIONS).stream()
        .map(Object::toString).toList();
  }

  @Test
  void denyStatementsAreShapedAsAwsDocumentsThem() throws Exception {
    Map<String, Object> doc = output(options(List.of(), List.of(), List.of(), null));
    assertThat(statement(doc, "DenyInsecureTransport")).containsEntry("Principal", "*").containsEntry("Action", "s3:*")
        .containsEntry("Resource", List.of("arn:aws:s3:::clean", "arn:aws:s3:::clean/*"))
        .containsEntry("Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));
    // Multipart part uploads carry no encryption header: only a header that asks for something else is denied.
    assertThat(statement(doc, "DenyUploadsWithoutSseKms").get("Condition"))
        .isEqualTo(Map.of("StringNotEqualsIfExists", Map.of("s3:x-amz-server-side-encryption", "aws:kms")));
    assertThat(statement(doc, "DenyUploadsWithAwsManagedKey").get("Condition")).isEqualTo(Map.of(
        "StringEquals", Map.of("s3:x-amz-server-side-encryption", "aws:kms"),
        "Null", Map.of("s3:x-amz-server-side-encryption-aws-kms-key-id", "true")));
    assertThat(statement(doc, "DenyUploadsWithOtherKmsKeys").get("Condition")).isEqualTo(Map.of("StringNotEqualsIfExists",
        Map.of("s3:x-amz-server-side-encryption-aws-kms-key-id", List.of(KEY, "1234abcd-12ab-34cd-56ef-1234567890ab"))));
    assertThat(statement(doc, "DenyPublicAndOtherAccounts").get("Condition")).isEqualTo(Map.of(
        "StringNotEqualsIfExists", Map.of("aws:PrincipalAccount", List.of("111122223333")),
        "BoolIfExists", Map.of("aws:PrincipalIsAWSService", "false")));
    // Without endpoints, networks or roles there is no network statement, and no reader.
    assertThat(doc.toString()).doesNotContain("DenyOutsideNetwork").doesNotContain("Reader").doesNotContain("\"Allow\"");
    assertThat(lint(doc)).isEmpty();
  }

  @Test
  void networkDenyExemptsEndpointsNetworksAndNamedRolesTogether() throws Exception {
    Map<String, Object> doc = output(options(List.of("vpce-1a2b3c4d"), List.of("203.0.113.0/24"),
        List.of("arn:aws:iam::111122223333:role/admin"), null));
    assertThat(statement(doc, "DenyOutsideNetwork").get("Condition")).isEqualTo(Map.of(
        "StringNotEqualsIfExists", Map.of("aws:SourceVpce", List.of("vpce-1a2b3c4d")),
        "NotIpAddressIfExists", Map.of("aws:SourceIp", List.of("203.0.113.0/24")),
        "ArnNotLike", Map.of("aws:PrincipalArn", List.of("arn:aws:iam::111122223333:role/admin")),
        "BoolIfExists", Map.of("aws:PrincipalIsAWSService", "false", "aws:ViaAWSService", "false")));
    assertThat(lint(doc)).isEmpty();
    Map<String, Object> ipsOnly = output(options(List.of(), List.of("198.51.100.7/32"), List.of(), null));
    assertThat(statement(ipsOnly, "DenyOutsideNetwork").get("Condition").toString())
        .doesNotContain("SourceVpce").doesNotContain("PrincipalArn").contains("198.51.100.7/32");
  }

  @Test
  void readerMayReadOnlyObjectsOfItsClassification() throws Exception {
    Map<String, Object> doc = output(options(List.of(), List.of(), List.of(), READER));
    assertThat(statement(doc, "ReaderReadsTaggedOutput")).containsEntry("Effect", "Allow")
        .containsEntry("Principal", Map.of("AWS", READER)).containsEntry("Action", List.of("s3:GetObject"))
        .containsEntry("Resource", List.of("arn:aws:s3:::clean/team/masked/*"));
    assertThat(statement(doc, "ReaderReadsTaggedOutput").get("Condition").toString())
        .contains("s3:ExistingObjectTag/Classification=masked").contains("aws:SecureTransport=true");
    assertThat(statement(doc, "ReaderListsOutput").get("Condition").toString())
        .contains("s3:prefix=[team/, team/masked, team/masked/*]");
    assertThat(statement(doc, "ReaderReadsNothingElse")).containsEntry("Effect", "Deny")
        .containsEntry("Resource", List.of("arn:aws:s3:::clean/*")).containsEntry("Condition",
            Map.of("StringNotEquals", Map.of("s3:ExistingObjectTag/Classification", "masked")));
    // A reader in another account is trusted by the account statement too.
    assertThat(statement(doc, "DenyPublicAndOtherAccounts").get("Condition").toString())
        .contains("aws:PrincipalAccount=[111122223333, 444455556666]");
    assertThat(lint(doc)).isEmpty();
    Map<String, Map<String, Object>> all = BucketPolicyGenerator.generate(parse(POLICY), Which.ALL,
        options(List.of(), List.of(), List.of(), READER));
    assertThat(all.keySet()).containsExactly("raw", "clean", "audit-logs");
    assertThat(all.get("audit-logs").toString()).doesNotContain("Reader");
    // The input bucket's uploads are not the job's: without --input-kms-key no particular key is demanded.
    assertThat(all.get("raw").toString()).doesNotContain("DenyUploadsWithOtherKmsKeys").contains("DenyUploadsWithoutSseKms");
  }

  @Test
  void sharedBucketsGetOnePolicyAndBadRequestsAreRefused() {
    Policy shared = parse(POLICY.replace("s3a://audit-logs/runs", "s3a://clean/audit"));
    assertThat(BucketPolicyGenerator.generate(shared, Which.ALL, options(List.of(), List.of(), List.of(), null)).keySet())
        .containsExactly("raw", "clean");
    Policy local = parse(POLICY.replace("s3a://raw/in/", "data/in.csv"));
    assertThatThrownBy(() -> BucketPolicyGenerator.generate(local, Which.INPUT, options(List.of(), List.of(), List.of(), null)))
        .isInstanceOf(UsageException.class).hasMessage("Cannot write a bucket policy for the input: data/in.csv is not on S3");
    assertThat(BucketPolicyGenerator.generate(local, Which.ALL, options(List.of(), List.of(), List.of(), null)).keySet())
        .containsExactly("clean", "audit-logs");
    assertThatThrownBy(() -> output(options(List.of(), List.of(), List.of("arn:aws:iam::111122223333:user/bob"), null)))
        .hasMessage("Invalid role ARN arn:aws:iam::111122223333:user/bob: expected arn:aws:iam::ACCOUNT:role/NAME");
  }

  @Test
  void readerIdentityPolicyIsReadOnlyTaggedAndDecryptsThroughS3ForThatBucketOnly() throws Exception {
    Map<String, Object> doc = ReaderPolicyGenerator.generate(parse(POLICY),
        new ReaderPolicyGenerator.Options(null, "vpce-1a2b3c4d", "masked"));
    assertThat(IamPolicyLinter.actionsOf(doc)).containsExactly("kms:Decrypt", "s3:GetObject", "s3:ListBucket");
    assertThat(statement(doc, "ReadTaggedOutput").get("Condition").toString())
        .contains("s3:ExistingObjectTag/Classification=masked").contains("aws:SourceVpce=vpce-1a2b3c4d");
    assertThat(statement(doc, "DecryptOutputThroughS3")).containsEntry("Resource", List.of(KEY));
    assertThat(statement(doc, "DecryptOutputThroughS3").get("Condition")).isEqualTo(Map.of(
        "StringEquals", Map.of("kms:ViaService", "s3.eu-west-1.amazonaws.com"),
        "StringLike", Map.of("kms:EncryptionContext:aws:s3:arn", List.of("arn:aws:s3:::clean/team/masked/*",
            "arn:aws:s3:::clean")),
        "Bool", Map.of("aws:SecureTransport", "true")));
    assertThat(IamPolicyLinter.lint(JSON.writeValueAsString(doc), "r.json", IamPolicyLinter.SHROUD_ACTIONS)).isEmpty();
    assertThatThrownBy(() -> ReaderPolicyGenerator.generate(parse(POLICY.replace("s3a://clean/team/masked", "out")),
        new ReaderPolicyGenerator.Options(null, null, "masked")))
        .hasMessage("Cannot write a reader policy for p.yaml: its output out is not on S3");
  }

  @Test
  void linterFindsWhatABucketPolicyLacks() throws Exception {
    String open = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"Public","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::open/*"},
          {"Sid":"Office","Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:*","Resource":"arn:aws:s3:::open/*",
           "Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}
        ]}""";
    assertThat(IamPolicyLinter.lint(open, "o.json", IamPolicyLinter.SHROUD_ACTIONS)).extracting(Object::toString)
        .containsExactly(
            "error: statement Public: allows Principal * with no condition narrowing who or where (aws:SourceVpce, "
                + "aws:SourceIp, aws:PrincipalAccount, aws:PrincipalArn, ...): the bucket is public",
            "error: statement Office: wildcard action 's3:*'",
            "error: bucket open: the bucket policy does not deny requests without TLS (expected a Deny for Principal *, "
                + "Action s3:*, on arn:aws:s3:::open and arn:aws:s3:::open/*, when aws:SecureTransport is false)",
            "error: bucket open: no statement denies s3:PutObject without SSE-KMS on arn:aws:s3:::open/* (a Deny "
                + "testing s3:x-amz-server-side-encryption or s3:x-amz-server-side-encryption-aws-kms-key-id)");
  }

  @Test
  void tlsDenyIsReadTheWayIamReadsIt() {
    String deny = "{\"Sid\":\"T\",\"Effect\":\"Deny\",\"Principal\":%s,\"Action\":%s,\"Resource\":%s,"
        + "\"Condition\":%s}";
    String tls = "{\"Bool\":{\"aws:SecureTransport\":false}}";
    assertThat(tlsProblem(deny.formatted("{\"AWS\":[\"*\"]}", "\"*\"", "\"arn:aws:s3:::b*\"", tls))).isEmpty();
    assertThat(tlsProblem(deny.formatted("\"*\"", "[\"S3:*\"]", "[\"arn:aws:s3:::b\",\"arn:aws:s3:::b/*\"]",
        "{\"BoolIfExists\":{\"aws:securetransport\":\"false\"}}"))).isEmpty();
    // A deny of only some actions, only some objects, for someone, or with another condition is not enough.
    assertThat(tlsProblem(deny.formatted("\"*\"", "\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"", tls)))
        .hasValueSatisfying(p -> assertThat(p).startsWith("the bucket policy does not deny requests without TLS"));
    assertThat(tlsProblem(deny.formatted("\"*\"", "\"s3:*\"", "[\"arn:aws:s3:::b\",\"arn:aws:s3:::b/data/*\"]", tls)))
        .contains("the bucket policy's TLS deny does not cover every object (arn:aws:s3:::b/*)");
    assertThat(tlsProblem(deny.formatted("{\"AWS\":\"arn:aws:iam::111122223333:role/x\"}", "\"s3:*\"",
        "\"arn:aws:s3:::b*\"", tls))).isPresent();
    assertThat(tlsProblem(deny.formatted("\"*\"", "\"s3:*\"", "\"arn:aws:s3:::b*\"",
        "{\"Bool\":{\"aws:SecureTransport\":\"false\"},\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}")))
        .isPresent();
    assertThat(tlsProblem(deny.formatted("\"*\"", "\"s3:*\"", "\"arn:aws:s3:::other/*\"", tls)))
        .contains("the bucket policy's TLS deny does not cover this bucket");
  }

  static Optional<String> tlsProblem(String statement) {
    return BucketPolicyReview.secureTransportProblem(PolicyDocuments.statements("{\"Statement\":[" + statement + "]}",
        "t.json"), "b");
  }
}
