package io.shroud.connectors.aws;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * How Shroud reaches S3 and encrypts what it writes there.
 *
 * @param endpointOrNull endpoint override, such as a VPC interface endpoint URL (null: the regional
 *     endpoint, which a gateway endpoint serves transparently)
 * @param encryption the server-side encryption every written object gets
 * @param kmsKeyIdOrNull the customer-managed KMS key for written objects (key id, alias or ARN)
 * @param allowInsecureEndpoint accept an {@code http://} endpoint (local test servers only)
 * @param pathStyleAccess address buckets as {@code endpoint/bucket} instead of {@code bucket.endpoint}
 */
public record S3Settings(
    String endpointOrNull,
    Encryption encryption,
    String kmsKeyIdOrNull,
    boolean allowInsecureEndpoint,
    boolean pathStyleAccess) implements Serializable {

  public S3Settings {
    Objects.requireNonNull(encryption, "encryption");
  }

  public Optional<String> endpoint() {
    return Optional.ofNullable(endpointOrNull);
  }

  public Optional<String> kmsKeyId() {
    return Optional.ofNullable(kmsKeyIdOrNull);
  }

  /** Server-side encryption with KMS keys; unencrypted or S3-managed-key writes are not offered. */
  public enum Encryption {
    SSE_KMS("SSE-KMS"),
    DSSE_KMS("DSSE-KMS");

    private final String awsName;

    Encryption(String awsName) {
      this.awsName = awsName;
    }

    /** The name S3A and the S3 API use ({@code SSE-KMS}, {@code DSSE-KMS}). */
    public String awsName() {
      return awsName;
    }

    /** The {@code x-amz-server-side-encryption} value HeadObject reports. */
    public String headerValue() {
      return this == SSE_KMS ? "aws:kms" : "aws:kms:dsse";
    }
  }
}
