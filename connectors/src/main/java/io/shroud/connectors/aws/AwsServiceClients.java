package io.shroud.connectors.aws;

import java.net.URI;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * SDK v2 clients for the driver-side checks, built from the policy's region and endpoints. Credentials
 * come from the default provider chain only. The S3 Control client is built on first use. Callers close them.
 */
public final class AwsServiceClients implements AutoCloseable {
  private final AwsSettings aws;
  private final Supplier<SdkHttpClient> http;
  private final S3Client s3;
  private final KmsClient kms;
  private final StsClient sts;
  private S3ControlClient s3Control;

  public AwsServiceClients(AwsSettings aws) {
    this(aws, UrlConnectionHttpClient::create);
  }

  /** With another HTTP client per service client (tests route S3 Control's account host names to a fake). */
  AwsServiceClients(AwsSettings aws, Supplier<SdkHttpClient> http) {
    this.aws = aws;
    this.http = http;
    Region region = aws.region().map(Region::of).orElse(null);
    var s3Builder = S3Client.builder().httpClient(http.get())
        .credentialsProvider(DefaultCredentialsProvider.builder().build())
        .forcePathStyle(aws.s3().pathStyleAccess());
    var kmsBuilder = KmsClient.builder().httpClient(http.get())
        .credentialsProvider(DefaultCredentialsProvider.builder().build());
    var stsBuilder = StsClient.builder().httpClient(http.get())
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

  /** S3 Control, for account-wide settings; its endpoint is {@code aws.endpoints.s3control} or AWS's. */
  public synchronized S3ControlClient s3Control() {
    if (s3Control == null) {
      var builder = S3ControlClient.builder().httpClient(http.get())
          .credentialsProvider(DefaultCredentialsProvider.builder().build());
      aws.region().map(Region::of).ifPresent(builder::region);
      aws.s3ControlEndpoint().ifPresent(e -> builder.endpointOverride(URI.create(e)));
      s3Control = builder.build();
    }
    return s3Control;
  }

  @Override
  public synchronized void close() {
    s3.close();
    kms.close();
    sts.close();
    if (s3Control != null) {
      s3Control.close();
    }
  }
}
