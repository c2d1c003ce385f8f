package io.shroud.core.detect.generic;

import io.shroud.core.detect.ContextWords;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Card expiry dates (MM/YY, MM/YYYY), reported only next to "exp", "expiry", "valid thru" and the like. */
public final class CardExpiryDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile(
      "(?<![\\d/.-])(?:0[1-9]|1[0-2])\\s?[/-]\\s?(?:\\d{2}|20\\d{2})(?![\\d/.-])");

  public CardExpiryDetector() {
    super("credit_card_expiry", EntityType.CREDIT_CARD_EXPIRY, CANDIDATE, new ContextWords(List.of(
        "exp", "expiry", "expires", "expiration", "exp date", "valid thru", "valid through", "expiry date")), true);
  }

  @Override
  public TextGate gate() {
    return TextGate.digits(4).withAnyOf('/', '-');
  }

  @Override
  protected boolean mayContain(TextFeatures features) {
    return features.digits() >= 4 && (features.has('/') || features.has('-'));
  }

  @Override
  protected int minClusterDigits(TextFeatures features) {
    return 3;
  }

  @Override
  protected int clusterMarginBefore() {
    return 0;
  }

  @Override
  protected int clusterMarginAfter() {
    return 0;
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    return new Score(0.3, "month/year");
  }
}
