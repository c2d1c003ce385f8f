package io.shroud.core.detect.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ChecksumsTest {
  @Test
  void luhnInPlaceAgreesWithLuhnOfTheDigitsOnGroupedAndPaddedTexts() {
    assertThat(Checksums.luhnValid("4111111111111111")).isTrue();
    assertThat(Checksums.luhnValid("79927398713")).isTrue();
    assertThat(Checksums.luhnValid("79927398710")).isFalse();
    assertThat(Checksums.luhnValid("4111 1111 1111 1111")).as("digits only").isFalse();
    assertThat(Checksums.luhnValid("")).isFalse();
    assertThat(Checksums.luhnValidDigitsIn("card 4111 1111 1111 1111.", 5, 24)).isTrue();
    assertThat(Checksums.luhnValidDigitsIn("card 4111 1111 1111 1112.", 5, 24)).isFalse();
    assertThat(Checksums.luhnValidDigitsIn("no digits", 0, 9)).as("no digits, like luhnValid(\"\")").isFalse();
    assertThat(Checksums.luhnValidDigitsIn("00", 0, 2)).isTrue();
    Random random = new Random(5);
    String alphabet = "0123456789 -./x";
    int valid = 0;
    for (int i = 0; i < 50_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = random.nextInt(24); k > 0; k--) {
        sb.append(random.nextInt(4) == 0 ? alphabet.charAt(random.nextInt(alphabet.length())) : (char) ('0' + random.nextInt(10)));
      }
      String text = sb.toString();
      int start = text.isEmpty() ? 0 : random.nextInt(text.length());
      int end = start + (text.length() == start ? 0 : random.nextInt(text.length() - start + 1));
      boolean expected = referenceLuhn(Checksums.digitsOf(text.substring(start, end)));
      assertThat(Checksums.luhnValid(Checksums.digitsOf(text.substring(start, end)))).isEqualTo(expected);
      valid += expected ? 1 : 0;
      assertThat(Checksums.luhnValidDigitsIn(text, start, end)).as(text + " [" + start + ", " + end + ")").isEqualTo(expected);
    }
    assertThat(valid).isGreaterThan(3_000);
  }

  /** Luhn as usually written: double every second digit from the right, digit-sum, total mod 10. */
  private static boolean referenceLuhn(String digits) {
    if (digits.isEmpty()) {
      return false;
    }
    int total = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      int v = i % 2 == 1 ? d * 2 : d;
      total += v / 10 + v % 10;
    }
    return total % 10 == 0;
  }
}
