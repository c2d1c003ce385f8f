package io.shroud.connectors.aws;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/** Compares KMS key references given as key id, key ARN, alias name or alias ARN. */
final class KeyIds {
  private KeyIds() {}

  static boolean same(String a, String b, Optional<KeyMetadata> resolvedB) {
    Set<String> namesOfB = new HashSet<>();
    namesOfB.add(normalize(b));
    resolvedB.ifPresent(m -> {
      namesOfB.add(normalize(m.keyId()));
      namesOfB.add(normalize(m.arn()));
    });
    return namesOfB.contains(normalize(a));
  }

  /** {@code arn:aws:kms:R:A:key/ID} to {@code ID}, {@code arn:aws:kms:R:A:alias/N} to {@code alias/N}. */
  static String normalize(String ref) {
    if (ref == null) {
      return "";
    }
    if (ref.startsWith("arn:")) {
      int colon = ref.lastIndexOf(':');
      String resource = ref.substring(colon + 1);
      return resource.startsWith("key/") ? resource.substring(4) : resource;
    }
    return ref;
  }
}
