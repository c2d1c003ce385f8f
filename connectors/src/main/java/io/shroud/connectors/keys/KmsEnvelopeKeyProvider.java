package io.shroud.connectors.keys;

import io.shroud.core.keys.KeyException;
import io.shroud.core.keys.KeyMaterial;
import io.shroud.core.keys.KeyProvider;
import io.shroud.core.keys.KeySpec;
import java.util.Arrays;
import java.util.Base64;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.model.DecryptRequest;

/**
 * Envelope encryption: the policy holds only a data key encrypted under a KMS key (the
 * CiphertextBlob of GenerateDataKey) and its encryption context; KMS decrypts it on each executor.
 */
public final class KmsEnvelopeKeyProvider implements KeyProvider {
  @Override
  public KeyMaterial get(KeySpec spec) {
    byte[] plain;
    try {
      plain = AwsClients.kms(spec.region(), spec.endpoint()).decrypt(DecryptRequest.builder()
          .keyId(spec.location())
          .ciphertextBlob(SdkBytes.fromByteArray(Base64.getDecoder().decode(spec.encryptedDataKey())))
          .encryptionContext(spec.encryptionContext())
          .build()).plaintext().asByteArray();
    } catch (SdkException e) {
      throw new KeyException("Cannot unwrap key '" + spec.name() + "' with KMS key " + spec.location() + ": "
          + AwsErrors.describe(e), e);
    }
    try {
      return new KeyMaterial(spec.name(), plain);
    } catch (IllegalArgumentException e) {
      throw new KeyException("Invalid key '" + spec.name() + "' unwrapped by KMS key " + spec.location() + ": "
          + e.getMessage() + " (create data keys with KeySpec AES_256)");
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }
}
