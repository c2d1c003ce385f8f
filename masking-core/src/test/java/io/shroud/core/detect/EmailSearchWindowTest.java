package io.shroud.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.generic.EmailDetector;
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
    int[] narrowed = new int[1];
    SearchWindowCheck.Counts counts = SearchWindowCheck.everyMatchInsideTheWindow(new EmailDetector(), PIECES, SPACES,
        23, 30_000, (text, window) -> narrowed[0] += window[0] > Math.max(0, text.indexOf('@') - 65) ? 1 : 0);
    assertThat(counts.searched()).isGreaterThan(15_000);
    assertThat(counts.matches()).isGreaterThan(15_000);
    assertThat(narrowed[0]).as("windows that start later than 65 characters before the '@'").isGreaterThan(5_000);
  }
}
