package io.shroud.core.policy;

import io.shroud.core.detect.MacieSettings;
import java.util.Optional;

/** Parses {@code detection.macie}. */
final class MacieParser {
  private MacieParser() {}

  static MacieSettings parse(YamlObject detection) {
    Optional<YamlObject> section = detection.object("macie");
    if (section.isEmpty()) {
      return null;
    }
    YamlObject m = section.get();
    m.allowOnly("enabled", "region", "endpoint", "bucket", "prefix", "maxFindings", "detailedResults",
        "allowInsecureEndpoint");
    if (!m.bool("enabled").orElse(true)) {
      return null;
    }
    String region = ServiceEndpoints.region(m, "the input bucket's, such as us-east-1");
    boolean insecure = m.bool("allowInsecureEndpoint").orElse(false);
    String endpoint = ServiceEndpoints.endpoint(m);
    int maxFindings = m.integer("maxFindings").orElse(500);
    if (maxFindings < 1) {
      throw m.error("maxFindings", "'detection.macie.maxFindings' must be at least 1, got " + maxFindings);
    }
    return new MacieSettings(region, endpoint, m.string("bucket").orElse(null), m.string("prefix").orElse(null),
        maxFindings, m.bool("detailedResults").orElse(true), insecure);
  }
}
