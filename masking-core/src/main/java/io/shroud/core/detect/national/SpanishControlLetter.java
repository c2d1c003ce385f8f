package io.shroud.core.detect.national;

import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import java.util.List;
import java.util.regex.Pattern;

/** Spanish identity numbers (DNI/NIF, NIE): seven or eight digits checked by a mod 23 control letter. */
abstract class SpanishControlLetter extends RegexDetector {
  private static final String LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

  SpanishControlLetter(String id, EntityType type, Pattern pattern, List<String> contextWords) {
    super(id, type, pattern, contextWords);
  }

  @Override
  public TextGate gate() {
    return TextGate.digits(7).withLetters(1);
  }

  @Override
  protected boolean mayContain(TextFeatures features) {
    // ASCII letters are counted among upper() and lower(): a text without any has no control letter.
    return features.maxDigitRun() >= 7 && features.upper() + features.lower() > 0;
  }

  @Override
  protected int minClusterDigits(TextFeatures features) {
    return 7;
  }

  /** Whether {@code letter} (either case) is the control letter of {@code number}. */
  static boolean controlLetterMatches(int number, char letter) {
    return LETTERS.charAt(number % 23) == Character.toUpperCase(letter);
  }
}
