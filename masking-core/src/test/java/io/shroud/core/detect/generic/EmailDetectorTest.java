package io.shroud.core.detect.generic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EmailDetectorTest {
  /** The domain rule checked in place gives what splitting the domain at its dots gives. */
  @Test
  void domainLabelsAreCheckedAsASplitChecksThem() {
    Random random = new Random(17);
    String alphabet = "ab-.9";
    int wellFormed = 0;
    for (int i = 0; i < 100_000; i++) {
      StringBuilder domain = new StringBuilder();
      int length = random.nextInt(12);
      for (int c = 0; c < length; c++) {
        domain.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      if (random.nextInt(50) == 0) {
        domain.append("a".repeat(60 + random.nextInt(8)));
      }
      String candidate = "me@" + domain;
      boolean expected = bySplit(domain.toString());
      assertThat(EmailDetector.wellFormedDomain(candidate, 3)).as(candidate).isEqualTo(expected);
      wellFormed += expected ? 1 : 0;
    }
    assertThat(wellFormed).isGreaterThan(10_000);
  }

  private static boolean bySplit(String domain) {
    for (String label : domain.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
        return false;
      }
    }
    return true;
  }
}
