package io.shroud.core.detect;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A detector built from a candidate pattern, a validator and context words. Patterns must be free
 * of nested unbounded quantifiers so matching stays linear on adversarial input. One matcher is
 * kept and reset per text (detectors are per thread), so scanning allocates nothing per text.
 */
public abstract class RegexDetector implements Detector {
  private final String id;
  private final EntityType type;
  private final Pattern pattern;
  private final ContextWords context;
  private final boolean contextRequired;
  private Matcher matcher;

  protected RegexDetector(String id, EntityType type, Pattern pattern, List<String> contextWords) {
    this(id, type, pattern, new ContextWords(contextWords), false);
  }

  /**
   * @param contextRequired when true, candidates are reported only if a context word is near them
   *     or in the column name (for shapes that are mostly something else: 3-digit CVVs, zip codes)
   */
  protected RegexDetector(String id, EntityType type, Pattern pattern, ContextWords context,
      boolean contextRequired) {
    this.id = id;
    this.type = type;
    this.pattern = pattern;
    this.context = context;
    this.contextRequired = contextRequired;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final EntityType entityType() {
    return type;
  }

  protected final ContextWords context() {
    return context;
  }

  /** Cheap test that lets most texts skip the regex entirely. */
  protected boolean mayContain(TextFeatures features) {
    return true;
  }

  /**
   * Scores one candidate. Returns null to reject it; otherwise a base score (before context) and a
   * reason that does not contain the matched text.
   */
  protected abstract Score evaluate(Matcher match, String text, DetectionContext context);

  @Override
  public void detect(String text, TextFeatures features, DetectionContext detectionContext, List<Finding> out) {
    if (text.isEmpty() || !mayContain(features)) {
      return;
    }
    if (contextRequired && !context.mayApply(features, detectionContext)) {
      return;
    }
    Matcher m = matcher == null ? (matcher = pattern.matcher(text)) : matcher.reset(text);
    // Lookbehinds must see text before a region start (see the resume below).
    m.useTransparentBounds(true);
    m.useAnchoringBounds(false);
    boolean found = m.find();
    for (; found; found = m.find()) {
      Score score = evaluate(m, text, detectionContext);
      if (score == null) {
        continue;
      }
      int start = score.start() >= 0 ? score.start() : m.start();
      int end = score.end() >= 0 ? score.end() : m.end();
      if (end < m.end()) {
        // The finding is shorter than the greedy match: resume right after it, not after the match.
        m.region(end, text.length());
      }
      ContextWords.Support support = context.support(features, start, end, detectionContext);
      if (support == ContextWords.Support.NONE && (contextRequired || context.suppressed(features, start))) {
        continue;
      }
      double value = score.value();
      String reason = score.reason();
      if (support == ContextWords.Support.COLUMN) {
        value += ContextWords.COLUMN_BOOST;
        reason += "; column name";
      } else if (support == ContextWords.Support.TEXT) {
        value += ContextWords.TEXT_BOOST;
        reason += "; context word";
      }
      out.add(new Finding(type, start, end, value, id, reason));
    }
  }

  /**
   * A base score with its reason, optionally for a narrower span than the regex match (start and end
   * are -1 to use the match span).
   */
  protected record Score(double value, String reason, int start, int end) {
    public Score(double value, String reason) {
      this(value, reason, -1, -1);
    }
  }

  static boolean hasDigits(String text, int atLeast) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9' && ++count >= atLeast) {
        return true;
      }
    }
    return false;
  }

  static int countDigits(CharSequence s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        n++;
      }
    }
    return n;
  }

  /** Whether the characters of text in [start, end) are all ASCII digits. */
  static boolean allDigits(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return s.length() > 0;
  }
}
