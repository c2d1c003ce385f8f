package io.shroud.core.detect.national;

import io.shroud.core.detect.ContextWords;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextGate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US bank account numbers: 8 to 17 digits. There is no checksum and every other long number has the
 * same shape, so they are reported only next to words like "account", "acct" or "checking".
 */
public final class UsBankAccountDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile("(?<![\\w.,/-])\\d{8,17}(?![\\w/-]|[.,]\\d)");
  private static final ContextWords CONTEXT = new ContextWords(List.of(
      "account", "acct", "a/c", "checking", "savings", "bank account", "account number", "deposit"));

  public UsBankAccountDetector() {
    super("us_bank_account", EntityType.US_BANK_ACCOUNT, CANDIDATE, CONTEXT, true);
    contiguousDigitRun(8);
  }

  @Override
  public TextGate gate() {
    return declaredDigitGate();
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    return new Score(0.3, "8-17 digits");
  }
}
