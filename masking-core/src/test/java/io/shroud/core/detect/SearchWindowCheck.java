package io.shroud.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;

/**
 * Checks an anchored detector's search window on generated text: every match of its pattern over the
 * whole text must lie inside the window it searches, or narrowing the search would lose findings.
 */
final class SearchWindowCheck {
  /** Texts searched (the detector's gate let them through) and matches checked. */
  record Counts(int searched, int matches) {}

  private SearchWindowCheck() {}

  /**
   * {@code texts} texts of 1 to 12 random pieces, each followed by a random separator; {@code onWindow}
   * sees each searched text's window start (for tests that count narrowed windows).
   */
  static Counts everyMatchInsideTheWindow(RegexDetector detector, String[] pieces, String[] separators, long seed,
      int texts, WindowObserver onWindow) {
    Random random = new Random(seed);
    int searched = 0;
    int matches = 0;
    for (int i = 0; i < texts; i++) {
      StringBuilder text = new StringBuilder();
      for (int w = 0, n = 1 + random.nextInt(12); w < n; w++) {
        text.append(pieces[random.nextInt(pieces.length)]).append(separators[random.nextInt(separators.length)]);
      }
      String s = text.toString();
      TextFeatures features = TextFeatures.of(s);
      if (!detector.mayContain(features)) {
        continue;
      }
      searched++;
      int[] window = detector.searchWindow(features);
      onWindow.seen(s, window);
      Matcher m = detector.pattern().matcher(s);
      while (m.find()) {
        matches++;
        assertThat(window).as("window for %s", List.of(s)).isNotNull();
        assertThat(m.start()).as("match start in %s", List.of(s)).isGreaterThanOrEqualTo(window[0]);
        assertThat(m.end()).as("match end in %s", List.of(s)).isLessThanOrEqualTo(window[1]);
      }
    }
    return new Counts(searched, matches);
  }

  /** Sees each searched text with its window. */
  interface WindowObserver {
    void seen(String text, int[] window);
  }
}
