package io.shroud.connectors.comprehend;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Amazon Comprehend DetectPiiEntities as an extra, remote detector for free-text columns: the
 * {@code detection.comprehend} section, read by {@link ComprehendParser}. Off unless a policy turns it
 * on, because it sends text out of the cluster (to the regional service or a VPC endpoint) and costs
 * money per character.
 *
 * @param region the service region
 * @param endpointOrNull a VPC interface endpoint (https) or a test server, or null for the public one
 * @param languageCode the texts' language ({@code en} or {@code es})
 * @param minScore Comprehend findings below this score are ignored
 * @param columns the columns whose cells are sent; empty means every column scanned as free text
 * @param maxCharacters cost guard: the most characters one executor JVM sends in a run
 * @param requestsPerSecond rate limit per executor JVM
 * @param allowInsecureEndpoint permits an {@code http://} endpoint (local testing only)
 */
public record ComprehendSettings(
    String region,
    String endpointOrNull,
    String languageCode,
    double minScore,
    List<String> columns,
    long maxCharacters,
    double requestsPerSecond,
    boolean allowInsecureEndpoint) implements Serializable {

  public static final List<String> LANGUAGES = List.of("en", "es");

  public ComprehendSettings {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(languageCode, "languageCode");
    columns = List.copyOf(columns);
    if (!LANGUAGES.contains(languageCode)) {
      throw new IllegalArgumentException("languageCode must be one of " + LANGUAGES + ", got " + languageCode);
    }
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new IllegalArgumentException("minScore must be between 0 and 1, got " + minScore);
    }
    if (maxCharacters < 1) {
      throw new IllegalArgumentException("maxCharacters must be at least 1, got " + maxCharacters);
    }
    if (!(requestsPerSecond > 0)) {
      throw new IllegalArgumentException("requestsPerSecond must be positive, got " + requestsPerSecond);
    }
  }

  /** Whether cells of {@code column} go to Comprehend. */
  public boolean covers(String column) {
    return columns.isEmpty() || columns.contains(column);
  }
}
