package io.shroud.core.utility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DisclosureTest {
  @Test
  void aQuantileIsShownOnlyWithKValuesOnEachSide() {
    assertThat(Disclosure.quantileShown(0.05, 200, 10)).isTrue();
    assertThat(Disclosure.quantileShown(0.05, 199, 10)).isFalse();
    assertThat(Disclosure.quantileShown(0.95, 200, 10)).isTrue();
    assertThat(Disclosure.quantileShown(0.5, 19, 10)).isFalse();
    double[] q = new double[Disclosure.LEVELS.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = Disclosure.LEVELS[i] * 1000;
    }
    assertThat(Disclosure.shownQuantiles(q, 100, 10)).containsOnlyKeys("p25", "p50", "p75");
    assertThat(Disclosure.shownQuantiles(q, 10_000, 10)).containsOnlyKeys("p5", "p25", "p50", "p75", "p95");
  }

  @Test
  void histogramRangeLevelsKeepKValuesBeyond() {
    assertThat(Disclosure.LEVELS[Disclosure.lowestAllowed(5000, 10)]).isEqualTo(0.005);
    assertThat(Disclosure.LEVELS[Disclosure.highestAllowed(5000, 10)]).isEqualTo(0.995);
    assertThat(Disclosure.LEVELS[Disclosure.lowestAllowed(100, 10)]).isEqualTo(0.1);
    assertThat(Disclosure.lowestAllowed(19, 10)).isEqualTo(-1);
  }

  @Test
  void roundingAndMonths() {
    assertThat(Disclosure.round(9876543.21)).isEqualTo(9877000.0);
    assertThat(Disclosure.round(0.000123456)).isEqualTo(0.0001235);
    assertThat(Disclosure.round(Double.NaN)).isNull();
    assertThat(Disclosure.share(0.123456)).isEqualTo(0.1235);
    assertThat(Disclosure.month(LocalDate.of(2024, 5, 17).toEpochDay())).isEqualTo("2024-05");
  }
}
