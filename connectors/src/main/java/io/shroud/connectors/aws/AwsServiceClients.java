package io.shroud.connectors.aws;

import io.shroud.core.policy.AwsSettings;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * SDK v2 clients for the driver-side checks, built from the policy's region and endpoints. Credentials
 * come from the default provider chain only. Callers close them.
 */
public final class AwsServiceClients implements AutoCloseable {
  private final S3Client s3;
  private final KmsClient kms;
  private final StsClient sts;

  public AwsServiceClients(AwsSettings aws) {
    Region region = aws.region().map(Region::of).orElse(null);
    var s3Builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(DefaultCredentialsProvider.builder().build())
        .forcePathStyle(aws.s3().pathStyleAccess());
    var kmsBuilder = KmsClient.builder().httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(DefaultCredentialsProvider.builder().build());
    var stsBuilder = StsClient.builder().httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(DefaultCredentialsProvider.builder().build());
    if (region != null) {
      s3Builder.region(region);
      kmsBuilder.region(region);
      stsBuilder.region(region);
    }
    aws.s3().endpoint().ifPresent(e -> s3Builder.endpointOverride(URI.create(e)));
    aws.kmsEndpoint().ifPresent(e -> kmsBuilder.endpointOverride(URI.create(e)));
    aws.stsEndpoint().ifPresent(e -> stsBuilder.endpointOverride(URI.create(e)));
    this.s3 = s3Builder.build();
    this.kms = kmsBuilder.build();
    this.sts = stsBuilder.build();
  }

  public S3Client s3() {
    return s3;
  }

  public KmsClient kms() {
    return kms;
  }

  public StsClient sts() {
    return sts;
  }

  @Override
  public void close() {
    s3.close();
    kms.close();
    sts.close();
  }
}
