package io.shroud.core.detect.national;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Italian fiscal codes (codice fiscale): 6 letters, birth year, month letter, day, municipality and
 * a check letter computed from odd/even position tables. Digits may be replaced by letters
 * (omocodia) when two people would otherwise share a code.
 */
public final class ItFiscalCodeDetector extends RegexDetector {
  private static final String D = "[0-9LMNPQRSTUV]";
  private static final Pattern CANDIDATE = Pattern.compile("(?i)(?<![a-z0-9])[a-z]{6}" + D + "{2}[abcdehlmprst]"
      + D + "{2}[a-z]" + D + "{3}[a-z](?![a-z0-9])");
  // Values of characters in odd (1st, 3rd, ...) positions, indexed by digit or letter.
  private static final int[] ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16,
      10, 22, 25, 24, 23};

  public ItFiscalCodeDetector() {
    super("it_fiscal_code", EntityType.IT_FISCAL_CODE, CANDIDATE,
        List.of("codice fiscale", "fiscal code", "cf", "tax code"));
  }

  @Override
  protected boolean mayContain(TextFeatures features) {
    return features.maxTokenRun() >= 16 && features.digits() >= 1;
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    String code = match.group().toUpperCase(Locale.ROOT);
    return checkCharacter(code) == code.charAt(15) ? new Score(0.85, "check character valid") : null;
  }

  static char checkCharacter(String code) {
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char c = code.charAt(i);
      int index = c >= '0' && c <= '9' ? c - '0' : c - 'A';
      sum += i % 2 == 0 ? ODD[index] : index;
    }
    return (char) ('A' + sum % 26);
  }
}
