package io.shroud.connectors.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shroud.connectors.AwsPolicies;
import io.shroud.core.policy.Policy;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwsParserTest {
  private static final String S3_PATHS = """
      input: { path: "s3a://raw-bucket/in/", format: csv }
      output: { path: "s3a://clean-bucket/out/", format: parquet }
      """;

  private static Policy parse(String yaml) {
    return AwsPolicies.parse(yaml);
  }

  private static void assertInvalid(String yaml, String message) {
    AwsPolicies.assertInvalid(yaml, message);
  }

  @Test
  void parsesTheFullSection() {
    AwsSettings aws = parse(S3_PATHS + """
        aws:
          region: eu-west-1
          s3:
            endpoint: "https://bucket.vpce-0a1b2c3d-4e5f6a7b.s3.eu-west-1.vpce.amazonaws.com"
            encryption: { algorithm: SSE-KMS, kmsKeyId: "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" }
            pathStyleAccess: false
          endpoints: { kms: "https://kms.eu-west-1.amazonaws.com", sts: "https://sts.eu-west-1.amazonaws.com",
                       s3control: "https://111122223333.s3-control.eu-west-1.amazonaws.com" }
          preflight: { profile: production, publicAccessBlock: warn, callerIdentity: off, bucketKey: require,
                       secureTransport: warn }
        """).extension(AwsSettings.class).orElseThrow();
    assertThat(aws.region()).contains("eu-west-1");
    assertThat(aws.s3()).isEqualTo(new S3Settings("https://bucket.vpce-0a1b2c3d-4e5f6a7b.s3.eu-west-1.vpce.amazonaws.com",
        S3Settings.Encryption.SSE_KMS, "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        false, false));
    assertThat(aws.kmsEndpoint()).contains("https://kms.eu-west-1.amazonaws.com");
    assertThat(aws.stsEndpoint()).contains("https://sts.eu-west-1.amazonaws.com");
    assertThat(aws.s3ControlEndpoint()).contains("https://111122223333.s3-control.eu-west-1.amazonaws.com");
    assertThat(aws.preflight()).isEqualTo(new PreflightSettings(true, PreflightSettings.CheckMode.REQUIRE,
        PreflightSettings.CheckMode.WARN, PreflightSettings.CheckMode.REQUIRE, PreflightSettings.CheckMode.REQUIRE,
        PreflightSettings.CheckMode.OFF, PreflightSettings.CheckMode.REQUIRE, PreflightSettings.CheckMode.WARN,
        PreflightSettings.CheckMode.REQUIRE, PreflightSettings.CheckMode.REQUIRE));
  }

  @Test
  void defaultsAreSafe() {
    AwsSettings aws = parse(S3_PATHS + "aws: { s3: { encryption: { kmsKeyId: alias/shroud-output } } }\n")
        .extension(AwsSettings.class).orElseThrow();
    assertThat(aws.s3().encryption()).isEqualTo(S3Settings.Encryption.SSE_KMS);
    assertThat(aws.s3().allowInsecureEndpoint()).isFalse();
    assertThat(aws.preflight()).isEqualTo(PreflightSettings.DEFAULTS);
    assertThat(aws.preflight().versioning()).isEqualTo(PreflightSettings.CheckMode.WARN);
    assertThat(parse("input: { path: a.csv }\noutput: { path: b }\n").extension(AwsSettings.class)).isEmpty();
  }

  @Test
  void newerChecksWarnByDefaultAndProductionRequiresAllButBucketKeys() {
    PreflightSettings defaults = PreflightSettings.DEFAULTS;
    assertThat(List.of(defaults.accountPublicAccessBlock(), defaults.secureTransport(), defaults.objectOwnership(),
        defaults.bucketKey())).containsOnly(PreflightSettings.CheckMode.WARN);
    PreflightSettings production = parse(S3_PATHS + "aws: { s3: { encryption: { kmsKeyId: k } }, preflight: { profile: "
        + "production, objectOwnership: \"off\" } }\n").extension(AwsSettings.class).orElseThrow().preflight();
    assertThat(production.accountPublicAccessBlock()).isEqualTo(PreflightSettings.CheckMode.REQUIRE);
    assertThat(production.secureTransport()).isEqualTo(PreflightSettings.CheckMode.REQUIRE);
    assertThat(production.objectOwnership()).isEqualTo(PreflightSettings.CheckMode.OFF);
    assertThat(production.bucketKey()).isEqualTo(PreflightSettings.CheckMode.WARN);
    assertThat(production.toMap()).containsEntry("profile", "production").containsEntry("objectOwnership", "off")
        .containsEntry("accountPublicAccessBlock", "require").hasSize(10);
  }

  @Test
  void productionProfileRequiresVersioningUnlessSetExplicitly() {
    String base = S3_PATHS + "aws: { s3: { encryption: { kmsKeyId: k } }, preflight: { profile: production";
    assertThat(parse(base + " } }\n").extension(AwsSettings.class).orElseThrow().preflight().versioning())
        .isEqualTo(PreflightSettings.CheckMode.REQUIRE);
    assertThat(parse(base + ", versioning: warn } }\n").extension(AwsSettings.class).orElseThrow().preflight().versioning())
        .isEqualTo(PreflightSettings.CheckMode.WARN);
  }

  @Test
  void refusesCredentialsWithoutEchoingThem() {
    assertThatThrownBy(() -> parse(S3_PATHS + """
        aws:
          region: us-east-1
          s3:
            encryption: { kmsKeyId: k }
            accessKey: AKIAIOSFODNN7EXAMPLE
        """)).hasMessage("Invalid policy p.yaml, line 7: 'aws.s3.accessKey' looks like a credential; Shroud never reads "
            + "AWS credentials from a policy: remove it and use the default credential chain (instance or task role, "
            + "environment, ~/.aws profile)")
        .hasMessageNotContaining("AKIA");
    assertThatThrownBy(() -> parse(S3_PATHS + "aws: { secret_access_key: x }\n")).hasMessageContaining("'aws.secret_access_key' looks like a credential");
    assertThatThrownBy(() -> parse(S3_PATHS + "aws: { sessionToken: x }\n")).hasMessageContaining("'aws.sessionToken' looks like a credential");
  }

  @Test
  void refusesPlainHttpUnlessTheLocalTestingFlagIsSet() {
    assertInvalid(S3_PATHS + "aws: { s3: { endpoint: \"http://s3.example.com\", encryption: { kmsKeyId: k } } }\n",
        "Invalid policy p.yaml, line 3: 'aws.s3.endpoint' is plain http (http://s3.example.com); traffic to AWS must "
            + "use TLS: use an https:// endpoint (set aws.s3.allowInsecureEndpoint: true only for a local test server)");
    assertThat(parse(S3_PATHS + "aws: { s3: { endpoint: \"http://127.0.0.1:9090\", allowInsecureEndpoint: true, "
        + "encryption: { kmsKeyId: k } } }\n").extension(AwsSettings.class).orElseThrow().s3().endpoint()).contains("http://127.0.0.1:9090");
    assertInvalid(S3_PATHS + "aws: { s3: { endpoint: \"ftp://x\", encryption: { kmsKeyId: k } } }\n",
        "Invalid policy p.yaml, line 3: invalid URL 'ftp://x' for 'aws.s3.endpoint'; expected https://HOST");
  }

  @Test
  void s3OutputNeedsTheSectionAndAKey() {
    assertInvalid(S3_PATHS, "Invalid policy p.yaml, line 2: output or audit is on S3 but the policy has no 'aws' "
        + "section; set aws.s3.encryption.kmsKeyId so every object is written with SSE-KMS");
    assertInvalid(S3_PATHS + "aws: { region: us-east-1, s3: { pathStyleAccess: true } }\n",
        "Invalid policy p.yaml, line 3: output or audit is on S3: 'aws.s3.encryption.kmsKeyId' is required "
            + "(the customer-managed key every object is written with)");
    assertInvalid("input: { path: a.csv }\noutput: { path: b }\naudit: { path: \"s3://audit-bucket/runs\" }\n",
        "Invalid policy p.yaml, line 2: output or audit is on S3 but the policy has no 'aws' section; "
            + "set aws.s3.encryption.kmsKeyId so every object is written with SSE-KMS");
    // Reading from S3 alone needs no key.
    assertThat(parse("input: { path: \"s3a://raw/in.csv\" }\noutput: { path: out }\naws: { region: us-east-1 }\n")
        .extension(AwsSettings.class)).isPresent();
  }

  @Test
  void unknownKeysAndBadValuesAreNamed() {
    assertInvalid(S3_PATHS + "aws: { s3: { encryption: { kmsKeyId: k } }, bucket: x }\n",
        "Invalid policy p.yaml, line 3: unknown key 'bucket' in 'aws'; expected one of: region, s3, endpoints, preflight");
    assertInvalid(S3_PATHS + "aws: { s3: { encryption: { algorithm: AES256, kmsKeyId: k } } }\n",
        "Invalid policy p.yaml, line 3: invalid value 'AES256' for 'aws.s3.encryption.algorithm'; expected SSE-KMS or "
            + "DSSE-KMS (unencrypted and S3-managed-key writes are not supported)");
    assertInvalid(S3_PATHS + "aws: { region: US_EAST, s3: { encryption: { kmsKeyId: k } } }\n",
        "Invalid policy p.yaml, line 3: invalid value 'US_EAST' for 'aws.region'; expected a region such as us-east-1");
    assertInvalid(S3_PATHS + "aws: { s3: { encryption: { kmsKeyId: k } }, preflight: { versioning: maybe } }\n",
        "Invalid policy p.yaml, line 3: invalid value 'maybe' for 'aws.preflight.versioning'; expected one of: require, warn, off");
    assertInvalid(S3_PATHS + "aws: { s3: { encryption: { kmsKeyId: k } }, preflight: { bucketPolicy: warn } }\n",
        "Invalid policy p.yaml, line 3: unknown key 'bucketPolicy' in 'aws.preflight'; expected one of: profile, "
            + "encryption, publicAccessBlock, versioning, kmsKey, callerIdentity, accountPublicAccessBlock, "
            + "secureTransport, objectOwnership, bucketKey");
    assertInvalid(S3_PATHS + "aws: { s3: { encryption: { kmsKeyId: k } }, endpoints: { s3control: \"http://x\" } }\n",
        "Invalid policy p.yaml, line 3: 'aws.endpoints.s3control' is plain http (http://x); traffic to AWS must use TLS: "
            + "use an https:// endpoint (set aws.s3.allowInsecureEndpoint: true only for a local test server)");
  }
}
