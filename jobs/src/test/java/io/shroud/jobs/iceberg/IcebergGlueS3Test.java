package io.shroud.jobs.iceberg;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.shroud.jobs.SparkTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.shroud.core.audit.AuditJson;
import io.shroud.core.audit.AuditRecord;
import io.shroud.jobs.SparkTestSupport.CliResult;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.webresources.TomcatURLStreamHandlerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Glue tables on S3, end to end: Iceberg's GlueCatalog (AWS SDK v2 Glue client) against a fake speaking Glue's
 * JSON protocol, and Iceberg's S3FileIO against the in-process S3Mock, with SSE-KMS checked on every object.
 */
class IcebergGlueS3Test {
  static final String KEY_ID = "3c2d1e0f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
  static final String KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/" + KEY_ID;
  static final AtomicInteger BUCKETS = new AtomicInteger();

  static {
    // Spark installs Hadoop's URL stream handler factory; S3Mock's Tomcat must not try to install its own.
    TomcatURLStreamHandlerFactory.disable();
  }

  @RegisterExtension
  static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false)
      .withHttpPort(0).withHttpsPort(0).withValidKmsKeys(KEY_ARN).build();

  static final FakeGlue GLUE = new FakeGlue();
  static WireMockServer glue;
  static S3Client s3;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
    System.setProperty("aws.secretAccessKey", "test-secret-key-for-local-fakes-only");
    glue = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(GLUE));
    glue.start();
    glue.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withTransformers(FakeGlue.NAME)));
    GLUE.database("lake");
    s3 = S3_MOCK.createS3ClientV2();
  }

  @AfterAll
  static void stop() {
    glue.stop();
  }

  /**
   * S3Mock has none of the bucket APIs the preflight checks read (encryption, Block Public Access, bucket
   * policy, ownership, S3 Control): they are off here, and PreflightTest covers them against WireMock.
   */
  Path policy(String bucket, String input, String output, String mode, String kmsKey) throws IOException {
    Path file = tmp.resolve("policy-" + bucket + "-" + output + ".yaml");
    String catalog = "{ type: glue, warehouse: \"s3://%s/wh\", endpoint: \"http://127.0.0.1:%d\", catalogId: \"111122223333\" }"
        .formatted(bucket, glue.port());
    Files.writeString(file, """
        version: 1
        input: %1$s
        output: { table: %2$s, catalog: %3$s, mode: %4$s }
        audit: { path: "%5$s" }
        columns:
          id: { action: keep, reason: "row id" }
          name: { action: redact, replacement: "<PERSON>" }
          email: { action: redact }
          plan: { action: keep, reason: "product tier" }
        detection: { ner: { enabled: false } }
        aws:
          region: us-east-1
          s3:
            endpoint: "%6$s"
            allowInsecureEndpoint: true
            pathStyleAccess: true
            encryption: { algorithm: SSE-KMS, kmsKeyId: "%7$s" }
          preflight: { encryption: "off", publicAccessBlock: "off", versioning: "off", kmsKey: "off", callerIdentity: "off",
            accountPublicAccessBlock: "off", secureTransport: "off", objectOwnership: "off", bucketKey: "off" }
        """.formatted(input.startsWith("lake.") ? "{ table: " + input + ", catalog: " + catalog + " }"
            : "{ path: \"" + input + "\", format: csv }", output, catalog, mode, tmp.resolve("audit"),
        S3_MOCK.getServiceEndpoint(), kmsKey));
    return file;
  }

  static List<String> keys(String bucket, String prefix) {
    return s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents().stream().map(S3Object::key).toList();
  }

  @Test
  @SuppressWarnings("unchecked")
  void writesAGlueTableOnS3WithSseKmsOnEveryFileThenReadsItBack() throws IOException {
    String bucket = "lake-" + BUCKETS.incrementAndGet();
    s3.createBucket(b -> b.bucket(bucket));
    Path csv = Files.writeString(tmp.resolve("people.csv"), """
        id,name,email,plan
        1,Ada Lovelace,ada@example.com,pro
        2,Alan Turing,alan@example.org,basic
        """);
    CliResult result = run("sanitize", "--config", policy(bucket, csv.toString(), "lake.people_masked", "create", KEY_ID)
        .toString(), "-q");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    assertThat(result.out()).contains("Sanitized 2 rows from " + csv + " to table lake.people_masked");

    // Glue holds the table, pointing at Iceberg metadata under the warehouse.
    Map<String, Object> table = GLUE.tables.get("lake.people_masked");
    Map<String, String> parameters = (Map<String, String>) table.get("Parameters");
    assertThat(parameters).containsEntry("table_type", "ICEBERG");
    assertThat(parameters.get("metadata_location")).startsWith("s3://" + bucket + "/wh/lake/people_masked/metadata/");
    assertThat(GLUE.calls).contains("GetDatabase", "CreateTable", "UpdateTable").doesNotContain("DeleteTable");

    // Every data, manifest and metadata file carries SSE-KMS with the policy's key.
    List<String> objects = keys(bucket, "wh/lake/people_masked/");
    assertThat(objects).anyMatch(k -> k.endsWith(".parquet")).anyMatch(k -> k.endsWith(".metadata.json"))
        .anyMatch(k -> k.contains("/metadata/snap-")).anyMatch(k -> k.endsWith(".avro"));
    for (String key : objects) {
      HeadObjectResponse head = s3.headObject(h -> h.bucket(bucket).key(key));
      assertThat(head.serverSideEncryption()).as(key).isEqualTo(ServerSideEncryption.AWS_KMS);
      assertThat(head.ssekmsKeyId()).as(key).endsWith(KEY_ID);
    }
    AuditRecord first = audit(result.out());
    assertThat(first.output()).containsEntry("table", "lake.people_masked").containsEntry("catalog", "glue")
        .containsEntry("location", "s3://" + bucket + "/wh/lake/people_masked");

    // The Glue table as input: pinned to its current snapshot, copied (masked again) into a second table.
    CliResult copy = run("sanitize", "--config", policy(bucket, "lake.people_masked", "lake.people_copy", "create", KEY_ID)
        .toString(), "-q");
    assertThat(copy.exitCode()).as(copy.err()).isEqualTo(0);
    AuditRecord second = audit(copy.out());
    assertThat(second.input()).containsEntry("table", "lake.people_masked")
        .containsEntry("snapshotId", first.output().get("snapshotId"));
    assertThat(copy.out()).contains("Sanitized 2 rows from table lake.people_masked to table lake.people_copy");
  }

  @Test
  void aKeyS3RefusesLeavesNoTableInGlue() throws IOException {
    String bucket = "lake-" + BUCKETS.incrementAndGet();
    s3.createBucket(b -> b.bucket(bucket));
    Path csv = Files.writeString(tmp.resolve("p.csv"), "id,name,email,plan\n1,Ada Lovelace,ada@example.com,pro\n");
    CliResult result = run("sanitize", "--config", policy(bucket, csv.toString(), "lake.refused", "create",
        "0000aaaa-1111-2222-3333-444455556666").toString(), "-q");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).doesNotContain("ada@example.com").doesNotContain("Lovelace");
    assertThat(GLUE.tables).doesNotContainKey("lake.refused");
    assertThat(keys(bucket, "wh/lake/refused/")).isEmpty();
  }

  @Test
  void aMissingGlueDatabaseIsAClearError() throws IOException {
    String bucket = "lake-" + BUCKETS.incrementAndGet();
    s3.createBucket(b -> b.bucket(bucket));
    Path csv = Files.writeString(tmp.resolve("q.csv"), "id,name,email,plan\n1,Ada Lovelace,ada@example.com,pro\n");
    Path policy = Files.writeString(tmp.resolve("nodb.yaml"), Files.readString(
        policy(bucket, csv.toString(), "lake.x", "create", KEY_ID)).replace("table: lake.x", "table: nodb.x"));
    CliResult result = run("sanitize", "--config", policy.toString(), "-q");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("shroud: Cannot create table nodb.x: database 'nodb' does not exist in the Glue "
        + "Data Catalog; create it first (aws glue create-database)");
  }

  static AuditRecord audit(String out) throws IOException {
    Matcher m = Pattern.compile("Audit: (\\S+)").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return AuditJson.fromJson(Files.readString(Path.of(URI.create(m.group(1)))));
  }
}
