package io.shroud.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.generic.UrlDetector;
import io.shroud.core.detect.scan.TextScanner;
import org.junit.jupiter.api.Test;

/**
 * The URL detector searches only a window of the text; that loses nothing only if every match of
 * its pattern over the whole text lies inside the window. Checked on generated text mixing URLs,
 * bare domains, e-mail addresses, file names, versions and IP hosts with all kinds of whitespace.
 */
class UrlSearchWindowTest {
  private static final String[] PIECES = {
      "see", "the", "Thanks.", "ok", "4.12.0", "deploy.sh", "README.md", "example.com", "www.example.co.uk/path?q=1",
      "https://shop.example.org/a/b", "http://localhost:8080/x", "http://10.0.0.1/admin", "ftp://files.example.net",
      "a.b@mail.example.io", "x@y.z", "(docs.example.dev)", "v1.2.beta", "end.", "e.g.", "U.S.A.", "café.fr",
      "http://", "://", "x.y", "Über.com", "1.a", ".com", "a.", "<http://example.com>", "'quoted.org'"};
  private static final String[] SPACES = {" ", "  ", "\t", "\n", "\r\n", "\u000B", "\f", ""};

  @Test
  void everyMatchOverTheWholeTextLiesInsideTheSearchWindow() {
    SearchWindowCheck.Counts counts = SearchWindowCheck.everyMatchInsideTheWindow(new UrlDetector(), PIECES, SPACES,
        17, 30_000, (text, window) -> { });
    assertThat(counts.searched()).isGreaterThan(10_000);
    assertThat(counts.matches()).isGreaterThan(10_000);
  }

  /** A dot at the very start of a text (".NET", "...and") once made the detector skip the whole text. */
  @Test
  void aTextStartingWithADotIsStillSearched() {
    TextScanner scanner = TextScanner.standard(DetectionSettings.DEFAULTS);
    for (String text : new String[] {".NET docs are at https://docs.example.org/net", "...see www.example.co.uk for more",
        ". example.com is down"}) {
      assertThat(scanner.scan(text, DetectionContext.NONE)).as(text)
          .anySatisfy(f -> assertThat(f.type()).isEqualTo(EntityType.URL));
    }
  }
}
