package io.shroud.core.detect;

import java.util.List;

/**
 * Finds one kind of personal data in text. Implementations are immutable after construction but may
 * hold per-thread state (matchers), so one instance serves one thread; build one set per Spark task.
 */
public interface Detector {
  /** Stable identifier, recorded with every finding. */
  String id();

  /** The entity type this detector reports. */
  EntityType entityType();

  /**
   * Appends findings in {@code text} to {@code out}. {@code features} describe the same text and are
   * shared by all detectors so each can cheaply skip texts that cannot hold its entity. Must finish
   * in time linear in the input.
   */
  void detect(String text, TextFeatures features, DetectionContext context, List<Finding> out);

  /**
   * Tells the detector the lowest score its scanner reports (the policy's {@code minConfidence}).
   * Detectors may skip work for candidates that could not reach it; a detector with a shape-only
   * tier (candidates without any context, scored {@link RegexDetector#SHAPE_ONLY_SCORE}) produces
   * it only when the threshold admits it. A detector used on its own assumes the default threshold.
   */
  default void reportingThreshold(double minConfidence) {}

  /**
   * What a text must have for this detector to find anything in it; the scanner skips the detector on
   * any other text. Asked after {@link #reportingThreshold} (a shape-only tier may widen it). Must be
   * implied by every path on which {@link #detect} adds a finding. {@link TextGate#NONE} (the default)
   * admits every text.
   */
  default TextGate gate() {
    return TextGate.NONE;
  }

  /** Convenience for a single detector: computes the text features itself. */
  default void detect(String text, DetectionContext context, List<Finding> out) {
    detect(text, TextFeatures.of(text), context, out);
  }
}
