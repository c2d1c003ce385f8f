package io.shroud.core.detect.generic;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.GeneratedText;
import io.shroud.core.detect.TextFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
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

  /**
   * The search stops past the last '@' because no match of the pattern starts after it; checked with
   * the pattern searched over whole generated texts, and the detector finds every well-formed match.
   */
  @Test
  void noAddressStartsAfterTheLastAt() {
    String[] pieces = {"me", "a.b", "@", "@@", "x@y.io", " ", ".", "-", "_", "+", "%", "co", "example.org", "é", "9"};
    Random random = new Random(5);
    EmailDetector detector = new EmailDetector();
    int matches = 0;
    for (int i = 0; i < 100_000; i++) {
      String t = GeneratedText.of(random, pieces, 10);
      int lastAt = t.lastIndexOf('@');
      Matcher m = EmailDetector.CANDIDATE.matcher(t);
      int wellFormed = 0;
      while (m.find()) {
        matches++;
        assertThat(m.start()).as(t).isLessThan(lastAt);
        String candidate = m.group();
        int at = candidate.indexOf('@');
        String local = candidate.substring(0, at);
        if (!local.endsWith(".") && !local.contains("..") && EmailDetector.wellFormedDomain(candidate, at + 1)) {
          wellFormed++;
        }
      }
      List<Finding> found = new ArrayList<>();
      detector.detect(t, TextFeatures.of(t), DetectionContext.NONE, found);
      assertThat(found).as(t).hasSize(wellFormed);
    }
    assertThat(matches).isGreaterThan(20_000);
  }
}
