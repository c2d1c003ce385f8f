package io.shroud.core.detect;

import java.io.Serializable;

/**
 * Named-entity recognition in free text (people, places, organizations).
 *
 * @param enabled whether the NER detector runs at all (on by default: names are the PII that leaks
 *     most from free text)
 * @param threshold combined confidence (statistical model plus dictionary and pattern evidence) a
 *     name, place or organization must reach to be reported (0..1)
 * @param unknownProperNouns whether a capitalised word inside a sentence that no dictionary knows and
 *     the model did not place ("Persint", "Lawdragon") is reported as {@code PROPER_NOUN} (confidence
 *     {@link #PROPER_NOUN_CONFIDENCE}): fail closed, since such words are mostly names of people,
 *     companies and places; brand and product names get masked too
 */
public record NerSettings(boolean enabled, double threshold, boolean unknownProperNouns) implements Serializable {
  /** Confidence of an unknown proper noun: reported at the default threshold, not above it. */
  public static final double PROPER_NOUN_CONFIDENCE = 0.5;
  /**
   * 0.5: the best F1 for PERSON on the held-out generated texts (0.820; 0.811 at 0.6), and a masking
   * tool should rather mask a word too many than leak a name.
   */
  public static final NerSettings DEFAULTS = new NerSettings(true, 0.5, true);
  public static final NerSettings DISABLED = new NerSettings(false, 0.5, false);

  /** With unknown proper nouns reported, as by default. */
  public NerSettings(boolean enabled, double threshold) {
    this(enabled, threshold, true);
  }

  public NerSettings {
    if (!(threshold >= 0.0 && threshold <= 1.0)) {
      throw new IllegalArgumentException("threshold must be between 0 and 1, got " + threshold);
    }
  }
}
