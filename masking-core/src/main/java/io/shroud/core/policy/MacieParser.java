package io.shroud.core.policy;

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
    String region = m.string("region").orElseThrow(() -> m.error(null,
        "'detection.macie' needs a 'region' (the input bucket's, such as us-east-1)"));
    if (!region.matches("[a-z]{2}(-gov)?-[a-z]+-\\d")) {
      throw m.error("region", "invalid region '" + region + "' in 'detection.macie.region'; expected one such as us-east-1");
    }
    boolean insecure = m.bool("allowInsecureEndpoint").orElse(false);
    String endpoint = m.string("endpoint").orElse(null);
    if (endpoint != null && !endpoint.startsWith("https://") && !(insecure && endpoint.startsWith("http://"))) {
      throw m.error("endpoint", "invalid endpoint '" + endpoint + "' in 'detection.macie.endpoint': expected https://"
          + " (plain http only with allowInsecureEndpoint: true, for local testing)");
    }
    int maxFindings = m.integer("maxFindings").orElse(500);
    if (maxFindings < 1) {
      throw m.error("maxFindings", "'detection.macie.maxFindings' must be at least 1, got " + maxFindings);
    }
    return new MacieSettings(region, endpoint, m.string("bucket").orElse(null), m.string("prefix").orElse(null),
        maxFindings, m.bool("detailedResults").orElse(true), insecure);
  }
}
