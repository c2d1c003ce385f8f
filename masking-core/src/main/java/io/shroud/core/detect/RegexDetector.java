package io.shroud.core.detect;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A detector built from a candidate pattern, a validator and context words. Patterns must be free
 * of nested unbounded quantifiers so matching stays linear on adversarial input.
 */
public abstract class RegexDetector implements Detector {
  private final String id;
  private final EntityType type;
  private final Pattern pattern;
  private final ContextWords context;

  protected RegexDetector(String id, EntityType type, Pattern pattern, List<String> contextWords) {
    this.id = id;
    this.type = type;
    this.pattern = pattern;
    this.context = new ContextWords(contextWords);
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final EntityType entityType() {
    return type;
  }

  /** Cheap test that lets most texts skip the regex entirely. */
  protected boolean mayContain(String text) {
    return true;
  }

  /**
   * Scores one candidate. Returns null to reject it; otherwise a base score (before context) and a
   * reason that does not contain the matched text.
   */
  protected abstract Score evaluate(Matcher match, String text, DetectionContext context);

  @Override
  public void detect(String text, DetectionContext detectionContext, List<Finding> out) {
    if (text.isEmpty() || !mayContain(text)) {
      return;
    }
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      Score score = evaluate(matcher, text, detectionContext);
      if (score == null) {
        continue;
      }
      Finding finding = new Finding(type, matcher.start(), matcher.end(), score.value(), id, score.reason());
      out.add(context.apply(finding, text, detectionContext));
    }
  }

  /** A base score with its reason. */
  protected record Score(double value, String reason) {}

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
}
