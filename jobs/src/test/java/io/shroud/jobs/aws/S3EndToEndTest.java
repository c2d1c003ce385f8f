package io.shroud.jobs.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.shroud.jobs.SparkCounts.counting;
import static io.shroud.jobs.SparkTestSupport.run;
import static io.shroud.jobs.SparkTestSupport.spark;
import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.shroud.core.audit.AuditJson;
import io.shroud.core.audit.AuditRecord;
import io.shroud.core.audit.AwsAudit;
import io.shroud.core.audit.ObjectTagsAudit;
import io.shroud.core.audit.ObjectTagsAudit.AuditObjects;
import io.shroud.core.audit.ObjectTagsAudit.Classification;
import io.shroud.core.audit.ObjectTagsAudit.Placement;
import io.shroud.connectors.audit.OutputDigests;
import io.shroud.jobs.SparkCounts.Counted;
import io.shroud.jobs.SparkTestSupport.CliResult;
import io.shroud.jobs.SparkWrites;
import io.shroud.jobs.sanitize.SparkFileDigester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.catalina.webresources.TomcatURLStreamHandlerFactory;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * CSV in and Parquet out through the real S3A connector against S3Mock in-process, keys from a
 * Secrets Manager fake, and every written object checked with a real SDK v2 HeadObject.
 */
class S3EndToEndTest {
  static final String KEY_ID = "7b1e4f52-9a3c-4d8e-b0f1-2c3d4e5f6a7b";
  static final String KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/" + KEY_ID;
  static final String CSV = """
      id,name,email,plan
      1,Ada Lovelace,ada@example.com,pro
      2,Alan Turing,alan@example.org,basic
      3,Grace Hopper,grace@example.net,pro
      """;
  static final String CALLER_ARN = "arn:aws:sts::111122223333:assumed-role/shroud-job/i-0abc";
  static final AtomicInteger BUCKETS = new AtomicInteger();

  static {
    // Spark installs Hadoop's URL stream handler factory when its session starts; a JVM allows one, so
    // S3Mock's embedded Tomcat must not try to install its own (it fails with "factory already defined").
    TomcatURLStreamHandlerFactory.disable();
  }

  @RegisterExtension
  static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false)
      .withHttpPort(0).withHttpsPort(0).withValidKmsKeys(KEY_ARN).build();

  static WireMockServer secrets;
  static S3Client s3;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
    System.setProperty("aws.secretAccessKey", "test-secret-key-for-local-fakes-only");
    secrets = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    secrets.start();
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (i * 11 + 5);
    }
    secrets.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"ARN\":\"arn:aws:secretsmanager:us-east-1:111122223333:secret:shroud/pii-a1b2c3\","
                + "\"Name\":\"shroud/pii\",\"SecretString\":\"" + Base64.getEncoder().encodeToString(key)
                + "\",\"VersionId\":\"EXAMPLE1-90ab-cdef-fedc-ba987SECRET1\",\"VersionStages\":[\"AWSCURRENT\"]}")));
    stubKmsAndSts();
    s3 = S3_MOCK.createS3ClientV2();
    // Fail fast against unreachable endpoints (S3A's defaults retry for minutes); buckets keep their own settings.
    var conf = spark().sparkContext().hadoopConfiguration();
    conf.set("fs.s3a.retry.limit", "1");
    conf.set("fs.s3a.retry.interval", "10ms");
    conf.set("fs.s3a.attempts.maximum", "1");
    conf.set("fs.s3a.connection.establish.timeout", "2s");
  }

  /** KMS DescribeKey/GetKeyRotationStatus and STS GetCallerIdentity, shaped as AWS documents them. */
  static void stubKmsAndSts() {
    secrets.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("TrentService.DescribeKey"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"KeyMetadata\":{\"AWSAccountId\":\"111122223333\",\"Arn\":\"" + KEY_ARN + "\",\"Enabled\":true,"
                + "\"KeyId\":\"" + KEY_ID + "\",\"KeyManager\":\"CUSTOMER\",\"KeySpec\":\"SYMMETRIC_DEFAULT\","
                + "\"KeyState\":\"Enabled\",\"KeyUsage\":\"ENCRYPT_DECRYPT\",\"Origin\":\"AWS_KMS\"}}")));
    secrets.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("TrentService.GetKeyRotationStatus"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"KeyId\":\"" + KEY_ARN + "\",\"KeyRotationEnabled\":true,\"RotationPeriodInDays\":365}")));
    secrets.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetCallerIdentity"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(
            "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                + "<Arn>" + CALLER_ARN + "</Arn><UserId>AROA3XFRBF535EXAMPLE:i-0abc</UserId><Account>111122223333</Account>"
                + "</GetCallerIdentityResult><ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>"
                + "</ResponseMetadata></GetCallerIdentityResponse>")));
  }

  @AfterAll
  static void stop() {
    secrets.stop();
  }

  /** A fresh input bucket with the CSV (written with SSE-KMS) and an empty output bucket. */
  static String[] buckets() {
    int n = BUCKETS.incrementAndGet();
    String raw = "raw-" + n;
    String clean = "clean-" + n;
    s3.createBucket(b -> b.bucket(raw));
    s3.createBucket(b -> b.bucket(clean));
    s3.putObject(b -> b.bucket(raw).key("in/people.csv").serverSideEncryption(ServerSideEncryption.AWS_KMS)
        .ssekmsKeyId(KEY_ID).tagging("source=crm"), RequestBody.fromString(CSV));
    return new String[] {raw, clean};
  }

  // S3Mock has no bucket encryption or Block Public Access API (PreflightTest covers them against WireMock S3),
  // and its listings of versioned buckets show objects the committer deleted, so versioning only warns here.
  // Nor bucket policies, ownership controls or S3 Control: PreflightTest covers those checks against WireMock.
  static final String NEWER_CHECKS_OFF = "accountPublicAccessBlock: \"off\", secureTransport: \"off\", "
      + "objectOwnership: \"off\", bucketKey: \"off\"";
  static final String PREFLIGHT = "{ encryption: \"off\", publicAccessBlock: \"off\", versioning: warn, kmsKey: require, "
      + "callerIdentity: require, " + NEWER_CHECKS_OFF + " }";
  static final String REQUIRE_VERSIONING = "{ encryption: \"off\", publicAccessBlock: \"off\", versioning: require, "
      + NEWER_CHECKS_OFF + " }";

  Path policy(String raw, String clean, String endpoint, String kmsKeyId, String scheme) throws IOException {
    return policy(raw, clean, endpoint, kmsKeyId, scheme, PREFLIGHT);
  }

  Path policy(String raw, String clean, String endpoint, String kmsKeyId, String scheme, String preflight) throws IOException {
    Path file = tmp.resolve("policy-" + raw + ".yaml");
    Files.writeString(file, """
        version: 1
        input: { path: "%4$s://%1$s/in/people.csv", format: csv, tagSanitized: true }
        output: { path: "%4$s://%2$s/masked", format: parquet, tags: { data-product: people, owner: ml-platform } }
        columns:
          id: { action: keep, reason: "row id" }
          name: { action: redact, replacement: "<PERSON>" }
          email: { action: hash, key: pii, length: 16 }
          plan: { action: keep, reason: "product tier" }
        audit: { signingKey: pii }
        keys:
          pii: { secretsManager: { secret: shroud/pii, region: us-east-1, endpoint: "%5$s" } }
        aws:
          region: us-east-1
          s3:
            endpoint: "%3$s"
            allowInsecureEndpoint: true
            pathStyleAccess: true
            encryption: { algorithm: SSE-KMS, kmsKeyId: "%6$s" }
          endpoints: { kms: "%5$s", sts: "%5$s" }
          preflight: %7$s
        """.formatted(raw, clean, endpoint, scheme, "http://127.0.0.1:" + secrets.port(), kmsKeyId, preflight));
    return file;
  }

  static List<String> keys(String bucket, String prefix) {
    return s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents().stream().map(S3Object::key).toList();
  }

  @Test
  @SuppressWarnings("unchecked")
  void masksCsvFromS3IntoSseKmsParquetAndAudit() throws IOException {
    String[] b = buckets();
    CliResult result = run("sanitize", "--config", policy(b[0], b[1], S3_MOCK.getServiceEndpoint(), KEY_ID, "s3a").toString(), "-q");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    assertThat(result.out()).contains("Sanitized 3 rows from s3a://" + b[0] + "/in/people.csv to s3a://" + b[1] + "/masked");

    List<String> data = keys(b[1], "masked/").stream().filter(k -> k.endsWith(".parquet")).toList();
    List<String> audit = keys(b[1], "masked_audit/");
    assertThat(data).isNotEmpty();
    assertThat(audit).anyMatch(k -> k.matches("masked_audit/audit-.*\\.json")).anyMatch(k -> k.endsWith(".html"));
    for (String key : concat(data, audit)) {
      HeadObjectResponse head = s3.headObject(h -> h.bucket(b[1]).key(key));
      assertThat(head.serverSideEncryption()).as(key).isEqualTo(ServerSideEncryption.AWS_KMS);
      assertThat(head.ssekmsKeyId()).as(key).endsWith(KEY_ID);
    }
    assertThat(keys(b[1], "")).noneMatch(k -> k.contains("shroud-staging")).noneMatch(k -> k.contains("_temporary"));
    String auditKey = audit.stream().filter(k -> k.matches("masked_audit/audit-.*\\.json")).findFirst().orElseThrow();
    AuditRecord record = AuditJson.fromJson(s3.getObjectAsBytes(g -> g.bucket(b[1]).key(auditKey)).asUtf8String());

    // Every object the run wrote carries the run's tags: data, marker, audit record, report and manifest.
    Map<String, String> expected = Map.of("data-product", "people", "owner", "ml-platform", "Classification", "masked",
        "shroud:run-id", record.runId(), "shroud:policy-sha256", record.policy().sha256());
    List<String> written = keys(b[1], "");
    assertThat(written).contains("masked/_SUCCESS").anyMatch(k -> k.contains("manifest-"));
    for (String key : written) {
      assertThat(tags(b[1], key)).as(key).isEqualTo(expected);
    }
    assertThat(record.objectTags().tags()).isEqualTo(expected);
    assertThat(record.objectTags().classification()).isEqualTo(new Classification("derived", "masked"));
    assertThat(record.objectTags().output()).isEqualTo(Placement.tagged(keys(b[1], "masked/").size()));
    assertThat(record.objectTags().audit()).isEqualTo(AuditObjects.taggedOnceWritten(List.of("audit-" + record.runId()
        + ".json", "report-" + record.runId() + ".html", "manifest-" + record.runId() + ".json")));
    // The input keeps its own tag and records which run sanitized it.
    assertThat(tags(b[0], "in/people.csv")).isEqualTo(Map.of("source", "crm", "shroud:sanitized-by", record.runId()));
    assertThat(record.objectTags().input()).isEqualTo(new ObjectTagsAudit.Input(null, 1, null, null, "tagged",
        "shroud:sanitized-by=" + record.runId()));
    assertThat(record.aws().callerIdentity()).isEqualTo(
        Map.of("account", "111122223333", "arn", CALLER_ARN, "userId", "AROA3XFRBF535EXAMPLE:i-0abc"));
    assertThat(record.aws().preflight()).contains(
        new AwsAudit.Check("kmsKey", "customer-managed, enabled, rotation on", "passed", "KMS key " + KEY_ID),
        new AwsAudit.Check("versioning", "versioning was never enabled", "warned", "bucket '" + b[1] + "'"));

    // The signed manifest verifies against the signer's public key, and stops verifying once a data file changes.
    String manifest = "s3a://" + b[1] + "/" + audit.stream().filter(k -> k.contains("manifest-")).findFirst().orElseThrow();
    assertThat(result.out()).contains("Manifest: " + manifest);
    Path policyFile = tmp.resolve("policy-" + b[0] + ".yaml");
    CliResult publicKey = run("keys", "public-key", "--config", policyFile.toString());
    assertThat(publicKey.exitCode()).as(publicKey.err()).isEqualTo(0);
    Path keyFile = Files.writeString(tmp.resolve("audit.pub"), publicKey.out());
    CliResult verified = run("verify-audit", manifest, "--config", policyFile.toString(), "--public-key", keyFile.toString());
    assertThat(verified.exitCode()).as(verified.err()).isEqualTo(0);
    assertThat(verified.out()).isEqualTo("Verified " + manifest + ": Ed25519 signature (key pii v1), audit record, "
        + (data.size() + 1) + " output file(s)\n");
    s3.putObject(p -> p.bucket(b[1]).key(data.get(0)).serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(KEY_ID),
        RequestBody.fromString("not the masked data"));
    CliResult tampered = run("verify-audit", manifest, "--config", policyFile.toString(), "--public-key", keyFile.toString());
    assertThat(tampered.exitCode()).isEqualTo(1);
    assertThat(tampered.err()).startsWith("shroud: Cannot verify audit " + manifest + ": output file "
        + data.get(0).substring("masked/".length()) + " has size 19 and SHA-256 ");
  }

  /**
   * A run that died left masked part files in its staging directory: the next run to the output removes
   * them (its lease stopped beating long ago) and says so in the audit; a live run's staging is kept.
   */
  @Test
  void stagingLeftByDeadRunsIsRemovedAndAudited() throws IOException {
    String[] b = buckets();
    String dead = ".masked.shroud-staging-20200101T000000Z-0dead000";
    String live = ".masked.shroud-staging-29990101T000000Z-11fe0000";
    put(b[1], dead + "/part-00000-0.parquet", "masked rows of a crashed run");
    put(b[1], dead + ".lease", "{\"runId\":\"20200101T000000Z-0dead000\",\"updatedAt\":\"2020-01-01T00:05:00Z\"}");
    put(b[1], live + "/part-00000-1.parquet", "a concurrent run's rows");
    put(b[1], live + ".lease", "{\"runId\":\"29990101T000000Z-11fe0000\",\"updatedAt\":\"" + Instant.now() + "\"}");

    CliResult result = run("sanitize", "--config", policy(b[0], b[1], S3_MOCK.getServiceEndpoint(), KEY_ID, "s3a").toString(), "-q");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    assertThat(keys(b[1], ".masked.shroud-staging-")).containsExactlyInAnyOrder(live + "/part-00000-1.parquet", live + ".lease");
    String auditKey = keys(b[1], "masked_audit/").stream().filter(k -> k.matches("masked_audit/audit-.*\\.json"))
        .findFirst().orElseThrow();
    AuditRecord record = AuditJson.fromJson(s3.getObjectAsBytes(g -> g.bucket(b[1]).key(auditKey)).asUtf8String());
    assertThat(record.output()).containsEntry("staleStagingRemoved", dead);
  }

  private static void put(String bucket, String key, String content) {
    s3.putObject(p -> p.bucket(bucket).key(key).serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(KEY_ID),
        RequestBody.fromString(content));
  }

  @Test
  void maskedRowsReadBackThroughS3a() throws IOException {
    String[] b = buckets();
    CliResult result = run("sanitize", "--config", policy(b[0], b[1], S3_MOCK.getServiceEndpoint(), KEY_ID, "s3a").toString(), "-q");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    Map<String, Row> rows = spark().read().parquet("s3a://" + b[1] + "/masked").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("id").toString(), r -> r));
    assertThat(rows).hasSize(3);
    assertThat(rows.get("1").<String>getAs("name")).isEqualTo("<PERSON>");
    assertThat(rows.get("1").<String>getAs("email")).hasSize(16).isNotEqualTo("ada@example.com");
    assertThat(rows.get("1").<String>getAs("plan")).isEqualTo("pro");
  }

  /**
   * The executors read a large output back through S3A with the run's own S3A settings (endpoint,
   * path style, SSE-KMS) to digest it for the manifest, and get exactly the manifest's digests.
   */
  @Test
  @SuppressWarnings("unchecked")
  void executorsDigestTheOutputThroughS3aAsTheManifestDoes() throws Exception {
    String[] b = buckets();
    CliResult result = run("sanitize", "--config", policy(b[0], b[1], S3_MOCK.getServiceEndpoint(), KEY_ID, "s3a").toString(), "-q");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    String manifestKey = keys(b[1], "masked_audit/").stream().filter(k -> k.contains("manifest-")).findFirst().orElseThrow();
    Map<String, Object> manifest = new ObjectMapper().readValue(
        s3.getObjectAsBytes(g -> g.bucket(b[1]).key(manifestKey)).asByteArray(), Map.class);
    Map<String, Object> listed = (Map<String, Object>) ((Map<String, Object>) manifest.get("output")).get("files");

    Counted<Map<String, Map<String, Object>>> onExecutors = counting(spark(), () -> OutputDigests.list(
        spark().sparkContext().hadoopConfiguration(), "s3a://" + b[1] + "/masked", new SparkFileDigester(spark(), 0)));

    assertThat(onExecutors.tasks()).as("executor tasks that read the output").isPositive();
    assertThat(onExecutors.result()).hasSizeGreaterThan(1).hasSameSizeAs(listed);
    onExecutors.result().forEach((file, digest) -> assertThat((Map<String, Object>) listed.get(file)).as(file)
        .containsEntry("sha256", digest.get("sha256"))
        .hasEntrySatisfying("size", size -> assertThat(((Number) size).longValue()).isEqualTo(digest.get("size"))));
  }

  /** CSV to CSV with default options goes from lines to lines (Spark's text writer): the same SSE-KMS, names and rows. */
  @Test
  void csvLinesReachS3AsSseKmsCsv() throws Exception {
    String[] b = buckets();
    Path policy = policy(b[0], b[1], S3_MOCK.getServiceEndpoint(), KEY_ID, "s3a");
    Files.writeString(policy, Files.readString(policy).replace("format: parquet", "format: csv"));
    SparkWrites.Written<CliResult> run = SparkWrites.formats(spark(), () -> run("sanitize", "--config", policy.toString(), "-q"));
    assertThat(run.result().exitCode()).as(run.result().err()).isEqualTo(0);
    assertThat(run.formats()).containsExactly("CsvLines");
    List<String> parts = keys(b[1], "masked/").stream().filter(k -> k.startsWith("masked/part-")).toList();
    assertThat(parts).isNotEmpty().allMatch(k -> k.endsWith("-c000.csv"));
    for (String key : parts) {
      HeadObjectResponse head = s3.headObject(h -> h.bucket(b[1]).key(key));
      assertThat(head.serverSideEncryption()).as(key).isEqualTo(ServerSideEncryption.AWS_KMS);
      assertThat(head.ssekmsKeyId()).as(key).endsWith(KEY_ID);
    }
    List<String> rows = spark().read().option("header", "true").csv("s3a://" + b[1] + "/masked").collectAsList().stream()
        .map(r -> r.getAs("id") + ":" + r.getAs("name") + ":" + r.getAs("plan")).sorted().toList();
    assertThat(rows).containsExactly("1:<PERSON>:pro", "2:<PERSON>:basic", "3:<PERSON>:pro");
  }

  @Test
  void s3SchemeRunsThroughS3aOffEmr() throws IOException {
    String[] b = buckets();
    CliResult result = run("sanitize", "--config", policy(b[0], b[1], S3_MOCK.getServiceEndpoint(), KEY_ID, "s3").toString(), "-q");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    String part = keys(b[1], "masked/").stream().filter(k -> k.endsWith(".parquet")).findFirst().orElseThrow();
    assertThat(s3.headObject(h -> h.bucket(b[1]).key(part)).ssekmsKeyId()).endsWith(KEY_ID);
  }

  @Test
  void wrongKmsKeyIsAClearErrorNamingTheBucket() throws IOException {
    String[] b = buckets();
    CliResult result = run("sanitize", "--config",
        policy(b[0], b[1], S3_MOCK.getServiceEndpoint(), "0000aaaa-1111-2222-3333-444455556666", "s3a").toString(), "-q");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
    assertThat(result.err()).startsWith("shroud: Cannot complete the run: S3 bucket '" + b[1] + "' refused or did not answer a request: ")
        .contains("KMS").doesNotContain("ada@example.com").doesNotContain("Lovelace");
    assertThat(keys(b[1], "masked/")).isEmpty();
  }

  @Test
  void preflightRefusalStopsTheRunBeforeAnythingIsWritten() throws IOException {
    String[] b = buckets();
    CliResult result = run("sanitize", "--config",
        policy(b[0], b[1], S3_MOCK.getServiceEndpoint(), KEY_ID, "s3a", REQUIRE_VERSIONING).toString(), "-q");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("shroud: Cannot write to S3: preflight refused: bucket '" + b[1]
        + "': versioning was never enabled (aws.preflight.versioning); nothing was read or written\n");
    assertThat(keys(b[1], "")).isEmpty();
  }

  @Test
  void unreachableEndpointIsAClearError() throws IOException {
    String[] b = buckets();
    CliResult result = run("sanitize", "--config",
        policy(b[0], b[1], "http://127.0.0.1:1", KEY_ID, "s3a", REQUIRE_VERSIONING).toString(), "-q");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
    assertThat(result.err()).startsWith("shroud: Cannot run preflight checks on bucket '" + b[1] + "': service unreachable: ");

    String[] c = buckets();
    String noPreflight = "{ encryption: \"off\", publicAccessBlock: \"off\", versioning: \"off\", kmsKey: \"off\", "
        + "callerIdentity: \"off\" }";
    result = run("sanitize", "--config", policy(c[0], c[1], "http://127.0.0.1:1", KEY_ID, "s3a", noPreflight).toString(), "-q");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
    assertThat(result.err()).startsWith("shroud: Cannot read input s3a://" + c[0] + "/in/people.csv: ");
  }

  static Map<String, String> tags(String bucket, String key) {
    return s3.getObjectTagging(t -> t.bucket(bucket).key(key)).tagSet().stream()
        .collect(Collectors.toMap(Tag::key,
            Tag::value));
  }

  static List<String> concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
