package io.shroud.core.detect.ner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the NER pipeline made of a sentence it has seen before in this task: its mentions and its
 * capitalised tokens, with offsets relative to the sentence. A sentence's result depends only on its
 * text and on whether it could be a town field after an address line (which the caller passes in), so
 * a remembered result is the result. Templated text repeats sentences even where whole cells differ
 * ("Please email me at <address> about the refund." splits into a unique part and "about the
 * refund."), and a repeated sentence then costs one lookup instead of tokenizing and tagging.
 * Bounded by the characters it holds; switches itself off when sentences do not repeat. One per
 * detector (per thread and task); sentences never leave the JVM.
 */
final class SentenceMemo {
  static final int MAX_SENTENCE = 1_024;
  static final long MAX_CHARS = 2_000_000;
  static final int PROBATION = 50_000;
  static final double MIN_HIT_RATE = 0.02;

  /** A sentence's outcome: mentions relative to its start, capitalised token ranges as start/end pairs. */
  record Outcome(List<NerDetector.Mention> mentions, int[] capitalised) {}

  private final Map<String, Outcome> plain = new HashMap<>();
  private final Map<String, Outcome> afterAddress = new HashMap<>();
  private long chars;
  private long lookups;
  private long hits;
  private boolean off;

  Outcome get(String sentence, boolean afterAddressLine) {
    if (off || sentence.length() > MAX_SENTENCE) {
      return null;
    }
    lookups++;
    Outcome known = (afterAddressLine ? afterAddress : plain).get(sentence);
    if (known != null) {
      hits++;
    } else if (lookups >= PROBATION && hits < MIN_HIT_RATE * lookups) {
      off = true;
      plain.clear();
      afterAddress.clear();
    }
    return known;
  }

  void put(String sentence, boolean afterAddressLine, Outcome outcome) {
    if (off || sentence.length() > MAX_SENTENCE || chars + sentence.length() > MAX_CHARS) {
      return;
    }
    if ((afterAddressLine ? afterAddress : plain).putIfAbsent(sentence, outcome) == null) {
      chars += sentence.length();
    }
  }
}
