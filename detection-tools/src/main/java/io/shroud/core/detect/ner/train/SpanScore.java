package io.shroud.core.detect.ner.train;

import java.util.Locale;

/**
 * Span-level counts for one type. A finding matches a labelled span when their character ranges
 * overlap (as in the synth-dataset pattern test): recall counts labelled spans hit by a finding,
 * precision counts findings that hit a labelled span.
 */
public record SpanScore(int gold, int goldMatched, int predicted, int predictedMatched) {
  public double recall() {
    return gold == 0 ? 1.0 : (double) goldMatched / gold;
  }

  public double precision() {
    return predicted == 0 ? 1.0 : (double) predictedMatched / predicted;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }

  SpanScore plus(SpanScore o) {
    return new SpanScore(gold + o.gold, goldMatched + o.goldMatched, predicted + o.predicted,
        predictedMatched + o.predictedMatched);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "P %.3f  R %.3f  F1 %.3f  (gold %d, found %d)", precision(), recall(), f1(),
        gold, predicted);
  }
}
