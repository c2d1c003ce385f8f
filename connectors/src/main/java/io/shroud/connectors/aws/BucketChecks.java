package io.shroud.connectors.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/** The S3 bucket posture checks. Each returns the problem found, or empty when the bucket passes. */
final class BucketChecks {
  private final S3Client s3;

  BucketChecks(S3Client s3) {
    this.s3 = s3;
  }

  /** Default encryption is SSE-KMS (or DSSE-KMS), with the policy's key when one is set. */
  Optional<String> encryption(String bucket, String policyKeyOrNull, Optional<KeyMetadata> policyKey) {
    List<ServerSideEncryptionRule> rules;
    try {
      rules = s3.getBucketEncryption(b -> b.bucket(bucket)).serverSideEncryptionConfiguration().rules();
    } catch (S3Exception e) {
      if (e.awsErrorDetails() != null
          && "ServerSideEncryptionConfigurationNotFoundError".equals(e.awsErrorDetails().errorCode())) {
        return Optional.of("has no default encryption");
      }
      throw e;
    }
    ServerSideEncryptionByDefault rule = rules.stream().map(ServerSideEncryptionRule::applyServerSideEncryptionByDefault)
        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    if (rule == null) {
      return Optional.of("has no default encryption");
    }
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

  /** All four Block Public Access settings are on. */
  Optional<String> publicAccessBlock(String bucket) {
    PublicAccessBlockConfiguration c;
    try {
      c = s3.getPublicAccessBlock(b -> b.bucket(bucket)).publicAccessBlockConfiguration();
    } catch (S3Exception e) {
      if (e.awsErrorDetails() != null && "NoSuchPublicAccessBlockConfiguration".equals(e.awsErrorDetails().errorCode())) {
        return Optional.of("has no Block Public Access configuration");
      }
      throw e;
    }
    List<String> off = new ArrayList<>();
    if (!Boolean.TRUE.equals(c.blockPublicAcls())) {
      off.add("BlockPublicAcls");
    }
    if (!Boolean.TRUE.equals(c.ignorePublicAcls())) {
      off.add("IgnorePublicAcls");
    }
    if (!Boolean.TRUE.equals(c.blockPublicPolicy())) {
      off.add("BlockPublicPolicy");
    }
    if (!Boolean.TRUE.equals(c.restrictPublicBuckets())) {
      off.add("RestrictPublicBuckets");
    }
    return off.isEmpty() ? Optional.empty()
        : Optional.of("Block Public Access is not fully on (off: " + String.join(", ", off) + ")");
  }

  /** Versioning is enabled (suspended or never enabled fails). */
  Optional<String> versioning(String bucket) {
    GetBucketVersioningResponse v = s3.getBucketVersioning(b -> b.bucket(bucket));
    if (v.status() == BucketVersioningStatus.ENABLED) {
      return Optional.empty();
    }
    return Optional.of(v.status() == null ? "versioning was never enabled" : "versioning is " + v.statusAsString());
  }
}
