package io.shroud.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ContextWords#support} and {@link ContextWords#suppressed} rule a text out with one filter
 * test per word list before searching word by word; compared here with a plain search of the window
 * on generated texts.
 */
class ContextWordsTest {
  private static final List<String> WORDS = List.of("phone", "call", "e-mail", "tel", "contact number");
  private static final List<String> SUPPRESSORS = List.of("order", "ticket", "ref");
  private static final String[] PIECES = {"phone", "Phone", "PHONE", "phones", "telephone", "call", "recall", "e-mail",
      "email", "tel", "TEL:", "contact number", "contact", "number", "order", "ordering", "Ticket", "ref", "ref2",
      " ", " ", "-", "_", "5", "é", ":", ".", "415-555-0123", "x", "İ"};

  @Test
  void filteredSearchesAnswerAsThePlainSearch() {
    ContextWords context = new ContextWords(WORDS, SUPPRESSORS);
    Random random = new Random(13);
    int supported = 0;
    int suppressed = 0;
    for (int i = 0; i < 50_000; i++) {
      String t = GeneratedText.of(random, PIECES, 7);
      int start = random.nextInt(t.length() + 1);
      int end = start + random.nextInt(t.length() - start + 1);
      TextFeatures features = TextFeatures.of(t);
      ContextWords.Support expected = plainSearch(features.lowerText(), WORDS, Math.max(0, start - ContextWords.WINDOW),
          start, false) || plainSearch(features.lowerText(), WORDS, end, Math.min(t.length(), end + ContextWords.WINDOW),
          false) ? ContextWords.Support.TEXT : ContextWords.Support.NONE;
      assertThat(context.support(TextFeatures.of(t), start, end, DetectionContext.NONE)).as(t).isEqualTo(expected);
      boolean expectedSuppressed = plainSearch(features.lowerText(), SUPPRESSORS,
          Math.max(0, start - ContextWords.SUPPRESSOR_WINDOW), start, true);
      assertThat(context.suppressed(TextFeatures.of(t), start, DetectionContext.NONE)).as(t).isEqualTo(expectedSuppressed);
      supported += expected == ContextWords.Support.TEXT ? 1 : 0;
      suppressed += expectedSuppressed ? 1 : 0;
    }
    assertThat(supported).isGreaterThan(5_000);
    assertThat(suppressed).isGreaterThan(500);
  }

  /** A word of the list lies whole within [from, to) of lower: no letter (or, strict, digit) on either side. */
  private static boolean plainSearch(String lower, List<String> words, int from, int to, boolean strict) {
    for (String word : words) {
      for (int at = lower.indexOf(word, from); at >= 0 && at + word.length() <= to; at = lower.indexOf(word, at + 1)) {
        int after = at + word.length();
        boolean startOk = at == 0 || !wordChar(lower.charAt(at - 1), strict);
        boolean endOk = after >= lower.length() || !wordChar(lower.charAt(after), strict);
        if (startOk && endOk) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean wordChar(char c, boolean strict) {
    return strict ? Character.isLetterOrDigit(c) : Character.isLetter(c);
  }
}
