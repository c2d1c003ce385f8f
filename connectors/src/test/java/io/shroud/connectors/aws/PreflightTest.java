package io.shroud.connectors.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.shroud.connectors.LocalFakes;
import io.shroud.connectors.aws.PreflightSettings.CheckMode;
import io.shroud.connectors.storage.StorageException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Preflight through the real SDK v2 S3, KMS and STS clients against a WireMock fake speaking each
 * service's protocol (S3 has no bucket-posture support in S3Mock, so its XML answers come from here).
 */
class PreflightTest {
  static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
  static final String KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/" + KEY_ID;
  static final List<String> WRITES = List.of("s3a://clean/masked", "s3a://clean/masked_audit");

  static WireMockServer server;
  static AwsFake fake;

  @BeforeAll
  static void start() {
    server = LocalFakes.start();
    fake = new AwsFake(server);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.resetAll();
  }

  AwsSettings settings(PreflightSettings preflight) {
    return settings(preflight, "http://127.0.0.1:" + server.port());
  }

  AwsSettings settings(PreflightSettings preflight, String endpoint) {
    return settings(preflight, endpoint, S3Settings.Encryption.SSE_KMS);
  }

  AwsSettings settings(PreflightSettings preflight, String endpoint, S3Settings.Encryption algorithm) {
    return new AwsSettings("us-east-1", new S3Settings(endpoint, algorithm, KEY_ID, true, true),
        endpoint, endpoint, endpoint.replace("127.0.0.1", AwsFake.S3_CONTROL_HOST), preflight);
  }

  static PreflightSettings modes(CheckMode encryption, CheckMode pab, CheckMode versioning, CheckMode key, CheckMode caller) {
    return new PreflightSettings(false, encryption, pab, versioning, key, caller, CheckMode.OFF, CheckMode.OFF,
        CheckMode.OFF, CheckMode.OFF);
  }

  /** Only the four newer checks, each in the given mode, and the caller identity they may need. */
  static PreflightSettings newer(CheckMode account, CheckMode tls, CheckMode ownership, CheckMode bucketKey) {
    return new PreflightSettings(false, CheckMode.OFF, CheckMode.OFF, CheckMode.OFF, CheckMode.OFF, CheckMode.OFF,
        account, tls, ownership, bucketKey);
  }

  /**
   * Every client sends through the fake as an HTTP proxy: S3 Control's host name carries the account id
   * ({@code 111122223333.s3-control.test}), which no resolver knows, and a proxy needs no resolving.
   */
  static AwsServiceClients clients(AwsSettings aws) {
    return new AwsServiceClients(aws, () -> UrlConnectionHttpClient.builder().proxyConfiguration(ProxyConfiguration
        .builder().endpoint(URI.create("http://127.0.0.1:" + server.port())).useSystemPropertyValues(false)
        .useEnvironmentVariablesValues(false).build()).build());
  }

  PreflightReport run(AwsSettings aws, List<String> writes) {
    try (AwsServiceClients clients = clients(aws)) {
      return new Preflight(aws, clients).run(writes);
    }
  }

  PreflightReport run(PreflightSettings preflight, List<String> writes) {
    return run(settings(preflight), writes);
  }

  PreflightReport run(PreflightSettings preflight) {
    return run(preflight, WRITES);
  }

  @Test
  void compliantBucketAndKeyPassAndTheCallerIsRecorded() {
    fake.goodPosture("clean", KEY_ID, KEY_ARN);
    PreflightReport report = run(PreflightSettings.DEFAULTS);
    assertThat(report.results()).extracting(CheckResult::check).containsExactly("kmsKey", "encryption", "bucketKey",
        "publicAccessBlock", "secureTransport", "objectOwnership", "versioning", "accountPublicAccessBlock", "callerIdentity");
    assertThat(report.results()).extracting(CheckResult::subject).containsExactly("KMS key " + KEY_ID, "bucket 'clean'",
        "bucket 'clean'", "bucket 'clean'", "bucket 'clean'", "bucket 'clean'", "bucket 'clean'", "account 111122223333",
        "caller");
    assertThat(report.results()).allMatch(r -> r.outcome() == CheckResult.Outcome.PASSED);
    assertThat(report.callerIdentityOrNull()).isEqualTo(Map.of("account", "111122223333",
        "arn", "arn:aws:sts::111122223333:assumed-role/shroud-job/i-0abc", "userId", "AROA3XFRBF535EXAMPLE:i-0abc"));
    assertThat(report.toAudit().toString()).contains("assumed-role/shroud-job");
  }

  @Test
  void checksEveryWrittenBucketOnce() {
    fake.goodPosture("clean", KEY_ID, KEY_ARN);
    fake.goodPosture("audit-logs", KEY_ID, KEY_ARN);
    PreflightReport report = run(PreflightSettings.DEFAULTS, List.of("s3a://clean/a", "s3a://clean/a_audit", "s3://audit-logs/x"));
    assertThat(report.results()).filteredOn(r -> r.check().equals("encryption")).extracting(CheckResult::subject)
        .containsExactly("bucket 'clean'", "bucket 'audit-logs'");
  }

  @Test
  void refusesABucketWithoutKmsDefaultEncryption() {
    fake.goodPosture("clean", KEY_ID, KEY_ARN);
    fake.encryption("clean", "AES256", null);
    assertThatThrownBy(() -> run(PreflightSettings.DEFAULTS)).isInstanceOf(PreflightRefusedException.class)
        .hasMessage("Cannot write to S3: preflight refused: bucket 'clean': default encryption is AES256 (SSE-S3), "
            + "not SSE-KMS (aws.preflight.encryption); nothing was read or written");
    fake.s3Error("clean", "encryption", 404, "ServerSideEncryptionConfigurationNotFoundError",
        "The server side encryption configuration was not found");
    assertThatThrownBy(() -> run(PreflightSettings.DEFAULTS))
        .hasMessageContaining("bucket 'clean': has no default encryption (aws.preflight.encryption)");
  }

  @Test
  void refusesABucketEncryptedWithAnotherKey() {
    fake.goodPosture("clean", KEY_ID, KEY_ARN);
    fake.encryption("clean", "aws:kms", "arn:aws:kms:us-east-1:111122223333:key/ffffffff-0000-0000-0000-000000000000");
    assertThatThrownBy(() -> run(PreflightSettings.DEFAULTS)).hasMessageContaining("bucket 'clean': default encryption "
        + "uses KMS key arn:aws:kms:us-east-1:111122223333:key/ffffffff-0000-0000-0000-000000000000, not the policy's key "
        + KEY_ID + " (aws.preflight.encryption)");
    fake.encryption("clean", "aws:kms", null);
    assertThatThrownBy(() -> run(PreflightSettings.DEFAULTS))
        .hasMessageContaining("uses the AWS managed key aws/s3, not the policy's key " + KEY_ID);
    fake.encryption("clean", "aws:kms", KEY_ID); // a bare id matches the ARN the key resolves to
    assertThat(run(PreflightSettings.DEFAULTS).refused()).isEmpty();
  }

  @Test
  void refusesAPublicBucket() {
    fake.goodPosture("clean", KEY_ID, KEY_ARN);
    fake.publicAccessBlock("clean", true, true, false, false);
    assertThatThrownBy(() -> run(PreflightSettings.DEFAULTS)).isInstanceOf(PreflightRefusedException.class)
        .hasMessage("Cannot write to S3: preflight refused: bucket 'clean': Block Public Access is not fully on "
            + "(off: BlockPublicPolicy, RestrictPublicBuckets) (aws.preflight.publicAccessBlock); nothing was read or written");
    fake.s3Error("clean", "publicAccessBlock", 404, "NoSuchPublicAccessBlockConfiguration",
        "The public access block configuration was not found");
    assertThatThrownBy(() -> run(PreflightSettings.DEFAULTS))
        .hasMessageContaining("bucket 'clean': has no Block Public Access configuration");
  }

  @Test
  void accessDeniedIsAFailedCheckNotAPass() {
    fake.goodPosture("clean", KEY_ID, KEY_ARN);
    fake.s3Error("clean", "publicAccessBlock", 403, "AccessDenied", "Access Denied");
    assertThatThrownBy(() -> run(PreflightSettings.DEFAULTS)).hasMessageContaining(
        "bucket 'clean': cannot check: AccessDenied (Access Denied) (aws.preflight.publicAccessBlock)");
  }

  @Test
  void versioningWarnsByDefaultAndIsRequiredInProduction() {
    fake.goodPosture("clean", KEY_ID, KEY_ARN);
    fake.versioning("clean", null);
    PreflightReport report = run(PreflightSettings.DEFAULTS);
    assertThat(report.warnings()).extracting(CheckResult::describe)
        .containsExactly("bucket 'clean': versioning was never enabled (aws.preflight.versioning)");
    fake.versioning("clean", "Suspended");
    assertThatThrownBy(() -> run(PreflightSettings.PRODUCTION))
        .hasMessageContaining("bucket 'clean': versioning is Suspended (aws.preflight.versioning)");
  }

  @Test
  void refusesAnAwsManagedDisabledOrNonRotatingKey() {
    fake.goodPosture("clean", KEY_ID, KEY_ARN);
    fake.describeKey(KEY_ID, KEY_ARN, "AWS", "Enabled");
    assertThatThrownBy(() -> run(PreflightSettings.DEFAULTS)).hasMessage("Cannot write to S3: preflight refused: KMS key "
        + KEY_ID + ": is AWS-managed, not customer-managed (aws.preflight.kmsKey); nothing was read or written");
    fake.describeKey(KEY_ID, KEY_ARN, "CUSTOMER", "Disabled");
    assertThatThrownBy(() -> run(PreflightSettings.DEFAULTS))
        .hasMessageContaining("KMS key " + KEY_ID + ": is not enabled (state Disabled) (aws.preflight.kmsKey)");
    fake.describeKey(KEY_ID, KEY_ARN, "CUSTOMER", "Enabled");
    fake.rotation(KEY_ARN, false);
    assertThatThrownBy(() -> run(PreflightSettings.DEFAULTS))
        .hasMessageContaining("KMS key " + KEY_ID + ": has automatic rotation off (aws.preflight.kmsKey)");
    fake.kms("DescribeKey", 400, "{\"__type\":\"NotFoundException\",\"message\":\"Key '" + KEY_ARN + "' does not exist\"}");
    assertThatThrownBy(() -> run(PreflightSettings.DEFAULTS)).hasMessageContaining(
        "KMS key " + KEY_ID + ": cannot check: NotFoundException (Key '" + KEY_ARN + "' does not exist) (aws.preflight.kmsKey)");
  }

  @Test
  void warnAndOffModesDoNotRefuse() {
    fake.encryption("clean", "AES256", null);
    fake.publicAccessBlock("clean", false, false, false, false);
    PreflightReport report = run(modes(CheckMode.WARN, CheckMode.WARN, CheckMode.OFF, CheckMode.OFF, CheckMode.OFF));
    assertThat(report.refused()).isEmpty();
    assertThat(report.warnings()).extracting(CheckResult::check).containsExactly("encryption", "publicAccessBlock");
    assertThat(report.callerIdentityOrNull()).isNull();
    assertThat(server.getAllServeEvents()).hasSize(2); // the off checks made no calls
  }

  @Test
  void listsEveryRefusalAtOnce() {
    fake.goodPosture("clean", KEY_ID, KEY_ARN);
    fake.encryption("clean", "AES256", null);
    fake.versioning("clean", "Suspended");
    PreflightSettings strict = modes(CheckMode.REQUIRE, CheckMode.REQUIRE, CheckMode.REQUIRE, CheckMode.REQUIRE, CheckMode.REQUIRE);
    assertThatThrownBy(() -> run(strict)).isInstanceOfSatisfying(PreflightRefusedException.class,
        e -> assertThat(e.refused()).extracting(CheckResult::check).containsExactly("encryption", "versioning"));
  }

  @Test
  void unreachableServiceIsAJobFailureUnderRequireAndAWarningOtherwise() {
    AwsSettings aws = settings(PreflightSettings.DEFAULTS, "http://127.0.0.1:1");
    try (AwsServiceClients clients = new AwsServiceClients(aws)) {
      assertThatThrownBy(() -> new Preflight(aws, clients).run(WRITES)).isInstanceOf(StorageException.class)
          .hasMessageStartingWith("Cannot run preflight checks on KMS key " + KEY_ID + ": service unreachable: ");
    }
    AwsSettings callerOnly = settings(modes(CheckMode.OFF, CheckMode.OFF, CheckMode.OFF, CheckMode.OFF, CheckMode.WARN),
        "http://127.0.0.1:1");
    try (AwsServiceClients clients = new AwsServiceClients(callerOnly)) {
      PreflightReport report = new Preflight(callerOnly, clients).run(WRITES);
      assertThat(report.warnings()).extracting(CheckResult::describe)
          .containsExactly("caller: cannot check: service unreachable (aws.preflight.callerIdentity)");
    }
  }

  @Test
  void accountBlockPublicAccessIsReadFromS3ControlWithTheCallersAccount() {
    fake.goodPosture("clean", KEY_ID, KEY_ARN);
    PreflightReport report = run(newer(CheckMode.REQUIRE, CheckMode.OFF, CheckMode.OFF, CheckMode.OFF));
    assertThat(report.results()).extracting(CheckResult::describe)
        .containsExactly("account 111122223333: Block Public Access fully on for the account (aws.preflight.accountPublicAccessBlock)");
    // The account id reached S3 Control as the SDK sends it: in the host name and in x-amz-account-id.
    assertThat(server.getAllServeEvents()).anySatisfy(e -> {
      assertThat(e.getRequest().getHost()).isEqualTo("111122223333." + AwsFake.S3_CONTROL_HOST);
      assertThat(e.getRequest().getUrl()).isEqualTo("/v20180820/configuration/publicAccessBlock");
      assertThat(e.getRequest().getHeader("x-amz-account-id")).isEqualTo("111122223333");
    });
    // Asked for the account only, the caller identity is looked up but not reported as a check of its own.
    assertThat(report.callerIdentityOrNull()).containsEntry("account", "111122223333");

    fake.accountPublicAccessBlock("111122223333", true, true, false, true);
    assertThatThrownBy(() -> run(newer(CheckMode.REQUIRE, CheckMode.OFF, CheckMode.OFF, CheckMode.OFF))).hasMessage(
        "Cannot write to S3: preflight refused: account 111122223333: Block Public Access is not fully on (off: "
            + "BlockPublicPolicy) for the account (aws.preflight.accountPublicAccessBlock); nothing was read or written");
    fake.accountError("111122223333", 404, "NoSuchPublicAccessBlockConfiguration",
        "The public access block configuration was not found");
    assertThat(run(newer(CheckMode.WARN, CheckMode.OFF, CheckMode.OFF, CheckMode.OFF)).warnings())
        .extracting(CheckResult::describe).containsExactly("account 111122223333: has no account-level Block Public "
            + "Access configuration (aws.preflight.accountPublicAccessBlock)");
    fake.accountError("111122223333", 403, "AccessDenied", "Access Denied");
    assertThat(run(newer(CheckMode.WARN, CheckMode.OFF, CheckMode.OFF, CheckMode.OFF)).warnings())
        .extracting(CheckResult::detail).containsExactly("cannot check: AccessDenied (Access Denied)");
  }

  @Test
  void accountCheckWithoutAnAccountIdIsAFailedCheck() {
    fake.goodPosture("clean", KEY_ID, KEY_ARN);
    server.stubFor(WireMock.post("/").withRequestBody(
        WireMock.containing("Action=GetCallerIdentity")).willReturn(
            WireMock.aResponse().withStatus(403).withBody("<ErrorResponse "
                + "xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                + "<Message>denied</Message></Error><RequestId>r</RequestId></ErrorResponse>")));
    assertThatThrownBy(() -> run(newer(CheckMode.REQUIRE, CheckMode.OFF, CheckMode.OFF, CheckMode.OFF))).hasMessage(
        "Cannot write to S3: preflight refused: account: cannot check: the account id is unknown (STS GetCallerIdentity "
            + "failed) (aws.preflight.accountPublicAccessBlock); nothing was read or written");
  }

  @Test
  void bucketPolicyMustDenyPlainHttpOnTheBucketAndEveryObject() {
    fake.goodPosture("clean", KEY_ID, KEY_ARN);
    PreflightSettings tls = newer(CheckMode.OFF, CheckMode.REQUIRE, CheckMode.OFF, CheckMode.OFF);
    assertThat(run(tls).results()).extracting(CheckResult::describe)
        .containsExactly("bucket 'clean': bucket policy denies requests without TLS (aws.preflight.secureTransport)");

    fake.s3Error("clean", "policy", 404, "NoSuchBucketPolicy", "The bucket policy does not exist");
    assertThatThrownBy(() -> run(tls)).hasMessage("Cannot write to S3: preflight refused: bucket 'clean': has no bucket "
        + "policy, so nothing denies requests without TLS (aws.preflight.secureTransport); nothing was read or written");

    fake.bucketPolicy("clean", AwsFake.tlsOnlyPolicy("clean").replace(",\"arn:aws:s3:::clean/*\"", ""));
    assertThatThrownBy(() -> run(tls)).hasMessageContaining("bucket 'clean': the bucket policy's TLS deny does not cover "
        + "every object (arn:aws:s3:::clean/*) (aws.preflight.secureTransport)");

    // An Allow that requires TLS is not a deny: other grants still work over plain HTTP.
    fake.bucketPolicy("clean", AwsFake.tlsOnlyPolicy("clean").replace("Deny", "Allow").replace("false", "true"));
    assertThatThrownBy(() -> run(tls)).hasMessageContaining("bucket 'clean': the bucket policy does not deny requests "
        + "without TLS (expected a Deny for Principal *, Action s3:*, on arn:aws:s3:::clean and arn:aws:s3:::clean/*, "
        + "when aws:SecureTransport is false)");

    fake.s3Error("clean", "policy", 403, "AccessDenied", "Access Denied");
    assertThatThrownBy(() -> run(tls)).hasMessageContaining(
        "bucket 'clean': cannot check: AccessDenied (Access Denied) (aws.preflight.secureTransport)");
  }

  @Test
  void objectOwnershipMustBeBucketOwnerEnforced() {
    fake.goodPosture("clean", KEY_ID, KEY_ARN);
    PreflightSettings ownership = newer(CheckMode.OFF, CheckMode.OFF, CheckMode.REQUIRE, CheckMode.OFF);
    assertThat(run(ownership).refused()).isEmpty();
    fake.ownership("clean", "ObjectWriter");
    assertThatThrownBy(() -> run(ownership)).hasMessageContaining("bucket 'clean': Object Ownership is ObjectWriter, not "
        + "BucketOwnerEnforced (ACLs are enabled) (aws.preflight.objectOwnership)");
    fake.s3Error("clean", "ownershipControls", 404, "OwnershipControlsNotFoundError",
        "The bucket ownership controls were not found");
    assertThatThrownBy(() -> run(ownership)).hasMessageContaining(
        "bucket 'clean': has no Object Ownership setting, so ACLs are enabled (aws.preflight.objectOwnership)");
  }

  @Test
  void bucketKeyWarnsWhenOffAndDoesNotApplyToDsseKms() {
    fake.goodPosture("clean", KEY_ID, KEY_ARN);
    fake.encryption("clean", "aws:kms", KEY_ARN, false);
    PreflightSettings defaults = PreflightSettings.DEFAULTS;
    PreflightReport report = run(defaults);
    assertThat(report.warnings()).extracting(CheckResult::describe).containsExactly(
        "bucket 'clean': S3 Bucket Key is off: every object costs its own KMS request (aws.preflight.bucketKey)");
    // One GetBucketEncryption answers both the encryption and the bucket key check.
    assertThat(server.getAllServeEvents()).filteredOn(e -> e.getRequest().getUrl().contains("encryption")).hasSize(1);

    fake.encryption("clean", "aws:kms:dsse", KEY_ARN, false);
    report = run(settings(defaults, "http://127.0.0.1:" + server.port(), S3Settings.Encryption.DSSE_KMS), WRITES);
    assertThat(report.warnings()).isEmpty();
    assertThat(report.results()).filteredOn(r -> r.check().equals("bucketKey")).extracting(CheckResult::detail)
        .containsExactly("not applicable: S3 Bucket Keys are not supported with DSSE-KMS");
  }
}
