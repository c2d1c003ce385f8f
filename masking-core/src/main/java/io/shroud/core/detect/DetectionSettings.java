package io.shroud.core.detect;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * How columns are profiled and how confident a finding must be. Remote detectors (Amazon Comprehend)
 * and column hints (Amazon Macie) are configured by their own policy sections, read in connectors.
 *
 * @param sampleSize rows sampled per column to classify it
 * @param minConfidence findings below this score are ignored (0..1)
 * @param classifyThreshold share of sampled non-empty values that must be a whole-value match of one
 *     entity type for the column to be classified as that type (0..1)
 * @param phoneRegions ISO 3166 regions tried for phone numbers written without a country code
 * @param scanOptions the policy's allow list, deny list and custom detectors
 * @param ner named-entity recognition of people, places and organizations in free text
 */
public record DetectionSettings(
    int sampleSize, double minConfidence, double classifyThreshold, List<String> phoneRegions,
    ScanOptions scanOptions, NerSettings ner) implements Serializable {

  public static final DetectionSettings DEFAULTS = of(1000, 0.5, 0.6, List.of("US"));

  public DetectionSettings {
    Objects.requireNonNull(scanOptions, "scanOptions");
    Objects.requireNonNull(ner, "ner");
    if (sampleSize < 1) {
      throw new IllegalArgumentException("sampleSize must be at least 1, got " + sampleSize);
    }
    requireFraction("minConfidence", minConfidence);
    requireFraction("classifyThreshold", classifyThreshold);
    if (phoneRegions.isEmpty()) {
      throw new IllegalArgumentException("phoneRegions must name at least one region");
    }
    phoneRegions = List.copyOf(phoneRegions);
  }

  /** These thresholds and regions with no allow or deny list or custom detectors, and the default NER. */
  public static DetectionSettings of(int sampleSize, double minConfidence, double classifyThreshold,
      List<String> phoneRegions) {
    return new DetectionSettings(sampleSize, minConfidence, classifyThreshold, phoneRegions, ScanOptions.NONE,
        NerSettings.DEFAULTS);
  }

  public DetectionSettings withSampleSize(int size) {
    return new DetectionSettings(size, minConfidence, classifyThreshold, phoneRegions, scanOptions, ner);
  }

  public DetectionSettings withScanOptions(ScanOptions newScanOptions) {
    return new DetectionSettings(sampleSize, minConfidence, classifyThreshold, phoneRegions, newScanOptions, ner);
  }

  public DetectionSettings withNer(NerSettings newNer) {
    return new DetectionSettings(sampleSize, minConfidence, classifyThreshold, phoneRegions, scanOptions, newNer);
  }

  private static void requireFraction(String name, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
    }
  }
}
