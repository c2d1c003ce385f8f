package io.shroud.connectors.aws;

import io.shroud.core.policy.PolicySource;
import io.shroud.core.policy.YamlObject;

/** The region and endpoint keys every AWS service section shares, validated the same way. */
public final class ServiceEndpoints {
  private ServiceEndpoints() {}

  /** The section's required {@code region}; {@code why} says what it is for. */
  public static String region(YamlObject section, String why) {
    String region = section.string("region").orElseThrow(() -> section.error(null,
        "'" + PolicySource.dotted(section.pointer()) + "' needs a 'region' (" + why + ")"));
    if (!region.matches("[a-z]{2}(-gov)?-[a-z]+-\\d")) {
      throw section.error("region", "invalid region '" + region + "' in '" + section.dotted("region")
          + "'; expected one such as us-east-1");
    }
    return region;
  }

  /** The optional {@code endpoint}: https, or http only with {@code allowInsecureEndpoint: true}. */
  public static String endpoint(YamlObject section) {
    boolean insecure = section.bool("allowInsecureEndpoint").orElse(false);
    String endpoint = section.string("endpoint").orElse(null);
    if (endpoint != null && !endpoint.startsWith("https://") && !(insecure && endpoint.startsWith("http://"))) {
      throw section.error("endpoint", "invalid endpoint '" + endpoint + "' in '" + section.dotted("endpoint")
          + "': expected https:// (plain http only with allowInsecureEndpoint: true, for local testing)");
    }
    return endpoint;
  }
}
