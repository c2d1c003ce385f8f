package io.shroud.connectors.macie;

import io.shroud.connectors.aws.ServiceEndpoints;
import io.shroud.core.policy.PolicyExtension;
import io.shroud.core.policy.YamlObject;
import java.util.Optional;

/** Parses {@code detection.macie}. */
public final class MacieParser implements PolicyExtension<MacieSettings> {
  public static final MacieParser INSTANCE = new MacieParser();

  private MacieParser() {}

  @Override
  public Class<MacieSettings> type() {
    return MacieSettings.class;
  }

  @Override
  public Placement placement() {
    return Placement.DETECTION;
  }

  @Override
  public String key() {
    return "macie";
  }

  @Override
  public Optional<MacieSettings> parse(YamlObject detection, CoreSections core) {
    Optional<YamlObject> section = detection.object("macie");
    if (section.isEmpty()) {
      return Optional.empty();
    }
    YamlObject m = section.get();
    m.allowOnly("enabled", "region", "endpoint", "bucket", "prefix", "maxFindings", "detailedResults",
        "allowInsecureEndpoint");
    if (!m.bool("enabled").orElse(true)) {
      return Optional.empty();
    }
    String region = ServiceEndpoints.region(m, "the input bucket's, such as us-east-1");
    boolean insecure = m.bool("allowInsecureEndpoint").orElse(false);
    String endpoint = ServiceEndpoints.endpoint(m);
    int maxFindings = m.integer("maxFindings").orElse(500);
    if (maxFindings < 1) {
      throw m.error("maxFindings", "'detection.macie.maxFindings' must be at least 1, got " + maxFindings);
    }
    return Optional.of(new MacieSettings(region, endpoint, m.string("bucket").orElse(null),
        m.string("prefix").orElse(null), maxFindings, m.bool("detailedResults").orElse(true), insecure));
  }
}
