package io.shroud.core.detect.national;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.Detector;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.TextFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For detectors that skip parts of a text before running their pattern: their findings must be
 * exactly the matches the pattern finds over the whole text (those the validator accepts).
 */
final class WholeTextOracle {
  private WholeTextOracle() {}

  /** Asserts that and returns how many findings the text holds. */
  static int assertFindsWhatThePatternFinds(Detector detector, Pattern wholeText, Predicate<Matcher> accepted,
      String text) {
    List<String> expected = new ArrayList<>();
    Matcher m = wholeText.matcher(text);
    while (m.find()) {
      if (accepted.test(m)) {
        expected.add(m.start() + "-" + m.end());
      }
    }
    List<Finding> found = new ArrayList<>();
    detector.detect(text, TextFeatures.of(text), DetectionContext.forColumn("notes"), found);
    assertThat(found).extracting(f -> f.start() + "-" + f.end()).as(text).containsExactlyElementsOf(expected);
    return expected.size();
  }
}
