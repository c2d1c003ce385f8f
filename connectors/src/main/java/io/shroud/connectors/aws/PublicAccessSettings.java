package io.shroud.connectors.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The four Block Public Access settings, for buckets (S3) and accounts (S3 Control) alike. */
final class PublicAccessSettings {
  private PublicAccessSettings() {}

  /** Empty when all four are on; otherwise which are off (an unset setting is off). */
  static Optional<String> problem(Boolean blockPublicAcls, Boolean ignorePublicAcls, Boolean blockPublicPolicy,
      Boolean restrictPublicBuckets) {
    List<String> off = new ArrayList<>();
    if (!Boolean.TRUE.equals(blockPublicAcls)) {
      off.add("BlockPublicAcls");
    }
    if (!Boolean.TRUE.equals(ignorePublicAcls)) {
      off.add("IgnorePublicAcls");
    }
    if (!Boolean.TRUE.equals(blockPublicPolicy)) {
      off.add("BlockPublicPolicy");
    }
    if (!Boolean.TRUE.equals(restrictPublicBuckets)) {
      off.add("RestrictPublicBuckets");
    }
    return off.isEmpty() ? Optional.empty()
        : Optional.of("Block Public Access is not fully on (off: " + String.join(", ", off) + ")");
  }
}
