package io.shroud.connectors.keys;

import io.shroud.core.keys.KeyException;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextResponse;

/**
 * Creates a new 256-bit data key wrapped by a KMS key, for a {@code kms:} key entry. It asks for the
 * ciphertext only (GenerateDataKeyWithoutPlaintext, GenerateDataKey's sibling with the same
 * CiphertextBlob): the plaintext key never leaves KMS until a job unwraps it on its executors.
 */
public final class KmsDataKeyCreator {
  private KmsDataKeyCreator() {}

  /**
   * A wrapped data key.
   *
   * @param keyArn the wrapping key's ARN, as KMS reports it
   * @param encryptedDataKey base64 CiphertextBlob
   * @param context the encryption context it is bound to (needed again to unwrap it)
   */
  public record WrappedDataKey(String keyArn, String encryptedDataKey, Map<String, String> context) {}

  public static WrappedDataKey create(String kmsKeyId, Map<String, String> context, String region, String endpoint) {
    GenerateDataKeyWithoutPlaintextResponse response;
    try {
      response = AwsClients.kms(region, endpoint).generateDataKeyWithoutPlaintext(r -> r.keyId(kmsKeyId)
          .keySpec(DataKeySpec.AES_256).encryptionContext(context));
    } catch (SdkException e) {
      throw new KeyException("Cannot create a data key with KMS key " + kmsKeyId + ": " + AwsErrors.describe(e), e);
    }
    return new WrappedDataKey(response.keyId(), Base64.getEncoder().encodeToString(response.ciphertextBlob().asByteArray()),
        Map.copyOf(context));
  }
}
