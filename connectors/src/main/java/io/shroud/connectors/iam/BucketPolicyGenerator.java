package io.shroud.connectors.iam;

import io.shroud.connectors.aws.AwsSettings;
import io.shroud.connectors.aws.S3Settings;
import io.shroud.core.UsageException;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.S3Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Resource policies for the buckets one Shroud policy reads and writes, in the forms AWS documents:
 * deny requests without TLS; deny uploads that ask for anything but SSE-KMS with the policy's key
 * (requests without encryption headers get the bucket's default encryption, which preflight checks, and
 * multipart part uploads carry no such header); deny anonymous and other-account principals; deny
 * requests from outside the VPC endpoints and networks given, except for named roles; and optionally let
 * a reader role read only objects tagged with a classification.
 */
public final class BucketPolicyGenerator {
  private static final String SSE = "s3:x-amz-server-side-encryption";
  private static final String SSE_KEY = "s3:x-amz-server-side-encryption-aws-kms-key-id";

  /** Which of the policy's buckets. */
  public enum Which {
    INPUT,
    OUTPUT,
    AUDIT,
    ALL
  }

  /**
   * @param accountOrNull the account the buckets trust (default: the output key's account)
   * @param sourceVpces requests through these S3 VPC endpoints are allowed in
   * @param sourceIps requests from these public CIDR ranges are allowed in (never applies through an endpoint)
   * @param allowRoles role ARNs exempt from the network restriction (administrators, break-glass)
   * @param readerRoleOrNull a role that may read the output's objects tagged {@code readerClassification}
   * @param readerClassification the Classification tag value the reader may read
   * @param inputKmsKeys keys the input objects must be encrypted with (input bucket only)
   */
  public record Options(String accountOrNull, List<String> sourceVpces, List<String> sourceIps, List<String> allowRoles,
      String readerRoleOrNull, String readerClassification, List<String> inputKmsKeys) {
    public Options {
      sourceVpces = List.copyOf(sourceVpces);
      sourceIps = List.copyOf(sourceIps);
      allowRoles = List.copyOf(allowRoles);
      inputKmsKeys = List.copyOf(inputKmsKeys);
    }
  }

  private BucketPolicyGenerator() {}

  /** One policy document per bucket, by bucket name, in input, output, audit order. */
  public static Map<String, Map<String, Object>> generate(Policy policy, Which which, Options options) {
    AwsSettings aws = policy.extension(AwsSettings.class).orElseThrow(() -> new UsageException(
        "Cannot write a bucket policy for "
        + policy.source().name() + ": it has no 'aws' section (nothing it touches is in AWS)"));
    String region = aws.region().orElse(null);
    String input = policy.input().path();
    // A table output's objects go under its location in the warehouse (a REST catalog's location is its server's).
    String output = Objects.requireNonNullElse(policy.output().storageLocation(), policy.output().path());
    String audit = policy.audit().directoryFor(policy.output().path());
    if (policy.output().table().isPresent() && options.readerRoleOrNull() != null) {
      throw new UsageException("Invalid --reader-role for " + policy.source().name() + ": its output is "
          + policy.output().path() + ", an Iceberg table whose files carry no Classification tag to grant by");
    }
    Map<String, Set<String>> keysByBucket = new LinkedHashMap<>();
    Map<String, String> outputByBucket = new LinkedHashMap<>();
    String outputKey = aws.s3().kmsKeyId().map(k -> IamArns.kmsKey(k, region, options.accountOrNull(),
        "aws.s3.encryption.kmsKeyId")).orElse(null);
    boolean all = which == Which.ALL;
    if (which == Which.INPUT || all && S3Paths.isS3Path(input)) {
      Set<String> keys = bucket(keysByBucket, input, "input");
      options.inputKmsKeys().forEach(k -> keys.add(IamArns.kmsKey(k, region, options.accountOrNull(), "--input-kms-key")));
    }
    if (which == Which.OUTPUT || all && S3Paths.isS3Path(output)) {
      add(bucket(keysByBucket, output, "output"), outputKey);
      outputByBucket.put(S3Paths.bucketOf(output), output);
    }
    if (which == Which.AUDIT || all && S3Paths.isS3Path(audit)) {
      add(bucket(keysByBucket, audit, "audit"), outputKey);
    }
    if (keysByBucket.isEmpty()) {
      throw new UsageException("Cannot write a bucket policy for " + policy.source().name() + ": none of its paths is on S3");
    }
    Set<String> accounts = accounts(options, outputKey);
    String algorithm = aws.s3().encryption() == S3Settings.Encryption.DSSE_KMS ? "aws:kms:dsse" : "aws:kms";
    Map<String, Map<String, Object>> policies = new LinkedHashMap<>();
    keysByBucket.forEach((bucket, keys) -> policies.put(bucket, document(bucket, keys, algorithm, accounts, options,
        outputByBucket.get(bucket))));
    return policies;
  }

  private static Map<String, Object> document(String bucket, Set<String> keys, String algorithm, Set<String> accounts,
      Options options, String outputOrNull) {
    String bucketArn = "arn:aws:s3:::" + bucket;
    List<String> bucketAndObjects = List.of(bucketArn, bucketArn + "/*");
    List<String> objects = List.of(bucketArn + "/*");
    List<Map<String, Object>> statements = new ArrayList<>();
    statements.add(deny("DenyInsecureTransport", "s3:*", bucketAndObjects,
        conditions("Bool", "aws:SecureTransport", "false")));
    statements.add(deny("DenyUploadsWithoutSseKms", "s3:PutObject", objects,
        conditions("StringNotEqualsIfExists", SSE, algorithm)));
    Map<String, Object> awsManaged = conditions("StringEquals", SSE, algorithm);
    awsManaged.putAll(conditions("Null", SSE_KEY, "true"));
    statements.add(deny("DenyUploadsWithAwsManagedKey", "s3:PutObject", objects, awsManaged));
    if (!keys.isEmpty()) {
      // S3A sends the key as the policy names it: accept the ARN and the bare key id.
      Set<String> forms = new LinkedHashSet<>();
      keys.forEach(k -> {
        forms.add(k);
        forms.add(k.substring(k.lastIndexOf('/') + 1));
      });
      statements.add(deny("DenyUploadsWithOtherKmsKeys", "s3:PutObject", objects,
          conditions("StringNotEqualsIfExists", SSE_KEY, List.copyOf(forms))));
    }
    Map<String, Object> identity = conditions("StringNotEqualsIfExists", "aws:PrincipalAccount", List.copyOf(accounts));
    identity.putAll(conditions("BoolIfExists", "aws:PrincipalIsAWSService", "false"));
    statements.add(deny("DenyPublicAndOtherAccounts", "s3:*", bucketAndObjects, identity));
    if (!options.sourceVpces().isEmpty() || !options.sourceIps().isEmpty() || !options.allowRoles().isEmpty()) {
      statements.add(deny("DenyOutsideNetwork", "s3:*", bucketAndObjects, network(options)));
    }
    if (outputOrNull != null && options.readerRoleOrNull() != null) {
      statements.addAll(ReaderStatements.bucketPolicy(outputOrNull, options.readerRoleOrNull(),
          options.readerClassification()));
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("Version", "2012-10-17");
    document.put("Statement", statements);
    return document;
  }

  /**
   * One Deny, conditions ANDed: not through a listed endpoint, and not from a listed network (aws:SourceIp is
   * absent on requests through a VPC endpoint, hence IfExists), and not a named role, and not an AWS service
   * acting for itself or on a principal's behalf.
   */
  private static Map<String, Object> network(Options options) {
    Map<String, Object> c = new LinkedHashMap<>();
    if (!options.sourceVpces().isEmpty()) {
      c.putAll(conditions("StringNotEqualsIfExists", "aws:SourceVpce", options.sourceVpces()));
    }
    if (!options.sourceIps().isEmpty()) {
      c.putAll(conditions("NotIpAddressIfExists", "aws:SourceIp", options.sourceIps()));
    }
    if (!options.allowRoles().isEmpty()) {
      c.putAll(conditions("ArnNotLike", "aws:PrincipalArn", options.allowRoles()));
    }
    Map<String, Object> services = new LinkedHashMap<>();
    services.put("aws:PrincipalIsAWSService", "false");
    services.put("aws:ViaAWSService", "false");
    c.put("BoolIfExists", services);
    return c;
  }

  private static Set<String> accounts(Options options, String outputKeyOrNull) {
    Set<String> accounts = new LinkedHashSet<>();
    if (options.accountOrNull() != null) {
      accounts.add(options.accountOrNull());
    } else if (outputKeyOrNull != null) {
      accounts.add(outputKeyOrNull.split(":")[4]);
    }
    options.allowRoles().forEach(r -> accounts.add(IamArns.roleAccount(r)));
    if (options.readerRoleOrNull() != null) {
      accounts.add(IamArns.roleAccount(options.readerRoleOrNull()));
    }
    if (accounts.isEmpty()) {
      throw new UsageException("Cannot write a bucket policy: the account to trust is unknown; pass --account");
    }
    return accounts;
  }

  private static Set<String> bucket(Map<String, Set<String>> keysByBucket, String path, String what) {
    if (!S3Paths.isS3Path(path)) {
      throw new UsageException("Cannot write a bucket policy for the " + what + ": " + path + " is not on S3");
    }
    return keysByBucket.computeIfAbsent(S3Paths.bucketOf(path), b -> new LinkedHashSet<>());
  }

  private static void add(Set<String> keys, String keyOrNull) {
    if (keyOrNull != null) {
      keys.add(keyOrNull);
    }
  }

  static Map<String, Object> conditions(String operator, String key, Object value) {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put(key, value);
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put(operator, inner);
    return outer;
  }

  static Map<String, Object> deny(String sid, String action, List<String> resources, Map<String, Object> conditions) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Sid", sid);
    statement.put("Effect", "Deny");
    statement.put("Principal", "*");
    statement.put("Action", action);
    statement.put("Resource", resources);
    statement.put("Condition", conditions);
    return statement;
  }
}
