package io.shroud.core.detect;

import java.util.List;
import java.util.Locale;

/**
 * Context words near a match, or in the column name, raise confidence (Macie looks 30 characters
 * around a match; so do we).
 */
public final class ContextWords {
  /** Characters before and after a match searched for context words. */
  public static final int WINDOW = 30;
  /** Score added when the column name mentions a context word. */
  public static final double COLUMN_BOOST = 0.35;
  /** Score added when a context word is near the match in the text. */
  public static final double TEXT_BOOST = 0.25;

  private final List<String> words;

  public ContextWords(List<String> words) {
    this.words = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
  }

  public List<String> words() {
    return words;
  }

  /** Returns the boosted score and the reason suffix for a candidate at [start, end). */
  public Finding apply(Finding candidate, String text, DetectionContext context) {
    if (words.isEmpty()) {
      return candidate;
    }
    if (context.columnMentions(words)) {
      return candidate.withScore(candidate.score() + COLUMN_BOOST, candidate.reason() + "; column name");
    }
    if (nearText(text, candidate.start(), candidate.end())) {
      return candidate.withScore(candidate.score() + TEXT_BOOST, candidate.reason() + "; context word");
    }
    return candidate;
  }

  private boolean nearText(String text, int start, int end) {
    int from = Math.max(0, start - WINDOW);
    int to = Math.min(text.length(), end + WINDOW);
    String window = (text.substring(from, start) + " " + text.substring(end, to)).toLowerCase(Locale.ROOT);
    for (String word : words) {
      int at = window.indexOf(word);
      while (at >= 0) {
        boolean startOk = at == 0 || !Character.isLetter(window.charAt(at - 1));
        int after = at + word.length();
        boolean endOk = after >= window.length() || !Character.isLetter(window.charAt(after));
        if (startOk && endOk) {
          return true;
        }
        at = window.indexOf(word, at + 1);
      }
    }
    return false;
  }
}
