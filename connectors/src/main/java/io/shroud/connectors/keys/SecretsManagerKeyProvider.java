package io.shroud.connectors.keys;

import io.shroud.core.keys.KeyException;
import io.shroud.core.keys.KeyMaterial;
import io.shroud.core.keys.KeyProvider;
import io.shroud.core.keys.KeySpec;
import java.util.Arrays;
import java.util.Base64;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * Keys stored in AWS Secrets Manager: SecretBinary holds the raw key bytes, or SecretString holds
 * them in base64. Read by secret name or ARN and version stage; never logged.
 */
public final class SecretsManagerKeyProvider implements KeyProvider {
  @Override
  public KeyMaterial get(KeySpec spec) {
    GetSecretValueResponse response;
    try {
      response = AwsClients.secretsManager(spec.region(), spec.endpoint()).getSecretValue(GetSecretValueRequest.builder()
          .secretId(spec.location()).versionStage(spec.versionStage()).build());
    } catch (SdkException e) {
      throw new KeyException("Cannot fetch key '" + spec.name() + "' from " + spec.describe() + " (stage "
          + spec.versionStage() + "): " + AwsErrors.describe(e), e);
    }
    byte[] bytes;
    if (response.secretBinary() != null) {
      bytes = response.secretBinary().asByteArray();
    } else if (response.secretString() != null) {
      try {
        bytes = Base64.getDecoder().decode(response.secretString().trim());
      } catch (IllegalArgumentException e) {
        throw new KeyException("Invalid key '" + spec.name() + "' in " + spec.describe()
            + ": SecretString must be base64 of at least " + KeyMaterial.MIN_BYTES + " random bytes");
      }
    } else {
      throw new KeyException("Invalid key '" + spec.name() + "' in " + spec.describe() + ": the secret has no value");
    }
    try {
      return new KeyMaterial(spec.name(), bytes);
    } catch (IllegalArgumentException e) {
      throw new KeyException("Invalid key '" + spec.name() + "' in " + spec.describe() + ": " + e.getMessage());
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
