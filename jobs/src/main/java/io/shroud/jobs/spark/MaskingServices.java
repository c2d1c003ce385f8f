package io.shroud.jobs.spark;

import io.shroud.connectors.comprehend.ComprehendDetectorSource;
import io.shroud.connectors.comprehend.ComprehendSettings;
import io.shroud.connectors.keys.AwsKeyProviderFactory;
import io.shroud.core.detect.DetectorSource;
import io.shroud.core.keys.KeyProviderFactory;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What the masking tasks reach outside the JVM for: keys (local files, Secrets Manager, KMS) and
 * remote detectors (Amazon Comprehend when a policy turns it on). Both are Serializable factories
 * whose clients are built lazily on the executors, never holding key material when shipped. Passed
 * to {@link MaskStage} so a job (or a test) decides which ones a run uses.
 */
public record MaskingServices(KeyProviderFactory keys, DetectorSource remote) implements Serializable {
  public MaskingServices {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(remote, "remote");
  }

  /**
   * The production services: AWS-backed key providers, and Comprehend with a cost guard for this run
   * when the policy turns it on ({@code policy.extension(ComprehendSettings.class)}).
   */
  public static MaskingServices forRun(Optional<ComprehendSettings> comprehend) {
    return new MaskingServices(new AwsKeyProviderFactory(), new ComprehendDetectorSource(UUID.randomUUID().toString(),
        comprehend));
  }
}
