package io.shroud.connectors.comprehend;

import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.Detector;
import io.shroud.core.detect.DetectorSource;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.comprehend.ComprehendClient;

/**
 * Adds the Comprehend detector when the policy turns it on. Serializable (it carries the run id and the
 * policy's {@code detection.comprehend} settings only);
 * the client is built once per executor JVM and endpoint, with the SDK's standard retry strategy
 * (exponential backoff with jitter on throttling), five attempts.
 */
public final class ComprehendDetectorSource implements DetectorSource {
  private static final long serialVersionUID = 1L;
  private static final Map<String, ComprehendClient> CLIENTS = new ConcurrentHashMap<>();

  private final String runId;
  private final ComprehendSettings settingsOrNull;

  /** Comprehend with {@code settings} for run {@code runId}; no detector when the settings are empty (off). */
  public ComprehendDetectorSource(String runId, Optional<ComprehendSettings> settings) {
    this.runId = runId;
    this.settingsOrNull = settings.orElse(null);
  }

  @Override
  public List<Detector> create(DetectionSettings detection) {
    if (settingsOrNull == null) {
      return List.of();
    }
    ComprehendSettings c = settingsOrNull;
    return List.of(new ComprehendDetector(c, client(c), ComprehendBudget.forRun(runId, c.maxCharacters(),
        c.requestsPerSecond())));
  }

  /** Characters this JVM sent to Comprehend in the run, for tests and the progress line. */
  public long charactersSent(ComprehendSettings settings) {
    return ComprehendBudget.forRun(runId, settings.maxCharacters(), settings.requestsPerSecond()).sent();
  }

  static ComprehendClient client(ComprehendSettings c) {
    return CLIENTS.computeIfAbsent(c.region() + "|" + c.endpointOrNull(), k -> {
      var builder = ComprehendClient.builder()
          .httpClient(UrlConnectionHttpClient.create())
          .region(Region.of(c.region()))
          .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
              .maxAttempts(5).build()));
      if (c.endpointOrNull() != null) {
        builder.endpointOverride(URI.create(c.endpointOrNull()));
      }
      return builder.build();
    });
  }
}
