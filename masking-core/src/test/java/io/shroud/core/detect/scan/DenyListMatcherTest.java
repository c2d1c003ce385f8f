package io.shroud.core.detect.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Large deny lists are searched in one pass of an automaton, small ones value by value: both must
 * report the same occurrences (overlapping ones, values inside other values, repeats, case, edges of
 * words and numbers, non-ASCII letters).
 */
class DenyListMatcherTest {
  private static final String[] PIECES = {"Ann", "Anna", "nna", "Ann Lee", "Lee", "PRJ-7", "PRJ-77", "7", "Ünal",
      "O'Neil", "ann", "ANN", "Zoë Hart", "x", "aa", "aaa", "Jean-Luc", "Luc", "#tag", "tag#"};
  private static final String[] NOISE = {" ", ", ", ".", "-", "'", "a", "b", "9", "é", "\n", "Mr. ", "call ", "Ann's",
      "AnnaLee", "PRJ-777", "(", ")", "_", "aaaa"};
  private static final EntityType[] TYPES = {EntityType.PERSON, EntityType.of("PROJECT_CODE")};

  @Test
  void theAutomatonFindsWhatTheValueByValueSearchFinds() {
    Random random = new Random(3);
    int found = 0;
    for (int list = 0; list < 300; list++) {
      Map<String, EntityType> values = new HashMap<>();
      int size = 1 + random.nextInt(PIECES.length);
      while (values.size() < size) {
        values.put(PIECES[random.nextInt(PIECES.length)], TYPES[random.nextInt(TYPES.length)]);
      }
      DenyListMatcher oneByOne = new DenyListMatcher(values, Integer.MAX_VALUE);
      DenyListMatcher automaton = new DenyListMatcher(values, 0);
      for (int t = 0; t < 100; t++) {
        StringBuilder text = new StringBuilder();
        int parts = random.nextInt(12);
        for (int p = 0; p < parts; p++) {
          text.append(random.nextBoolean() ? PIECES[random.nextInt(PIECES.length)] : NOISE[random.nextInt(NOISE.length)]);
        }
        int offset = random.nextInt(3) * 100;
        List<Finding> expected = new ArrayList<>();
        oneByOne.find(text.toString(), offset, expected);
        List<Finding> actual = new ArrayList<>();
        automaton.find(text.toString(), offset, actual);
        assertThat(actual).as("deny list %s in \"%s\"", values.keySet(), text).isEqualTo(expected);
        found += expected.size();
      }
    }
    assertThat(found).as("occurrences compared").isGreaterThan(10_000);
  }

  @Test
  void reportsEveryOccurrenceThatStandsAlone() {
    DenyListMatcher matcher = new DenyListMatcher(Map.of("Ann", EntityType.PERSON, "Ann Lee", EntityType.PERSON,
        "aa", EntityType.PERSON), 0);
    String text = "Ann Lee met Anna and Ann; aaa, aa.";
    List<Finding> out = new ArrayList<>();
    matcher.find(text, 10, out);
    assertThat(out).extracting(f -> text.substring(f.start() - 10, f.end() - 10) + "@" + (f.start() - 10))
        .containsExactly("Ann@0", "Ann Lee@0", "Ann@21", "aa@31");
    assertThat(out).allSatisfy(f -> {
      assertThat(f.score()).isEqualTo(1.0);
      assertThat(f.detectorId()).isEqualTo("deny_list");
    });
  }
}
