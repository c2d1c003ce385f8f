package io.shroud.connectors.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.shroud.connectors.storage.StorageException;
import io.shroud.core.policy.AwsSettings;
import io.shroud.core.policy.PreflightSettings;
import io.shroud.core.policy.PreflightSettings.CheckMode;
import io.shroud.core.policy.S3Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
    server = io.shroud.connectors.LocalFakes.start();
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
    return new AwsSettings("us-east-1", new S3Settings(endpoint, S3Settings.Encryption.SSE_KMS, KEY_ID, true, true),
        endpoint, endpoint, preflight);
  }

  static PreflightSettings modes(CheckMode encryption, CheckMode pab, CheckMode versioning, CheckMode key, CheckMode caller) {
    return new PreflightSettings(false, encryption, pab, versioning, key, caller);
  }

  PreflightReport run(PreflightSettings preflight, List<String> writes) {
    AwsSettings aws = settings(preflight);
    try (AwsServiceClients clients = new AwsServiceClients(aws)) {
      return new Preflight(aws, clients).run(writes);
    }
  }

  PreflightReport run(PreflightSettings preflight) {
    return run(preflight, WRITES);
  }

  @Test
  void compliantBucketAndKeyPassAndTheCallerIsRecorded() {
    fake.goodPosture("clean", KEY_ID, KEY_ARN);
    PreflightReport report = run(PreflightSettings.DEFAULTS);
    assertThat(report.results()).extracting(CheckResult::check)
        .containsExactly("kmsKey", "encryption", "publicAccessBlock", "versioning", "callerIdentity");
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
    PreflightSettings production = new PreflightSettings(true, CheckMode.REQUIRE, CheckMode.REQUIRE, CheckMode.REQUIRE,
        CheckMode.REQUIRE, CheckMode.WARN);
    fake.versioning("clean", "Suspended");
    assertThatThrownBy(() -> run(production)).hasMessageContaining("bucket 'clean': versioning is Suspended (aws.preflight.versioning)");
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
}
