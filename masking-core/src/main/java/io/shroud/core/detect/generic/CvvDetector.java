package io.shroud.core.detect.generic;

import io.shroud.core.detect.ContextWords;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextGate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Card security codes (3 or 4 digits), reported only next to "cvv", "cvc", "security code" and the like. */
public final class CvvDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile("(?<![\\w/.,:-])\\d{3,4}(?![\\w/:-]|[.,]\\d)");

  public CvvDetector() {
    super("cvv", EntityType.CVV, CANDIDATE, new ContextWords(List.of(
        "cvv", "cvc", "cvv2", "cvc2", "cid", "csc", "security code", "card verification")), true);
    digitRun(3);
  }

  @Override
  public TextGate gate() {
    return declaredDigitGate();
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    return new Score(0.3, "3-4 digits");
  }
}
