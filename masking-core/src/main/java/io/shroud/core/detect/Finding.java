package io.shroud.core.detect;

import java.util.Objects;

/**
 * One piece of personal data found in a text: where it is and why we think so, never what it is.
 *
 * @param type the entity type
 * @param start first UTF-16 offset (inclusive)
 * @param end last UTF-16 offset (exclusive)
 * @param score confidence between 0 and 1
 * @param detectorId which detector found it
 * @param reason short explanation (validator result, context), without the matched text
 */
public record Finding(EntityType type, int start, int end, double score, String detectorId, String reason) {
  public Finding {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(detectorId, "detectorId");
    Objects.requireNonNull(reason, "reason");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("Invalid span " + start + ".." + end);
    }
    score = Math.max(0.0, Math.min(1.0, score));
  }

  public int length() {
    return end - start;
  }

  public boolean overlaps(Finding other) {
    return start < other.end && other.start < end;
  }

  public Finding withScore(double newScore, String newReason) {
    return new Finding(type, start, end, newScore, detectorId, newReason);
  }
}
