package io.shroud.core.detect.national;

import io.shroud.core.detect.ContextWords;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextGate;
import io.shroud.core.detect.check.Checksums;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Polish PESEL numbers: eleven digits starting with a real birth date (the month carries the century:
 * +20 for 2000s, +80 for 1800s) and a weighted check digit.
 */
public final class PlPeselDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile("(?<![\\w.,-])\\d{11}(?![\\w-]|[.,]\\d)");
  private static final int[] WEIGHTS = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};

  public PlPeselDetector() {
    super("pl_pesel", EntityType.PL_PESEL, CANDIDATE, new ContextWords(List.of("pesel"), ContextWords.REFERENCE_NUMBER_WORDS), false);
    contiguousDigitRun(11);
    digitRunShapes(new int[] {11});
  }

  @Override
  public TextGate gate() {
    return declaredDigitGate();
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    String digits = match.group();
    int check = (10 - Checksums.weightedSum(digits, WEIGHTS) % 10) % 10;
    if (check != digits.charAt(10) - '0' || !validDate(digits)) {
      return null;
    }
    return new Score(0.5, "birth date and check digit valid");
  }

  private static boolean validDate(String digits) {
    int year = Integer.parseInt(digits.substring(0, 2));
    int month = Integer.parseInt(digits.substring(2, 4));
    int day = Integer.parseInt(digits.substring(4, 6));
    int century = switch (month / 20) {
      case 0 -> 1900;
      case 1 -> 2000;
      case 2 -> 2100;
      case 3 -> 2200;
      default -> 1800;
    };
    try {
      LocalDate.of(century + year, month % 20, day);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
