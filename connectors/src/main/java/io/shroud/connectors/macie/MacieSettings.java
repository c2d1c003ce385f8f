package io.shroud.connectors.macie;

import java.io.Serializable;
import java.util.Objects;

/**
 * Amazon Macie sensitive-data findings as column hints: the {@code detection.macie} section, read by
 * {@link MacieParser}.
 *
 * @param region Macie's region (the input bucket's)
 * @param endpointOrNull a VPC interface endpoint or a test server, or null for the public one
 * @param bucketOrNull the bucket the findings are about; null means the input path's bucket
 * @param prefixOrNull only objects under this key prefix; null means the input path's prefix
 * @param maxFindings the most findings read (newest first)
 * @param detailedResults also read the JSON-lines discovery results at each finding's
 *     {@code detailedResultsLocation}, which list more occurrences than the finding itself
 * @param allowInsecureEndpoint permits an {@code http://} endpoint (local testing only)
 */
public record MacieSettings(
    String region,
    String endpointOrNull,
    String bucketOrNull,
    String prefixOrNull,
    int maxFindings,
    boolean detailedResults,
    boolean allowInsecureEndpoint) implements Serializable {

  public MacieSettings {
    Objects.requireNonNull(region, "region");
    if (maxFindings < 1) {
      throw new IllegalArgumentException("maxFindings must be at least 1, got " + maxFindings);
    }
  }
}
