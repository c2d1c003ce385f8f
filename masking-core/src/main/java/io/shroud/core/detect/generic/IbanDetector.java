package io.shroud.core.detect.generic;

import io.shroud.core.detect.ContextWords;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import io.shroud.core.detect.check.Checksums;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * International Bank Account Numbers: country code, two check digits and the country's exact length
 * (SWIFT IBAN registry), written compact or grouped by spaces or dashes (one kind), valid under ISO
 * 7064 MOD 97-10. The span ends where the country's length is reached, so a trailing word is not
 * swallowed.
 */
public final class IbanDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile(
      "(?<![A-Za-z0-9])[A-Za-z]{2}\\d{2}(?:[ -]?[A-Za-z0-9]){11,32}");
  static final Map<String, Integer> LENGTHS = lengths();

  public IbanDetector() {
    super("iban", EntityType.IBAN, CANDIDATE,
        new ContextWords(List.of("iban", "account", "bank", "transfer", "sepa", "wire")), false);
  }

  @Override
  public TextGate gate() {
    return TextGate.digits(4).withLetters(2);
  }

  @Override
  protected boolean mayContain(TextFeatures features) {
    if (features.digits() < 4 || features.length() < 15) {
      return false;
    }
    // An IBAN starts with two letters and two digits at a word start.
    String text = features.text();
    if (features.ascii()) {
      return asciiStart(text, features.numericClusters());
    }
    for (int i = 0; i + 3 < text.length(); i++) {
      if (Character.isDigit(text.charAt(i + 2)) && Character.isDigit(text.charAt(i + 3))
          && Character.isLetter(text.charAt(i)) && Character.isLetter(text.charAt(i + 1))
          && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The same test for ASCII text, looking only where digit runs start: a digit run that follows a
   * letter always starts a numeric cluster.
   */
  private static boolean asciiStart(String text, int[] clusters) {
    for (int c = 0; c < clusters.length; c += 3) {
      int i = clusters[c] - 2;
      if (i >= 0 && i + 3 < text.length() && isDigit(text.charAt(i + 2)) && isDigit(text.charAt(i + 3))
          && isLetter(text.charAt(i)) && isLetter(text.charAt(i + 1))
          && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    String country = text.substring(match.start(), match.start() + 2).toUpperCase(Locale.ROOT);
    Integer length = LENGTHS.get(country);
    if (length == null) {
      return null;
    }
    StringBuilder compact = new StringBuilder(length);
    char separator = 0;
    int i = match.start();
    for (; i < match.end() && compact.length() < length; i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '-') {
        if (separator != 0 && separator != c) {
          return null;
        }
        separator = c;
      } else {
        compact.append(c);
      }
    }
    if (compact.length() < length || (i < text.length() && Character.isLetterOrDigit(text.charAt(i)))) {
      return null;
    }
    if (!Checksums.mod97Valid(compact)) {
      return null;
    }
    String value = compact.toString();
    boolean upper = value.equals(value.toUpperCase(Locale.ROOT));
    if (!upper && !value.equals(value.toLowerCase(Locale.ROOT))) {
      return null; // mixed case is not how an IBAN is written
    }
    return new Score(upper ? 0.9 : 0.8, "country length and MOD 97 check valid", match.start(), i);
  }

  private static Map<String, Integer> lengths() {
    String table = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 "
        + "DJ27 DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 "
        + "HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 "
        + "ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 "
        + "SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30";
    Map<String, Integer> map = new HashMap<>();
    for (String entry : table.split(" ")) {
      map.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
    }
    return Map.copyOf(map);
  }
}
