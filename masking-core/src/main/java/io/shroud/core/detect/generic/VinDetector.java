package io.shroud.core.detect.generic;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vehicle identification numbers: 17 characters without I, O or Q, mixing letters and digits. The
 * North American check digit (position 9) confirms one; VINs from elsewhere do not carry it and are
 * reported only with context.
 */
public final class VinDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile("(?<![A-Za-z0-9])[A-HJ-NPR-Z0-9]{17}(?![A-Za-z0-9])");
  private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
  // Transliteration of A..Z (I, O and Q never occur).
  private static final int[] LETTER_VALUES = {1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3, 4, 5, 0, 7, 0, 9, 2, 3, 4, 5, 6, 7, 8, 9};

  public VinDetector() {
    super("vin", EntityType.VEHICLE_IDENTIFICATION_NUMBER, CANDIDATE,
        List.of("vin", "vehicle", "chassis", "car", "truck"));
  }

  @Override
  public TextGate gate() {
    return TextGate.digits(3).withLetters(3).withTokenRun(17);
  }

  @Override
  protected boolean mayContain(TextFeatures features) {
    return features.maxTokenRun() >= 17 && features.upper() >= 3 && features.digits() >= 3;
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    String vin = match.group();
    int letters = 0;
    for (int i = 0; i < vin.length(); i++) {
      if (Character.isLetter(vin.charAt(i))) {
        letters++;
      }
    }
    if (letters < 3 || letters > 14) {
      return null;
    }
    return checkDigitValid(vin) ? new Score(0.7, "VIN check digit valid") : new Score(0.25, "VIN shape");
  }

  static boolean checkDigitValid(String vin) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += transliterate(vin.charAt(i)) * WEIGHTS[i];
    }
    int check = sum % 11;
    char expected = check == 10 ? 'X' : (char) ('0' + check);
    return vin.charAt(8) == expected;
  }

  private static int transliterate(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    return LETTER_VALUES[c - 'A'];
  }
}
