package io.shroud.core.detect;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How columns are profiled and how confident a finding must be.
 *
 * @param sampleSize rows sampled per column to classify it
 * @param minConfidence findings below this score are ignored (0..1)
 * @param classifyThreshold share of sampled non-empty values that must be a whole-value match of one
 *     entity type for the column to be classified as that type (0..1)
 * @param phoneRegions ISO 3166 regions tried for phone numbers written without a country code
 * @param scanOptions the policy's allow list, deny list and custom detectors
 * @param ner named-entity recognition of people, places and organizations in free text
 * @param comprehendOrNull Amazon Comprehend as a remote detector for free text, or null when off
 * @param macieOrNull Amazon Macie findings as column hints, or null when off
 */
public record DetectionSettings(
    int sampleSize, double minConfidence, double classifyThreshold, List<String> phoneRegions,
    ScanOptions scanOptions, NerSettings ner, ComprehendSettings comprehendOrNull,
    MacieSettings macieOrNull) implements Serializable {

  public static final DetectionSettings DEFAULTS = new DetectionSettings(1000, 0.5, 0.6, List.of("US"));

  public DetectionSettings(int sampleSize, double minConfidence, double classifyThreshold, List<String> phoneRegions) {
    this(sampleSize, minConfidence, classifyThreshold, phoneRegions, ScanOptions.NONE);
  }

  public DetectionSettings(int sampleSize, double minConfidence, double classifyThreshold, List<String> phoneRegions,
      ScanOptions scanOptions) {
    this(sampleSize, minConfidence, classifyThreshold, phoneRegions, scanOptions, NerSettings.DEFAULTS);
  }

  public DetectionSettings(int sampleSize, double minConfidence, double classifyThreshold, List<String> phoneRegions,
      ScanOptions scanOptions, NerSettings ner) {
    this(sampleSize, minConfidence, classifyThreshold, phoneRegions, scanOptions, ner, null, null);
  }

  public DetectionSettings(int sampleSize, double minConfidence, double classifyThreshold, List<String> phoneRegions,
      ScanOptions scanOptions, ComprehendSettings comprehendOrNull) {
    this(sampleSize, minConfidence, classifyThreshold, phoneRegions, scanOptions, NerSettings.DEFAULTS,
        comprehendOrNull, null);
  }

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

  public Optional<ComprehendSettings> comprehend() {
    return Optional.ofNullable(comprehendOrNull);
  }

  public Optional<MacieSettings> macie() {
    return Optional.ofNullable(macieOrNull);
  }

  public DetectionSettings withSampleSize(int size) {
    return new DetectionSettings(size, minConfidence, classifyThreshold, phoneRegions, scanOptions, ner, comprehendOrNull,
        macieOrNull);
  }

  public DetectionSettings withNer(NerSettings newNer) {
    return new DetectionSettings(sampleSize, minConfidence, classifyThreshold, phoneRegions, scanOptions, newNer,
        comprehendOrNull, macieOrNull);
  }

  private static void requireFraction(String name, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
    }
  }
}
