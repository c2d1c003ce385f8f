package io.shroud.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.generic.EmailDetector;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The e-mail detector searches from the run of local-part characters before the first '@'; that loses
 * nothing only if every match of its pattern over the whole text lies inside the window. Checked on
 * generated text with several addresses, addresses glued to punctuation and long local parts.
 */
class EmailSearchWindowTest {
  private static final String[] PIECES = {
      "mail", "me", "at", "a.b@mail.example.io", "x@y.zz", "first.last+tag@sub.example.co.uk", "(jo@example.org)",
      "<ana_m@example.net>", "@handle", "user@", "@", "a@b", "x%y@example.com", "-dash@example.com",
      "o'neil@example.ie", "über@example.de", "name@exa_mple.com", "12345", "ok.", "x".repeat(70) + "@example.com",
      "y".repeat(40) + "." + "z".repeat(20) + "@example.com", "tel:555@example.com", "a@b@c.com", "\"q\"@example.com"};
  private static final String[] SPACES = {" ", "  ", "\t", "\n", ",", ";", ":", "/", ""};

  @Test
  void everyMatchOverTheWholeTextLiesInsideTheSearchWindow() {
    // Typed as RegexDetector: its protected search hooks are reachable from this package.
    RegexDetector email = new EmailDetector();
    Random random = new Random(23);
    int searched = 0;
    int matches = 0;
    int narrowed = 0;
    for (int i = 0; i < 30_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int w = 0, n = 1 + random.nextInt(12); w < n; w++) {
        text.append(PIECES[random.nextInt(PIECES.length)]).append(SPACES[random.nextInt(SPACES.length)]);
      }
      String s = text.toString();
      TextFeatures features = TextFeatures.of(s);
      if (!email.mayContain(features)) {
        continue;
      }
      searched++;
      int[] window = email.searchWindow(features);
      narrowed += window[0] > Math.max(0, s.indexOf('@') - 65) ? 1 : 0;
      Matcher m = email.pattern().matcher(s);
      while (m.find()) {
        matches++;
        assertThat(m.start()).as("match start in %s", List.of(s)).isGreaterThanOrEqualTo(window[0]);
        assertThat(m.end()).as("match end in %s", List.of(s)).isLessThanOrEqualTo(window[1]);
      }
    }
    assertThat(searched).isGreaterThan(15_000);
    assertThat(matches).isGreaterThan(15_000);
    assertThat(narrowed).as("windows that start later than 65 characters before the '@'").isGreaterThan(5_000);
  }
}
