package io.shroud.connectors.keys;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.shroud.connectors.LocalFakes;
import io.shroud.core.keys.CachingKeyProvider;
import io.shroud.core.keys.KeyException;
import io.shroud.core.keys.KeyMaterial;
import io.shroud.core.keys.KeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real SDK v2 Secrets Manager and KMS clients against local fakes speaking the services' JSON
 * protocol (awsJson1_1: POST /, X-Amz-Target), with responses and errors shaped as AWS documents them.
 */
class AwsKeyProvidersTest {
  static WireMockServer fake;
  static final byte[] KEY = new byte[32];
  static final String KEY_B64;

  static {
    for (int i = 0; i < KEY.length; i++) {
      KEY[i] = (byte) (i * 7 + 3);
    }
    KEY_B64 = Base64.getEncoder().encodeToString(KEY);
  }

  @BeforeAll
  static void start() {
    fake = LocalFakes.start();
  }

  @AfterAll
  static void stop() {
    fake.stop();
  }

  @BeforeEach
  void reset() {
    fake.resetAll();
  }

  String endpoint() {
    return "http://127.0.0.1:" + fake.port();
  }

  KeySpec secret(String id) {
    return new KeySpec("pii", 1, KeySpec.KeySource.SECRETS_MANAGER, id, false, "AWSCURRENT", null, Map.of(),
        "us-east-1", endpoint(), List.of());
  }

  KeySpec wrapped(String blob) {
    return new KeySpec("pii", 2, KeySpec.KeySource.KMS_WRAPPED, "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        false, null, blob, Map.of("purpose", "shroud"), "us-east-1", endpoint(), List.of());
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
  }

  @Test
  void readsABase64SecretStringByStage() {
    fake.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
        .withRequestBody(equalToJson("{\"SecretId\":\"shroud/pii\",\"VersionStage\":\"AWSCURRENT\"}"))
        .willReturn(json(200, "{\"ARN\":\"arn:aws:secretsmanager:us-east-1:111122223333:secret:shroud/pii-a1b2c3\","
            + "\"Name\":\"shroud/pii\",\"SecretString\":\"" + KEY_B64 + "\",\"VersionId\":\"EXAMPLE1-90ab-cdef-fedc-ba987SECRET1\","
            + "\"VersionStages\":[\"AWSCURRENT\"],\"CreatedDate\":1523477145.713}")));
    KeyMaterial key = new SecretsManagerKeyProvider().get(secret("shroud/pii"));
    assertThat(key.bytes()).isEqualTo(KEY);
    assertThat(key.toString()).doesNotContain(KEY_B64);
  }

  @Test
  void readsASecretBinary() {
    fake.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
        .willReturn(json(200, "{\"Name\":\"bin\",\"SecretBinary\":\"" + KEY_B64 + "\",\"VersionStages\":[\"AWSCURRENT\"]}")));
    assertThat(new SecretsManagerKeyProvider().get(secret("bin")).bytes()).isEqualTo(KEY);
  }

  @Test
  void secretErrorsNameTheSecretAndTheAwsCode() {
    fake.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
        .willReturn(json(400, "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the specified secret.\"}")));
    assertThatThrownBy(() -> new SecretsManagerKeyProvider().get(secret("missing")))
        .isInstanceOf(KeyException.class)
        .hasMessage("Cannot fetch key 'pii' from Secrets Manager secret missing (stage AWSCURRENT): "
            + "ResourceNotFoundException (Secrets Manager can't find the specified secret.)");
    fake.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
        .willReturn(json(400, "{\"__type\":\"AccessDeniedException\",\"message\":\"User is not authorized\"}")));
    assertThatThrownBy(() -> new SecretsManagerKeyProvider().get(secret("denied")))
        .hasMessageEndingWith("AccessDeniedException (User is not authorized)");
    fake.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
        .willReturn(json(200, "{\"Name\":\"short\",\"SecretString\":\"c2hvcnQ=\"}")));
    assertThatThrownBy(() -> new SecretsManagerKeyProvider().get(secret("short")))
        .hasMessage("Invalid key 'pii' in Secrets Manager secret short: Invalid key 'pii': 5 bytes; at least 32 are required");
  }

  @Test
  void throttlingIsRetriedThenReported() {
    fake.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
        .willReturn(json(400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}")));
    assertThatThrownBy(() -> new SecretsManagerKeyProvider().get(secret("busy")))
        .hasMessageEndingWith("ThrottlingException (Rate exceeded)");
    assertThat(fake.findAll(postRequestedFor(urlEqualTo("/"))).size()).as("SDK retried").isGreaterThan(1);
  }

  @Test
  void unwrapsAKmsDataKeyWithItsEncryptionContext() {
    String blob = Base64.getEncoder().encodeToString("wrapped-data-key-ciphertext".getBytes());
    fake.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("TrentService.Decrypt"))
        .withRequestBody(equalToJson("{\"CiphertextBlob\":\"" + blob + "\",\"EncryptionContext\":{\"purpose\":\"shroud\"},"
            + "\"KeyId\":\"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\"}"))
        .willReturn(json(200, "{\"KeyId\":\"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\","
            + "\"Plaintext\":\"" + KEY_B64 + "\",\"EncryptionAlgorithm\":\"SYMMETRIC_DEFAULT\"}")));
    fake.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("TrentService.Decrypt")).atPriority(10)
        .willReturn(json(400, "{\"__type\":\"InvalidCiphertextException\",\"message\":\"\"}")));
    assertThat(new KmsEnvelopeKeyProvider().get(wrapped(blob)).bytes()).isEqualTo(KEY);
    String other = Base64.getEncoder().encodeToString("tampered".getBytes());
    assertThatThrownBy(() -> new KmsEnvelopeKeyProvider().get(wrapped(other)))
        .isInstanceOf(KeyException.class)
        .hasMessage("Cannot unwrap key 'pii' with KMS key arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab: "
            + "InvalidCiphertextException ()");
  }

  @Test
  void factoryDispatchesBySourceAndCachesPerJvm() {
    fake.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
        .willReturn(json(200, "{\"Name\":\"c\",\"SecretString\":\"" + KEY_B64 + "\"}")));
    CachingKeyProvider provider = CachingKeyProvider.forFactory(new AwsKeyProviderFactory());
    assertThat(CachingKeyProvider.forFactory(new AwsKeyProviderFactory())).isSameAs(provider);
    KeySpec spec = secret("cached");
    provider.get(spec);
    provider.get(spec);
    assertThat(fake.findAll(postRequestedFor(urlEqualTo("/"))).size()).isEqualTo(1);
  }

  @Test
  void unreachableServiceIsAClearError() {
    KeySpec spec = new KeySpec("pii", 1, KeySpec.KeySource.SECRETS_MANAGER, "x", false, "AWSCURRENT", null, Map.of(),
        "us-east-1", "http://127.0.0.1:1", List.of());
    assertThatThrownBy(() -> new SecretsManagerKeyProvider().get(spec))
        .hasMessageStartingWith("Cannot fetch key 'pii' from Secrets Manager secret x (stage AWSCURRENT): service unreachable");
  }
}
