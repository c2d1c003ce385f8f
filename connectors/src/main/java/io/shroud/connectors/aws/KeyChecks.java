package io.shroud.connectors.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;

/** The output KMS key is customer-managed, enabled, and rotates (DescribeKey, GetKeyRotationStatus). */
final class KeyChecks {
  private final KmsClient kms;

  KeyChecks(KmsClient kms) {
    this.kms = kms;
  }

  /** The key's metadata and what is wrong with it, if anything. */
  record Result(Optional<KeyMetadata> metadata, Optional<String> problem) {}

  Result check(String keyId) {
    KeyMetadata key = kms.describeKey(r -> r.keyId(keyId)).keyMetadata();
    List<String> problems = new ArrayList<>();
    if (key.keyManager() != KeyManagerType.CUSTOMER) {
      problems.add("is " + key.keyManagerAsString() + "-managed, not customer-managed");
    }
    if (key.keyState() != KeyState.ENABLED || !Boolean.TRUE.equals(key.enabled())) {
      problems.add("is not enabled (state " + key.keyStateAsString() + ")");
    }
    if (problems.isEmpty()) {
      // GetKeyRotationStatus takes a key id or ARN, not an alias: use what DescribeKey resolved.
      Boolean rotating = kms.getKeyRotationStatus(r -> r.keyId(key.arn() != null ? key.arn() : key.keyId()))
          .keyRotationEnabled();
      if (!Boolean.TRUE.equals(rotating)) {
        problems.add("has automatic rotation off");
      }
    }
    return new Result(Optional.of(key), problems.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", problems)));
  }
}
