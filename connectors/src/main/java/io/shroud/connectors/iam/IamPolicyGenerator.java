package io.shroud.connectors.iam;

import io.shroud.connectors.aws.AwsSettings;
import io.shroud.connectors.aws.PreflightSettings.CheckMode;
import io.shroud.connectors.comprehend.ComprehendSettings;
import io.shroud.connectors.macie.MacieSettings;
import io.shroud.core.UsageException;
import io.shroud.core.keys.KeySpec;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.S3Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The execution role's permissions for exactly what one policy touches: read the input prefix, write
 * the output and audit prefixes (and the staging prefix beside the output), the Glue tables and their
 * warehouse prefixes, the KMS keys and secrets it names, and the preflight reads it has switched on. Every statement requires TLS
 * ({@code aws:SecureTransport}); S3 statements can be tied to a VPC endpoint ({@code aws:SourceVpce}).
 */
public final class IamPolicyGenerator {
  /** Object actions for a written prefix: S3A writes, renames (copy + delete) and re-reads what it wrote. */
  static final List<String> WRITE_OBJECT_ACTIONS = List.of("s3:PutObject", "s3:GetObject", "s3:DeleteObject",
      "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts");
  static final List<String> READ_OBJECT_ACTIONS = List.of("s3:GetObject");

  /**
   * What the generator needs beyond the policy.
   *
   * @param accountOrNull the account id, to form ARNs from bare KMS key ids and secret names
   * @param sourceVpceOrNull the S3 VPC endpoint id the role must use, or null
   * @param inputKmsKeys keys the input objects are encrypted with (kms:Decrypt through S3)
   */
  public record Options(String accountOrNull, String sourceVpceOrNull, List<String> inputKmsKeys) {
    public Options {
      inputKmsKeys = List.copyOf(inputKmsKeys);
    }
  }

  private IamPolicyGenerator() {}

  public static Map<String, Object> generate(Policy policy, Options options) {
    if (policy.extension(AwsSettings.class).isEmpty()) {
      throw new UsageException("Cannot write an IAM policy for " + policy.source().name()
          + ": it has no 'aws' section (nothing it touches is in AWS)");
    }
    AwsSettings aws = policy.extension(AwsSettings.class).get();
    String region = aws.region().orElse(null);
    String account = options.accountOrNull();
    String output = policy.output().path();
    String audit = policy.audit().directoryFor(output);
    List<Map<String, Object>> statements = new ArrayList<>();
    Statements s = new Statements(options.sourceVpceOrNull());

    String input = policy.input().path();
    if (S3Paths.isS3Path(input)) {
      statements.add(s.s3("ReadInput", READ_OBJECT_ACTIONS,
          List.of(IamArns.object(input, ""), IamArns.object(input, "/*"))));
      statements.add(s.list("ListInput", input, List.of()));
    }
    if (S3Paths.isS3Path(output)) {
      // The staging directory beside the output: .NAME.shroud-staging-RUNID (and .previous when overwriting).
      String staging = stagingPrefix(output);
      statements.add(s.s3("WriteOutput", WRITE_OBJECT_ACTIONS, List.of(IamArns.object(output, "/*"),
          IamArns.object(output, ""), "arn:aws:s3:::" + S3Paths.bucketOf(output) + "/" + staging + "*")));
      statements.add(s.list("ListOutput", output, List.of(staging + "*")));
    }
    policy.input().table().ifPresent(t -> TableStatements.input(t, region, account, s, statements));
    policy.output().table().ifPresent(t -> TableStatements.output(t, policy.output().mode(), region, account, s,
        statements));
    if (S3Paths.isS3Path(audit)) {
      statements.add(s.s3("WriteAudit", WRITE_OBJECT_ACTIONS, List.of(IamArns.object(audit, "/*"))));
      statements.add(s.list("ListAudit", audit, List.of()));
    }
    Set<String> writtenBuckets = new LinkedHashSet<>();
    // A table's files go under its location in the warehouse: its bucket gets the preflight reads.
    for (String path : Arrays.asList(policy.output().storageLocation(), audit)) {
      if (S3Paths.isS3Path(path)) {
        writtenBuckets.add(IamArns.bucket(path));
      }
    }
    // Tagged: a file output's objects and the audit objects. A table's files are Iceberg's and are not tagged.
    List<String> taggedObjects = new ArrayList<>();
    for (String path : List.of(output, audit)) {
      if (S3Paths.isS3Path(path)) {
        taggedObjects.add(IamArns.object(path, "/*"));
      }
    }
    if (!taggedObjects.isEmpty()) {
      // Every object a run publishes is tagged after it is in place (data, marker, audit, report, manifest).
      statements.add(s.s3("TagWrittenObjects", List.of("s3:PutObjectTagging"), List.copyOf(new LinkedHashSet<>(taggedObjects))));
    }
    if (policy.input().tagSanitized() && S3Paths.isS3Path(input)) {
      // PutObjectTagging replaces the whole set: the input's own tags are read first and kept.
      statements.add(s.s3("TagInputObjects", List.of("s3:GetObjectTagging", "s3:PutObjectTagging"),
          List.of(IamArns.object(input, ""), IamArns.object(input, "/*"))));
    }
    List<String> bucketReads = PreflightActions.bucketReads(aws);
    if (!bucketReads.isEmpty() && !writtenBuckets.isEmpty()) {
      statements.add(s.s3("PreflightBuckets", bucketReads, List.copyOf(writtenBuckets)));
    }
    if (aws.preflight().accountPublicAccessBlock() != CheckMode.OFF && !writtenBuckets.isEmpty()) {
      // An account-level read: IAM has no resource type for it, and it goes to S3 Control, not an S3 endpoint.
      statements.add(s.plain("PreflightAccount", List.of("s3:GetAccountPublicAccessBlock"), List.of("*")));
    }

    Optional<String> outputKey = aws.s3().kmsKeyId()
        .map(k -> IamArns.kmsKey(k, region, account, "aws.s3.encryption.kmsKeyId"));
    if (outputKey.isPresent() && !writtenBuckets.isEmpty()) {
      // Through S3 only: S3 generates data keys for new objects and decrypts them for reads and copies.
      statements.add(s.kmsViaS3("OutputKeyThroughS3", List.of("kms:GenerateDataKey", "kms:Decrypt"),
          List.of(outputKey.get()), region));
      if (aws.preflight().kmsKey() != CheckMode.OFF) {
        statements.add(s.plain("PreflightOutputKey", List.of("kms:DescribeKey", "kms:GetKeyRotationStatus"),
            List.of(outputKey.get())));
      }
    }
    List<String> inputKeys = options.inputKmsKeys().stream()
        .map(k -> IamArns.kmsKey(k, region, account, "--input-kms-key")).distinct().toList();
    if (!inputKeys.isEmpty()) {
      statements.add(s.kmsViaS3("InputKeyThroughS3", List.of("kms:Decrypt"), inputKeys, region));
    }
    keyStatements(policy, region, account, s, statements);
    // Comprehend's DetectPiiEntities and Macie's finding reads have no resource types in IAM: "*" is the
    // only resource they take, so these statements are as narrow as the services allow.
    if (policy.extension(ComprehendSettings.class).isPresent()) {
      statements.add(s.plain("DetectPiiWithComprehend", List.of("comprehend:DetectPiiEntities"), List.of("*")));
    }
    if (policy.extension(MacieSettings.class).isPresent()) {
      statements.add(s.plain("ReadMacieFindings", List.of("macie2:ListFindings", "macie2:GetFindings"), List.of("*")));
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("Version", "2012-10-17");
    document.put("Statement", statements);
    return document;
  }

  static String stagingPrefix(String output) {
    String key = IamArns.keyOf(output);
    int slash = key.lastIndexOf('/');
    return key.substring(0, slash + 1) + "." + key.substring(slash + 1) + ".shroud-staging-";
  }

  /** Secrets Manager secrets and KMS-wrapped data keys the policy's keys (and their previous versions) use. */
  private static void keyStatements(Policy policy, String region, String account, Statements s,
      List<Map<String, Object>> statements) {
    Set<String> secrets = new LinkedHashSet<>();
    Map<String, Map<String, String>> wrapping = new LinkedHashMap<>();
    for (KeySpec key : policy.keys().values()) {
      List<KeySpec> versions = new ArrayList<>();
      versions.add(key);
      versions.addAll(key.previous());
      for (KeySpec v : versions) {
        String keyRegion = v.region() != null ? v.region() : region;
        String where = "key '" + key.name() + "' v" + v.version();
        if (v.source() == KeySpec.KeySource.SECRETS_MANAGER) {
          secrets.add(IamArns.secret(v.location(), keyRegion, account, where));
        } else if (v.source() == KeySpec.KeySource.KMS_WRAPPED) {
          wrapping.put(IamArns.kmsKey(v.location(), keyRegion, account, where), v.encryptionContext());
        }
      }
    }
    if (!secrets.isEmpty()) {
      statements.add(s.plain("ReadKeySecrets", List.of("secretsmanager:GetSecretValue"), List.copyOf(secrets)));
    }
    int n = 0;
    for (Map.Entry<String, Map<String, String>> e : wrapping.entrySet()) {
      statements.add(s.kmsDecryptWithContext("UnwrapDataKey" + (++n), e.getKey(), e.getValue()));
    }
  }
}
