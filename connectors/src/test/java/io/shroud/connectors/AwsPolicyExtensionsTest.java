package io.shroud.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.connectors.aws.AwsSettings;
import io.shroud.connectors.comprehend.ComprehendSettings;
import io.shroud.connectors.macie.MacieSettings;
import io.shroud.core.policy.CatalogSpec;
import io.shroud.core.policy.Policy;
import org.junit.jupiter.api.Test;

/** The connectors' policy sections as the jobs read them: through the core parser with these extensions. */
class AwsPolicyExtensionsTest {
  private static final String MINIMAL = "version: 1\ninput: { path: in.jsonl }\noutput: { path: out }\n";

  private static Policy parse(String yaml) {
    return AwsPolicies.parse(yaml);
  }

  private static void assertInvalid(String yaml, String message) {
    AwsPolicies.assertInvalid(yaml, message);
  }

  @Test
  void remoteDetectionIsParsedStrictly() {
    Policy policy = parse(MINIMAL + "detection:\n  comprehend: { region: eu-west-1, columns: [notes], maxCharacters: 5000 }\n");
    ComprehendSettings c = policy.extension(ComprehendSettings.class).orElseThrow();
    assertThat(c.region()).isEqualTo("eu-west-1");
    assertThat(c.columns()).containsExactly("notes");
    assertThat(c.maxCharacters()).isEqualTo(5000);
    assertThat(c.endpointOrNull()).isNull();

    assertInvalid(MINIMAL + "detection:\n  comprehend: { columns: [notes] }\n",
        "Invalid policy p.yaml, line 5: 'detection.comprehend' needs a 'region' (such as us-east-1; text is sent to that "
            + "region's service)");
    assertInvalid(MINIMAL + "detection:\n  comprehend: { region: us-east-1, endpoint: \"http://x\" }\n",
        "Invalid policy p.yaml, line 5: invalid endpoint 'http://x' in 'detection.comprehend.endpoint': expected https:// "
            + "(plain http only with allowInsecureEndpoint: true, for local testing)");
    assertInvalid(MINIMAL + "detection:\n  comprehend: { region: us-east-1, languageCode: fr }\n",
        "Invalid policy p.yaml, line 5: invalid languageCode 'fr'; Comprehend detects PII in: en, es");
  }

  @Test
  void macieIsReadWithDefaultsAndOffMeansAbsent() {
    Policy policy = parse(MINIMAL + "detection:\n  macie: { region: us-east-1, bucket: raw }\n");
    assertThat(policy.extension(MacieSettings.class)).contains(
        new MacieSettings("us-east-1", null, "raw", null, 500, true, false));
    assertThat(parse(MINIMAL + "detection:\n  macie: { enabled: false }\n").extension(MacieSettings.class)).isEmpty();
    assertThat(parse(MINIMAL).extension(MacieSettings.class)).isEmpty();
    assertThat(parse(MINIMAL).extension(ComprehendSettings.class)).isEmpty();
    assertInvalid(MINIMAL + "detection:\n  macie: { region: us-east-1, maxFindings: 0 }\n",
        "Invalid policy p.yaml, line 5: 'detection.macie.maxFindings' must be at least 1, got 0");
  }

  @Test
  void unknownKeysListTheExtensionsKeysInPlace() {
    assertInvalid("input: { path: a.csv }\noutput: { path: o }\ncolums:\n  a: detect\n",
        "Invalid policy p.yaml, line 3: unknown key 'colums' at the top level; expected one of: version, input, "
            + "output, columns, unlistedColumns, operators, detection, audit, keys, anonymity, aws, utility");
    assertInvalid(MINIMAL + "detection:\n  macy: {}\n",
        "Invalid policy p.yaml, line 5: unknown key 'macy' in 'detection'; expected one of: sampleSize, minConfidence, "
            + "classifyThreshold, phoneRegions, allowList, denyList, customDetectors, ner, comprehend, macie");
  }

  @Test
  void aGlueWarehouseOnS3NeedsTheKmsKey() {
    String yaml = "input: { path: a.csv }\noutput: { table: db.t, catalog: { type: glue, warehouse: \"s3://lake/wh\" } }\n"
        + "audit: { path: out/audit }\n";
    assertInvalid(yaml, "Invalid policy p.yaml, line 2: output or audit is on S3 but the policy has no 'aws' section; "
        + "set aws.s3.encryption.kmsKeyId so every object is written with SSE-KMS");
    Policy policy = parse(yaml + "aws: { region: us-east-1, s3: { encryption: { kmsKeyId: k-1 } } }\n");
    CatalogSpec glue = policy.output().table().orElseThrow().catalog();
    assertThat(glue.warehouseOnS3()).isTrue();
    assertThat(policy.output().storageLocation()).isEqualTo("s3://lake/wh/db/t");
    assertThat(policy.extension(AwsSettings.class).orElseThrow().s3().kmsKeyId()).contains("k-1");
  }
}
