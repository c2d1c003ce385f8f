package io.shroud.core.detect.national;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spanish DNI / NIF: seven or eight digits and the mod 23 control letter, optionally after a dash. */
public final class EsNifDetector extends RegexDetector {
  static final String LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
  private static final Pattern CANDIDATE = Pattern.compile("(?<![\\w-])(\\d{7,8})-?([A-Za-z])(?![\\w-])");

  public EsNifDetector() {
    super("es_nif", EntityType.ES_NIF, CANDIDATE, List.of("nif", "dni", "documento", "identidad"));
  }

  @Override
  protected boolean mayContain(TextFeatures features) {
    // ASCII letters are counted among upper() and lower(): a text without any holds no the control letter.
    return features.maxDigitRun() >= 7 && features.upper() + features.lower() > 0;
  }

  @Override
  protected int minClusterDigits(TextFeatures features) {
    return 7;
  }

  @Override
  protected int clusterMarginBefore() {
    return 0;
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    int number = Integer.parseInt(match.group(1));
    char letter = Character.toUpperCase(match.group(2).charAt(0));
    return LETTERS.charAt(number % 23) == letter ? new Score(0.6, "mod 23 control letter valid") : null;
  }
}
