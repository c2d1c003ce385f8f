package io.shroud.connectors.aws;

import io.shroud.connectors.iam.BucketPolicyReview;
import io.shroud.connectors.iam.PolicyDocuments;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.OwnershipControlsRule;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/** The S3 bucket posture checks. Each returns the problem found, or empty when the bucket passes. */
final class BucketChecks {
  private final S3Client s3;
  /** GetBucketEncryption answers, shared by the encryption and bucket key checks. */
  private final Map<String, Optional<ServerSideEncryptionRule>> encryption = new HashMap<>();

  BucketChecks(S3Client s3) {
    this.s3 = s3;
  }

  /** Default encryption is SSE-KMS (or DSSE-KMS), with the policy's key when one is set. */
  Optional<String> encryption(String bucket, String policyKeyOrNull, Optional<KeyMetadata> policyKey) {
    Optional<ServerSideEncryptionRule> found = defaultEncryption(bucket);
    if (found.isEmpty()) {
      return Optional.of("has no default encryption");
    }
    var rule = found.get().applyServerSideEncryptionByDefault();
    String algorithm = rule.sseAlgorithmAsString();
    if (!"aws:kms".equals(algorithm) && !"aws:kms:dsse".equals(algorithm)) {
      return Optional.of("default encryption is " + algorithm + ("AES256".equals(algorithm) ? " (SSE-S3)" : "")
          + ", not SSE-KMS");
    }
    String bucketKey = rule.kmsMasterKeyID();
    if (policyKeyOrNull != null) {
      if (bucketKey == null || bucketKey.isBlank()) {
        return Optional.of("default encryption uses the AWS managed key aws/s3, not the policy's key " + policyKeyOrNull);
      }
      if (!KeyIds.same(bucketKey, policyKeyOrNull, policyKey)) {
        return Optional.of("default encryption uses KMS key " + bucketKey + ", not the policy's key " + policyKeyOrNull);
      }
    }
    return Optional.empty();
  }

  /** S3 Bucket Keys are on for the bucket's default SSE-KMS encryption (fewer KMS calls per object). */
  Optional<String> bucketKey(String bucket) {
    Optional<ServerSideEncryptionRule> rule = defaultEncryption(bucket);
    if (rule.isEmpty() || !"aws:kms".equals(rule.get().applyServerSideEncryptionByDefault().sseAlgorithmAsString())) {
      return Optional.of("has no default SSE-KMS encryption, so no S3 Bucket Key");
    }
    return Boolean.TRUE.equals(rule.get().bucketKeyEnabled()) ? Optional.empty()
        : Optional.of("S3 Bucket Key is off: every object costs its own KMS request");
  }

  /** The rule with a default-encryption setting, or empty when the bucket has none. */
  private Optional<ServerSideEncryptionRule> defaultEncryption(String bucket) {
    Optional<ServerSideEncryptionRule> cached = encryption.get(bucket);
    if (cached != null) {
      return cached;
    }
    List<ServerSideEncryptionRule> rules;
    try {
      rules = s3.getBucketEncryption(b -> b.bucket(bucket)).serverSideEncryptionConfiguration().rules();
    } catch (S3Exception e) {
      if (!code(e).equals("ServerSideEncryptionConfigurationNotFoundError")) {
        throw e;
      }
      rules = List.of();
    }
    Optional<ServerSideEncryptionRule> rule = rules.stream()
        .filter(r -> r.applyServerSideEncryptionByDefault() != null).findFirst();
    encryption.put(bucket, rule);
    return rule;
  }

  /** All four Block Public Access settings are on. */
  Optional<String> publicAccessBlock(String bucket) {
    PublicAccessBlockConfiguration c;
    try {
      c = s3.getPublicAccessBlock(b -> b.bucket(bucket)).publicAccessBlockConfiguration();
    } catch (S3Exception e) {
      if (code(e).equals("NoSuchPublicAccessBlockConfiguration")) {
        return Optional.of("has no Block Public Access configuration");
      }
      throw e;
    }
    return PublicAccessSettings.problem(c.blockPublicAcls(), c.ignorePublicAcls(), c.blockPublicPolicy(),
        c.restrictPublicBuckets());
  }

  /** The bucket policy denies every request made without TLS, on the bucket and every object. */
  Optional<String> secureTransport(String bucket) {
    String policy;
    try {
      policy = s3.getBucketPolicy(b -> b.bucket(bucket)).policy();
    } catch (S3Exception e) {
      if (code(e).equals("NoSuchBucketPolicy")) {
        return Optional.of("has no bucket policy, so nothing denies requests without TLS");
      }
      throw e;
    }
    return BucketPolicyReview.secureTransportProblem(PolicyDocuments.statements(policy, "bucket policy of " + bucket),
        bucket);
  }

  /** Object Ownership is BucketOwnerEnforced: ACLs are disabled and the bucket owner owns every object. */
  Optional<String> objectOwnership(String bucket) {
    List<OwnershipControlsRule> rules;
    try {
      rules = s3.getBucketOwnershipControls(b -> b.bucket(bucket)).ownershipControls().rules();
    } catch (S3Exception e) {
      if (code(e).equals("OwnershipControlsNotFoundError")) {
        return Optional.of("has no Object Ownership setting, so ACLs are enabled");
      }
      throw e;
    }
    Optional<String> ownership = rules.stream().map(OwnershipControlsRule::objectOwnershipAsString)
        .filter(Objects::nonNull).findFirst();
    if (ownership.isPresent() && ownership.get().equals(ObjectOwnership.BUCKET_OWNER_ENFORCED.toString())) {
      return Optional.empty();
    }
    return Optional.of("Object Ownership is " + ownership.orElse("unset") + ", not BucketOwnerEnforced (ACLs are enabled)");
  }

  /** Versioning is enabled (suspended or never enabled fails). */
  Optional<String> versioning(String bucket) {
    GetBucketVersioningResponse v = s3.getBucketVersioning(b -> b.bucket(bucket));
    if (v.status() == BucketVersioningStatus.ENABLED) {
      return Optional.empty();
    }
    return Optional.of(v.status() == null ? "versioning was never enabled" : "versioning is " + v.statusAsString());
  }

  private static String code(S3Exception e) {
    return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "" : e.awsErrorDetails().errorCode();
  }
}
