package io.shroud.core.detect.national;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.TextFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ItFiscalCodeDetectorTest {
  private static final String D = "[0-9LMNPQRSTUV]";
  /** The code's shape run over the whole text: what the detector must find (with a valid check letter). */
  private static final Pattern WHOLE_TEXT = Pattern.compile("(?i)(?<![a-z0-9])[a-z]{6}" + D + "{2}[abcdehlmprst]"
      + D + "{2}[a-z]" + D + "{3}[a-z](?![a-z0-9])");

  /**
   * The detector searches only from the first whole 16-character run starting with six letters to the
   * end of the last; it must still find every code the pattern finds in the whole text: codes in
   * either case, with omocodia letters, next to punctuation, accented letters, e-mail addresses, order
   * numbers, and inside longer runs (which are no codes).
   */
  @Test
  void searchingOnlyCodeShapedRunsLosesNoCode() {
    ItFiscalCodeDetector detector = new ItFiscalCodeDetector();
    Random random = new Random(23);
    String[] others = {"Order 7601186476768159 shipped", "mail rssmra85t10a562s.x@example.com", "AB123456C",
        "codice fiscale:", "é", "x", "RSSMRA85T10A562", "7RSSMRA85T10A562S", "ifernandez28@mail.example.net",
        "(", ")", "-", "_", "ABCDEFGHIJKLMNOP", "abcdef12345678901"};
    String[] glue = {" ", ", ", "; ", "\n", "", "/"};
    int expectedTotal = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int parts = 1 + random.nextInt(5);
      for (int p = 0; p < parts; p++) {
        text.append(random.nextInt(3) == 0 ? code(random) : others[random.nextInt(others.length)]);
        text.append(glue[random.nextInt(glue.length)]);
      }
      String t = text.toString();
      expectedTotal += WholeTextOracle.assertFindsWhatThePatternFinds(detector, WHOLE_TEXT, m -> {
        String code = m.group().toUpperCase(Locale.ROOT);
        return ItFiscalCodeDetector.checkCharacter(code) == code.charAt(15);
      }, t);
    }
    assertThat(expectedTotal).as("codes among the generated texts").isGreaterThan(5_000);
  }

  /**
   * Omocodia replaces a code's digits by letters from the right, and with enough namesakes all seven: the
   * code then holds no digit and is still a code.
   */
  @Test
  void findsCodesWhoseDigitsAreAllReplaced() {
    ItFiscalCodeDetector detector = new ItFiscalCodeDetector();
    String code = withCheck("RSSMRAURTMLARSN"); // RSSMRA85T10A562 with every digit replaced
    String text = "Dati del cliente: " + code + ", grazie.";
    List<Finding> found = new ArrayList<>();
    detector.detect(text, TextFeatures.of(text), DetectionContext.NONE, found);
    assertThat(found).extracting(Finding::start, Finding::end, Finding::score)
        .containsExactly(tuple(text.indexOf(code), text.indexOf(code) + 16, 0.85));
    String lower = code.toLowerCase(Locale.ROOT);
    found.clear();
    detector.detect(lower, TextFeatures.of(lower), DetectionContext.NONE, found);
    assertThat(found).hasSize(1);
    String wrongCheck = code.substring(0, 15) + (code.charAt(15) == 'A' ? 'B' : 'A');
    found.clear();
    detector.detect(wrongCheck, TextFeatures.of(wrongCheck), DetectionContext.NONE, found);
    assertThat(found).isEmpty();
  }

  private static String withCheck(String first15) {
    return first15 + ItFiscalCodeDetector.checkCharacter(first15);
  }

  /**
   * A valid code, upper- or lower-case, some digits replaced by their omocodia letters (in one code of
   * ten, all of them).
   */
  private static String code(Random random) {
    String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    String months = "ABCDEHLMPRST";
    String omocodia = "LMNPQRSTUV";
    boolean allReplaced = random.nextInt(10) == 0;
    StringBuilder c = new StringBuilder();
    for (int k = 0; k < 15; k++) {
      if (k < 6 || k == 11) {
        c.append(letters.charAt(random.nextInt(26)));
      } else if (k == 8) {
        c.append(months.charAt(random.nextInt(months.length())));
      } else {
        int digit = random.nextInt(10);
        c.append(allReplaced || random.nextInt(8) == 0 ? omocodia.charAt(digit) : (char) ('0' + digit));
      }
    }
    c.append(ItFiscalCodeDetector.checkCharacter(c.toString()));
    return random.nextBoolean() ? c.toString() : c.toString().toLowerCase(Locale.ROOT);
  }
}
