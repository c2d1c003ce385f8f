package io.shroud.core.detect.ner;

import java.util.Arrays;
import opennlp.tools.util.Span;

/**
 * Start and end offsets of a sentence's tokens, in one reusable int array. The tokenizer fills one per
 * sentence; a {@code Span} per token would be an object (and a copy into an array) per word of every
 * text scanned. Not thread-safe: one per tokenizer, like the tokenizer itself.
 */
final class TokenBounds {
  private int[] bounds = new int[128];
  private int count;

  void clear() {
    count = 0;
  }

  void add(int start, int end) {
    if (2 * count + 2 > bounds.length) {
      bounds = Arrays.copyOf(bounds, bounds.length * 2);
    }
    bounds[2 * count] = start;
    bounds[2 * count + 1] = end;
    count++;
  }

  int count() {
    return count;
  }

  int start(int token) {
    return bounds[2 * token];
  }

  int end(int token) {
    return bounds[2 * token + 1];
  }

  /** The tokens as OpenNLP spans (for comparisons with OpenNLP's own tokenizer). */
  Span[] toSpans() {
    Span[] spans = new Span[count];
    for (int i = 0; i < count; i++) {
      spans[i] = new Span(start(i), end(i));
    }
    return spans;
  }
}
