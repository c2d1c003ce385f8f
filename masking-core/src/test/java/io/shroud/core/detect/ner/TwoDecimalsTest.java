package io.shroud.core.detect.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TwoDecimalsTest {
  private static String formatter(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  @Test
  void roundsTiesHalfUpOnTheShortestDecimalFormAsTheFormatterDoes() {
    // 1.005 is 1.00499999999999989... in binary: exact rounding would give 1.00, the formatter 1.01.
    assertThat(TwoDecimals.of(1.005)).isEqualTo("1.01").isEqualTo(formatter(1.005));
    assertThat(TwoDecimals.of(0.125)).isEqualTo("0.13");
    assertThat(TwoDecimals.of(0.995)).isEqualTo("1.00");
    assertThat(TwoDecimals.of(2.675)).isEqualTo(formatter(2.675));
    assertThat(TwoDecimals.of(0.0)).isEqualTo("0.00");
    assertThat(TwoDecimals.of(1.0)).isEqualTo("1.00");
    assertThat(TwoDecimals.of(0.29)).isEqualTo("0.29"); // 28.999999999999996 hundredths
    assertThat(TwoDecimals.of(Double.MIN_VALUE)).isEqualTo("0.00");
    assertThat(TwoDecimals.of(12345.678)).isEqualTo("12345.68");
  }

  @Test
  void givesTheFormattersTextForEveryScoreTried() {
    Random random = new Random(20261207L);
    for (int i = 0; i <= 200_000; i++) {
      double[] values = {i / 200_000.0, i / 1000.0 + 0.005, (i + 0.5) / 100.0, random.nextDouble(),
          random.nextDouble() * 3, Math.exp(-random.nextDouble() * 30),
          // Just under the fast path's limit, written with three decimals (ties at every fifth).
          1e6 + random.nextInt(9_000_000) + random.nextInt(1000) / 1000.0};
      for (double value : values) {
        assertThat(TwoDecimals.of(value)).as("%s", value).isEqualTo(formatter(value));
      }
    }
  }

  @Test
  void leavesWhatIsNeverAScoreToTheFormatter() {
    // 336643564.585 is 336643564.58499997... in binary: the formatter rounds its shortest form up.
    for (double value : new double[] {-0.0, -0.125, -3.14159, 1e9, 2.5e12, 336643564.585, 646168077.805,
        162229779.765, 9_999_999.995, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThat(TwoDecimals.of(value)).as("%s", value).isEqualTo(formatter(value));
    }
  }
}
