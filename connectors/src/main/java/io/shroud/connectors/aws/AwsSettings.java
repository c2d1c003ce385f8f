package io.shroud.connectors.aws;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * The policy's {@code aws:} section: where S3 and the AWS services are and how objects are encrypted.
 * Read by {@link AwsParser}, a policy extension; connectors turn it into S3A settings and preflight
 * checks. Credentials are never part of it: they come from the default provider chain.
 *
 * @param regionOrNull the AWS region (null: the default region chain)
 * @param s3 S3 endpoint and encryption
 * @param kmsEndpointOrNull KMS endpoint override, such as a VPC interface endpoint (null: AWS default)
 * @param stsEndpointOrNull STS endpoint override (null: AWS default)
 * @param s3ControlEndpointOrNull S3 Control endpoint override (null: AWS default,
 *     {@code https://ACCOUNT.s3-control.REGION.amazonaws.com})
 * @param preflight bucket and key posture checks run before any row is written
 */
public record AwsSettings(
    String regionOrNull,
    S3Settings s3,
    String kmsEndpointOrNull,
    String stsEndpointOrNull,
    String s3ControlEndpointOrNull,
    PreflightSettings preflight) implements Serializable {

  public AwsSettings {
    Objects.requireNonNull(s3, "s3");
    Objects.requireNonNull(preflight, "preflight");
  }

  public Optional<String> region() {
    return Optional.ofNullable(regionOrNull);
  }

  public Optional<String> kmsEndpoint() {
    return Optional.ofNullable(kmsEndpointOrNull);
  }

  public Optional<String> stsEndpoint() {
    return Optional.ofNullable(stsEndpointOrNull);
  }

  public Optional<String> s3ControlEndpoint() {
    return Optional.ofNullable(s3ControlEndpointOrNull);
  }
}
