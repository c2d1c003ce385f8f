package io.shroud.core.detect.national;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spanish DNI / NIF: seven or eight digits and the mod 23 control letter, optionally after a dash. */
public final class EsNifDetector extends SpanishControlLetter {
  private static final Pattern CANDIDATE = Pattern.compile("(?<![\\w-])(\\d{7,8})-?([A-Za-z])(?![\\w-])");

  public EsNifDetector() {
    super("es_nif", EntityType.ES_NIF, CANDIDATE, List.of("nif", "dni", "documento", "identidad"));
  }

  @Override
  protected int clusterMarginBefore() {
    return 0;
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    int number = Integer.parseInt(match.group(1));
    boolean valid = controlLetterMatches(number, match.group(2).charAt(0));
    return valid ? new Score(0.6, "mod 23 control letter valid") : null;
  }
}
