package io.shroud.core.detect.address;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostalCodeDetectorTest {
  private static List<String> found(String text) {
    List<Finding> out = new ArrayList<>();
    new PostalCodeDetector().detect(text, DetectionContext.NONE, out);
    return out.stream().filter(f -> f.score() >= 0.5).map(f -> text.substring(f.start(), f.end())).toList();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "100 Main St, Springfield, IL 62704|62704",
      "Austin TX 78701-1234|78701-1234",
      "ZIP: 3520|3520",
      "postal code 394 13|394 13",
      "kod pocztowy (postal code): 53-320|53-320",
      "código postal / postal code 3610-114|3610-114",
      "postcode 1012 AB Amsterdam|1012 AB",
      "CEP (zip code) 01304-001|01304-001",
      "my zip code is 101|101"})
  void findsCodesWithContextOrAfterAState(String text, String code) {
    assertThat(found(text)).containsExactly(code);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Order 62704 shipped", "In 2024 we grew", "call 555 12", "item 12-345", "TX 787",
      "version 1234 AB", "SKIP 62704"})
  void ignoresNumbersWithoutContext(String text) {
    assertThat(found(text)).isEmpty();
  }

  /**
   * Around every cluster the state check skips, the state pattern itself, searched over the region the
   * detector would search, finds nothing: generated texts of state codes, blanks, separators and digits.
   */
  @Test
  void clustersSkippedForTheStateCheckHoldNoZipAfterAState() {
    String[] pieces = {"IL 62704", "TX  78701", "NY\t12345-6789", "IL", "TX", "NY", "Il", "XX", "A", " ", "  ", "\t", "-", ".", "(", "+", ",", "x", "62704", "1234",
        "12345", "8", "-1234", "99"};
    Random random = new Random(41);
    Matcher state = PostalCodeDetector.AFTER_STATE.matcher("");
    int skipped = 0;
    int searchedAndFound = 0;
    for (int i = 0; i < 100_000; i++) {
      String t = GeneratedText.of(random, pieces, 8);
      int[] clusters = TextFeatures.of(t).numericClusters();
      for (int c = 0; c < clusters.length; c += 3) {
        state.reset(t).useTransparentBounds(true).region(Math.max(0, clusters[c] - 4), Math.min(t.length(), clusters[c + 1] + 1));
        boolean found = state.find();
        if (!PostalCodeDetector.stateMayPrecede(t, clusters[c])) {
          skipped++;
          assertThat(found).as(t).isFalse();
        } else if (found) {
          searchedAndFound++;
        }
      }
    }
    assertThat(skipped).isGreaterThan(50_000);
    assertThat(searchedAndFound).isGreaterThan(1_000);
  }
}
