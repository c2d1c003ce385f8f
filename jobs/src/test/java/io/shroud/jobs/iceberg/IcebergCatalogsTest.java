package io.shroud.jobs.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.connectors.aws.AwsSettings;
import io.shroud.connectors.aws.PreflightSettings;
import io.shroud.connectors.aws.S3Settings;
import io.shroud.core.policy.CatalogSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** The Spark catalog properties each catalog type turns into. */
class IcebergCatalogsTest {
  static final Configuration HADOOP = new Configuration(false);

  static AwsSettings aws(S3Settings.Encryption encryption, String endpoint) {
    return new AwsSettings("eu-west-1", new S3Settings(endpoint, encryption, "1234abcd-12ab-34cd-56ef-1234567890ab",
        endpoint != null && endpoint.startsWith("http:"), endpoint != null), null, null, null, PreflightSettings.DEFAULTS);
  }

  @Test
  void glueWritesThroughS3FileIoWithSseKmsAndThePolicysEndpoints() {
    CatalogSpec glue = new CatalogSpec(CatalogSpec.Type.GLUE, "s3://lake/wh", null, "https://glue.vpce.example", "111122223333");
    Map<String, String> p = IcebergCatalogs.properties(glue, Optional.of(aws(S3Settings.Encryption.SSE_KMS,
        "https://bucket.vpce-0a1b.s3.eu-west-1.vpce.amazonaws.com")), HADOOP);
    assertThat(p).containsEntry("", "org.apache.iceberg.spark.SparkCatalog")
        .containsEntry("catalog-impl", "org.apache.iceberg.aws.glue.GlueCatalog")
        .containsEntry("io-impl", "org.apache.iceberg.aws.s3.S3FileIO")
        .containsEntry("warehouse", "s3://lake/wh").containsEntry("glue.endpoint", "https://glue.vpce.example")
        .containsEntry("glue.id", "111122223333").containsEntry("client.region", "eu-west-1")
        .containsEntry("s3.endpoint", "https://bucket.vpce-0a1b.s3.eu-west-1.vpce.amazonaws.com")
        .containsEntry("s3.path-style-access", "true")
        .containsEntry("s3.sse.type", "kms").containsEntry("s3.sse.key", "1234abcd-12ab-34cd-56ef-1234567890ab")
        .containsEntry("cache-enabled", "false");
    // No credential of any kind: the SDK's default chain supplies them.
    assertThat(p.keySet()).noneMatch(k -> k.contains("access-key") || k.contains("secret") || k.contains("session-token"));
    assertThat(IcebergCatalogs.properties(glue, Optional.of(aws(S3Settings.Encryption.DSSE_KMS, null)), HADOOP))
        .containsEntry("s3.sse.type", "dsse-kms").doesNotContainKey("s3.endpoint").doesNotContainKey("s3.path-style-access");
  }

  @Test
  void hadoopWarehouseBecomesAnAbsoluteUri() {
    Map<String, String> p = IcebergCatalogs.properties(new CatalogSpec(CatalogSpec.Type.HADOOP, "out/warehouse/", null,
        null, null), Optional.empty(), HADOOP);
    assertThat(p).containsEntry("type", "hadoop")
        .containsEntry("warehouse", Path.of("out/warehouse").toAbsolutePath().toUri().toString().replaceFirst("/$", "")
            .replace("file:///", "file:/"))
        .doesNotContainKey("io-impl");
  }

  @Test
  void restTakesItsUriAndSseOnlyWhenTheKeyIsKnown() {
    CatalogSpec rest = new CatalogSpec(CatalogSpec.Type.REST, "analytics", "https://catalog.example.com/api", null, null);
    assertThat(IcebergCatalogs.properties(rest, Optional.empty(), HADOOP)).containsEntry("type", "rest")
        .containsEntry("uri", "https://catalog.example.com/api").containsEntry("warehouse", "analytics")
        .doesNotContainKey("io-impl");
    assertThat(IcebergCatalogs.properties(rest, Optional.of(aws(S3Settings.Encryption.SSE_KMS, null)), HADOOP))
        .containsEntry("io-impl", "org.apache.iceberg.aws.s3.S3FileIO").containsEntry("s3.sse.type", "kms");
  }
}
