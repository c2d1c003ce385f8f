package io.shroud.core.utility;

import java.io.Serializable;
import java.util.Objects;

/**
 * One column's values paired before/after (same row, same element position): how many changed, the
 * realised change of numbers and dates, and what {@link TextDiff} finds in texts.
 */
final class PairAccumulator implements Serializable {
  long pairs;
  long changed;
  /** Rows where a leaf inside arrays has another number of elements after: changed, not paired. */
  long unaligned;
  long texts;
  long changedTexts;
  long tokens;
  long tokensMasked;
  long characters;
  long charactersMasked;
  final Moments numbers = new Moments();
  final Moments days = new Moments();

  void add(Cell b, Cell a) {
    String before = b.text();
    String after = a.text();
    pairs++;
    boolean same = Objects.equals(before, after);
    if (!same) {
      changed++;
    }
    if (b.number() != null && a.number() != null) {
      numbers.add(b.number(), a.number());
    }
    if (b.day() != null && a.day() != null) {
      days.add(b.day(), a.day());
    }
    if (before != null) {
      TextDiff.Change change = TextDiff.of(before, after == null ? "" : after);
      texts++;
      changedTexts += same ? 0 : 1;
      tokens += change.tokens();
      tokensMasked += change.tokensMasked();
      characters += change.characters();
      charactersMasked += change.charactersMasked();
    }
  }

  void unaligned() {
    pairs++;
    changed++;
    unaligned++;
  }

  void merge(PairAccumulator o) {
    pairs += o.pairs;
    changed += o.changed;
    unaligned += o.unaligned;
    texts += o.texts;
    changedTexts += o.changedTexts;
    tokens += o.tokens;
    tokensMasked += o.tokensMasked;
    characters += o.characters;
    charactersMasked += o.charactersMasked;
    numbers.merge(o.numbers);
    days.merge(o.days);
  }
}
