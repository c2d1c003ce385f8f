package io.shroud.core.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NiceScaleTest {
  @Test
  void edgesLieOnARoundGridAroundTheRange() {
    List<Double> edges = NiceScale.edges(27.73, 478.3, 20);
    assertThat(edges).first().isEqualTo(25.0);
    assertThat(edges).last().isEqualTo(500.0);
    assertThat(edges).hasSize(20).contains(250.0).doesNotContain(27.73, 478.3);
    assertThat(NiceScale.edges(0.12, 0.31, 10)).containsExactly(0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.24, 0.26, 0.28, 0.3,
        0.32);
    assertThat(NiceScale.edges(-7, 7, 4)).containsExactly(-10.0, -5.0, 0.0, 5.0, 10.0);
  }

  @Test
  void aSingleValueGetsOneBinAroundIt() {
    List<Double> edges = NiceScale.edges(123456.78, 123456.78, 20);
    assertThat(edges).hasSize(2);
    assertThat(edges.get(0)).isLessThanOrEqualTo(123456.78);
    assertThat(edges.get(1)).isGreaterThan(123456.78);
    assertThat(edges).doesNotContain(123456.78);
  }

  @Test
  void neverMoreBinsThanAsked() {
    for (double hi = 1.1; hi < 1e7; hi *= 3.7) {
      List<Double> edges = NiceScale.edges(0.3, hi, 20);
      assertThat(edges.size() - 1).as("bins for [0.3, %s]", hi).isBetween(1, 20);
      assertThat(edges.get(0)).isLessThanOrEqualTo(0.3);
      assertThat(edges.get(edges.size() - 1)).isGreaterThanOrEqualTo(hi);
    }
  }

  @Test
  void invalidScalesAreRefused() {
    assertThatThrownBy(() -> NiceScale.edges(2, 1, 10)).hasMessage("Invalid scale [2.0, 1.0] with 10 bins");
  }
}
