package io.shroud.connectors.keys;

import io.shroud.core.keys.KeyProvider;
import io.shroud.core.keys.KeyProviderFactory;
import io.shroud.core.keys.LocalKeyFileProvider;

/** Every key source: local files, Secrets Manager and KMS-wrapped data keys. Serializable, no state. */
public record AwsKeyProviderFactory() implements KeyProviderFactory {
  @Override
  public KeyProvider create() {
    KeyProvider files = new LocalKeyFileProvider();
    KeyProvider secrets = new SecretsManagerKeyProvider();
    KeyProvider kms = new KmsEnvelopeKeyProvider();
    return spec -> switch (spec.source()) {
      case FILE -> files.get(spec);
      case SECRETS_MANAGER -> secrets.get(spec);
      case KMS_WRAPPED -> kms.get(spec);
    };
  }
}
