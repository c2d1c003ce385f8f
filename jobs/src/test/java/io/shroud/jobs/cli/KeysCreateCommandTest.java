package io.shroud.jobs.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.shroud.jobs.SparkTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.shroud.connectors.AwsPolicyExtensions;
import io.shroud.connectors.keys.AwsKeyProviderFactory;
import io.shroud.core.keys.KeySpec;
import io.shroud.core.policy.PolicyOverrides;
import io.shroud.jobs.SparkTestSupport.CliResult;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** keys create against a KMS fake (awsJson1_1), and the printed entry unwrapped by the KMS key provider. */
class KeysCreateCommandTest {
  static final String KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  static final byte[] BLOB = "wrapped-data-key-ciphertext-blob-from-kms".getBytes();
  static final byte[] PLAIN = new byte[32];
  static WireMockServer kms;

  @BeforeAll
  static void start() {
    for (int i = 0; i < PLAIN.length; i++) {
      PLAIN[i] = (byte) (31 * i + 7);
    }
    kms = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    kms.start();
    System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
    System.setProperty("aws.secretAccessKey", "test-secret-key-for-local-fakes-only");
    String blob = Base64.getEncoder().encodeToString(BLOB);
    kms.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("TrentService.GenerateDataKeyWithoutPlaintext"))
        .withRequestBody(equalToJson("{\"KeyId\":\"alias/shroud\",\"KeySpec\":\"AES_256\","
            + "\"EncryptionContext\":{\"purpose\":\"tokens\",\"team\":\"ml\"}}"))
        .willReturn(json(200, "{\"CiphertextBlob\":\"" + blob + "\",\"KeyId\":\"" + KEY_ARN + "\"}")));
    kms.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("TrentService.Decrypt"))
        .withRequestBody(equalToJson("{\"CiphertextBlob\":\"" + blob + "\",\"KeyId\":\"" + KEY_ARN + "\","
            + "\"EncryptionContext\":{\"purpose\":\"tokens\",\"team\":\"ml\"}}"))
        .willReturn(json(200, "{\"KeyId\":\"" + KEY_ARN + "\",\"Plaintext\":\"" + Base64.getEncoder().encodeToString(PLAIN)
            + "\",\"EncryptionAlgorithm\":\"SYMMETRIC_DEFAULT\"}")));
    kms.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("TrentService.GenerateDataKeyWithoutPlaintext"))
        .withRequestBody(equalToJson("{\"KeyId\":\"alias/missing\"}", true, true)).atPriority(1)
        .willReturn(json(400, "{\"__type\":\"NotFoundException\",\"message\":\"Alias arn:aws:kms:us-east-1:111122223333:alias/missing is not found.\"}")));
  }

  @AfterAll
  static void stop() {
    kms.stop();
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
  }

  @Test
  void printsAnEntryTheKmsKeyProviderUnwraps() {
    String endpoint = "http://127.0.0.1:" + kms.port();
    CliResult result = run("keys", "create", "--kms-key-id", "alias/shroud", "--name", "tokens", "--context", "purpose=tokens",
        "--context", "team=ml", "--region", "us-east-1", "--endpoint", endpoint);
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    assertThat(result.out()).isEqualTo("keys:\n  tokens:\n    kms:\n      keyId: \"" + KEY_ARN + "\"\n"
        + "      encryptedDataKey: \"" + Base64.getEncoder().encodeToString(BLOB) + "\"\n"
        + "      context: { purpose: \"tokens\", team: \"ml\" }\n      region: us-east-1\n      endpoint: \"" + endpoint + "\"\n");
    assertThat(result.out()).doesNotContain(Base64.getEncoder().encodeToString(PLAIN));

    String policy = "input: { path: a.csv }\noutput: { path: b }\ncolumns: { email: { action: hash, key: tokens } }\n" + result.out();
    KeySpec spec = AwsPolicyExtensions.parser().parse(policy, "p.yaml", PolicyOverrides.NONE).keys().get("tokens");
    assertThat(new AwsKeyProviderFactory().create().get(spec).bytes()).isEqualTo(PLAIN);
  }

  @Test
  void kmsErrorsNameTheKey() {
    CliResult result = run("keys", "create", "--kms-key-id", "alias/missing", "--name", "t", "--region", "us-east-1",
        "--endpoint", "http://127.0.0.1:" + kms.port());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("shroud: Cannot create a data key with KMS key alias/missing: NotFoundException "
        + "(Alias arn:aws:kms:us-east-1:111122223333:alias/missing is not found.)\n");
  }
}
