package io.shroud.core.detect.generic;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.check.Checksums;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class CreditCardDetectorTest {
  private static final String[] AROUND = {"", " ", "-", "_", "x", "X", ".", "+", "(", ")", "/", "-7", " 12", "é", "#"};

  /**
   * Every bare digit run the shortcut skips holds no match of the pattern that passes Luhn, whatever
   * stands around it: the pattern alone, over the same region as the detector searches, is the oracle.
   */
  @Test
  void skippedRunsHoldNoCardTheLuhnCheckWouldKeep() {
    Random random = new Random(23);
    int skipped = 0;
    int kept = 0;
    for (int i = 0; i < 50_000; i++) {
      String run = run(random);
      String text = AROUND[random.nextInt(AROUND.length)] + run + AROUND[random.nextInt(AROUND.length)];
      int[] clusters = TextFeatures.of(text).numericClusters();
      for (int c = 0; c < clusters.length; c += 3) {
        int start = clusters[c];
        int end = clusters[c + 1];
        boolean luhnMatch = luhnValidMatchIn(text, start, end);
        if (CreditCardDetector.bareRunWithoutCard(text, start, end)) {
          skipped++;
          assertThat(luhnMatch).as(text).isFalse();
        } else if (luhnMatch) {
          kept++;
        }
      }
    }
    assertThat(skipped).isGreaterThan(20_000);
    assertThat(kept).isGreaterThan(5_000);
  }

  @Test
  void bareRunsAreReportedOnlyWithAValidCheckDigit() {
    CreditCardDetector detector = new CreditCardDetector();
    assertThat(find(detector, "Paid with 4111111111111111 today")).singleElement()
        .satisfies(f -> assertThat(f.type()).isEqualTo(EntityType.CREDIT_CARD))
        .satisfies(f -> assertThat(f.start()).isEqualTo(10));
    assertThat(find(detector, "Paid with 4111111111111112 today")).isEmpty();
    assertThat(find(detector, "7601186476768159")).isEmpty();
    assertThat(find(detector, "41111111111111111111")).isEmpty(); // 20 digits: no card
    assertThat(find(detector, "card 4111 1111 1111 1111 and 4111111111111111")).hasSize(2);
  }

  /** Whether the pattern, searched in [start, end) as the detector searches, matches digits that pass Luhn. */
  private static boolean luhnValidMatchIn(String text, int start, int end) {
    Matcher m = CreditCardDetector.CANDIDATE.matcher(text);
    m.useTransparentBounds(true);
    m.useAnchoringBounds(false);
    m.region(start, end);
    while (m.find()) {
      if (Checksums.luhnValid(Checksums.digitsOf(m.group()))) {
        return true;
      }
    }
    return false;
  }

  /** A digit run of 1-25 digits, half of them card-length, a third completed with a valid Luhn check digit. */
  private static String run(Random random) {
    int length = random.nextBoolean() ? 12 + random.nextInt(8) : 1 + random.nextInt(25);
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < length; i++) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    if (random.nextInt(3) == 0) {
      digits.setCharAt(length - 1, Checksums.luhnCheckDigit(digits.subSequence(0, length - 1)));
    }
    return digits.toString();
  }

  private static List<Finding> find(CreditCardDetector detector, String text) {
    List<Finding> out = new ArrayList<>();
    detector.detect(text, TextFeatures.of(text), DetectionContext.NONE, out);
    return out;
  }
}
