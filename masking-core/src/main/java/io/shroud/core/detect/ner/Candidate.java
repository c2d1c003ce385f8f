package io.shroud.core.detect.ner;

import io.shroud.core.detect.EntityType;
import java.util.Locale;

/** A token span that may be a name, with the evidence gathered for it. */
final class Candidate {
  EntityType type;
  int start;
  int end;
  /** The name finder's probability, 0 when only a pattern proposed the span. */
  double model;
  /** Pattern evidence: which pattern proposed or confirmed the span (null if none). */
  String pattern;
  double score;
  /** A reason set where the span was made otherwise than by the model and patterns (a proper noun). */
  String fixedReason;

  Candidate(EntityType type, int start, int end, double model) {
    this.type = type;
    this.start = start;
    this.end = end;
    this.model = model;
  }

  int length() {
    return end - start;
  }

  /** Why it was reported, without the text. */
  String reason() {
    if (fixedReason != null) {
      return fixedReason;
    }
    StringBuilder sb = new StringBuilder("ner ").append(type.name().toLowerCase(Locale.ROOT));
    if (model > 0) {
      sb.append(", model ").append(TwoDecimals.of(model));
    }
    if (pattern != null) {
      sb.append(", ").append(pattern);
    }
    return sb.append(", confidence ").append(TwoDecimals.of(score)).toString();
  }
}
