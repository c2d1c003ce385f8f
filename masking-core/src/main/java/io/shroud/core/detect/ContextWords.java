package io.shroud.core.detect;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Context words near a match, or in the column name, raise confidence (Macie looks 30 characters
 * around a match; so do we). Suppressor words just before a match ("version 1.2.3.4", "order
 * 4111...") say the match is something else and drop it unless a context word vouches for it.
 */
public final class ContextWords {
  /** Characters before and after a match searched for context words. */
  public static final int WINDOW = 30;
  /** Score added when the column name mentions a context word. */
  public static final double COLUMN_BOOST = 0.35;
  /** Score added when a context word is near the match in the text. */
  public static final double TEXT_BOOST = 0.25;
  /** Characters before a match searched for suppressor words: they must sit right before it. */
  public static final int SUPPRESSOR_WINDOW = 20;
  /** Words that introduce a reference number rather than personal data ("tracking number 1234..."). */
  public static final List<String> REFERENCE_NUMBER_WORDS = List.of(
      "order", "tracking", "invoice", "ticket", "ref", "reference", "sku", "serial", "imei", "shipment", "parcel",
      "awb", "transaction", "txn", "confirmation");

  public static final ContextWords NONE = new ContextWords(List.of());

  /** Where supporting context was found. */
  public enum Support { NONE, TEXT, COLUMN }

  private final List<String> words;
  private final List<String> suppressors;
  /** Letter runs of each word (and suppressor), for {@link TextFeatures#mayContainWholeWord}. */
  private final int[][] wordRuns;
  /** The words' first letter runs as one filter mask: a text with none of them is ruled out at once. */
  private final long[] wordFirstRuns;
  private final int[][] suppressorRuns;
  /** The suppressors' first letter runs, for one filter test per list ({@link TextFeatures#mayContainAnyWholeWord}). */
  private final long[] suppressorFirstRuns;
  /**
   * The last column answer: contexts repeat for every cell of a column. Shared across threads; the
   * record is immutable and a lost race only recomputes.
   */
  private ColumnAnswer lastColumn;
  private ColumnAnswer lastSuppressingColumn;

  private record ColumnAnswer(DetectionContext context, boolean mentions) {}

  public ContextWords(List<String> words) {
    this(words, List.of());
  }

  /**
   * Words that are context in a sentence ("call me on ...", "text me at ...") but name no data type
   * as a column: a {@code text} or {@code messages[].content} column is where free text lives in
   * training sets, and must not make every number in it look like a phone.
   */
  static final Set<String> NOT_COLUMN_HINTS = Set.of("text", "message", "messages", "content",
      "body", "note", "notes", "comment", "comments", "description", "call", "called", "calling", "reach", "ring",
      "answering", "desk", "office");

  private final List<String> columnWords;

  public ContextWords(List<String> words, List<String> suppressors) {
    this.words = lower(words);
    this.columnWords = this.words.stream().filter(w -> !NOT_COLUMN_HINTS.contains(w)).toList();
    this.suppressors = lower(suppressors);
    this.wordRuns = runs(this.words);
    this.wordFirstRuns = TextFeatures.firstRunBits(wordRuns);
    this.suppressorRuns = runs(this.suppressors);
    this.suppressorFirstRuns = TextFeatures.firstRunBits(suppressorRuns);
  }

  private static int[][] runs(List<String> list) {
    int[][] runs = new int[list.size()][];
    for (int i = 0; i < runs.length; i++) {
      runs[i] = TextFeatures.wordRunHashes(list.get(i));
    }
    return runs;
  }

  private static List<String> lower(List<String> list) {
    return list.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
  }

  public List<String> words() {
    return words;
  }

  /** Returns the candidate with its score boosted and reason extended when context supports it. */
  public Finding apply(Finding candidate, String text, DetectionContext context) {
    return apply(candidate, TextFeatures.of(text), context);
  }

  public Finding apply(Finding candidate, TextFeatures features, DetectionContext context) {
    return switch (support(features, candidate.start(), candidate.end(), context)) {
      case COLUMN -> candidate.withScore(candidate.score() + COLUMN_BOOST, candidate.reason() + "; column name");
      case TEXT -> candidate.withScore(candidate.score() + TEXT_BOOST, candidate.reason() + "; context word");
      case NONE -> candidate;
    };
  }

  /** Whether the column name mentions one of the words (cached per column context). */
  public boolean inColumn(DetectionContext context) {
    if (words.isEmpty() || context.columnName() == null) {
      return false;
    }
    ColumnAnswer last = lastColumn;
    if (last != null && last.context() == context) {
      return last.mentions();
    }
    boolean mentions = context.columnMentions(columnWords);
    lastColumn = new ColumnAnswer(context, mentions);
    return mentions;
  }

  /** Whether the column name or the text near [start, end) mentions a context word. */
  public Support support(TextFeatures features, int start, int end, DetectionContext context) {
    if (words.isEmpty()) {
      return Support.NONE;
    }
    if (inColumn(context)) {
      return Support.COLUMN;
    }
    if (!features.mayContainAnyWholeWord(wordFirstRuns)) {
      return Support.NONE; // no word of the list stands whole anywhere in the text
    }
    String lower = features.lowerText();
    int from = Math.max(0, start - WINDOW);
    int to = Math.min(lower.length(), end + WINDOW);
    if (findWord(features, lower, words, wordRuns, from, start, false)
        || findWord(features, lower, words, wordRuns, end, to, false)) {
      return Support.TEXT;
    }
    return Support.NONE;
  }

  /**
   * Whether a suppressor word ends within {@link #SUPPRESSOR_WINDOW} characters before start, or the
   * column name mentions one ("app_version", "tracking_number").
   */
  public boolean suppressed(TextFeatures features, int start, DetectionContext context) {
    if (suppressors.isEmpty()) {
      return false;
    }
    if (context.columnName() != null) {
      ColumnAnswer last = lastSuppressingColumn;
      if (last == null || last.context() != context) {
        last = new ColumnAnswer(context, context.columnMentions(suppressors));
        lastSuppressingColumn = last;
      }
      if (last.mentions()) {
        return true;
      }
    }
    return features.mayContainAnyWholeWord(suppressorFirstRuns) && findWord(features, features.lowerText(), suppressors,
        suppressorRuns, Math.max(0, start - SUPPRESSOR_WINDOW), start, true);
  }

  /**
   * Cheap pre-check for detectors that only report with context: can any context word apply to this
   * text at all (column name, or the word anywhere in the text)?
   */
  public boolean mayApply(TextFeatures features, DetectionContext context) {
    if (inColumn(context)) {
      return true;
    }
    if (!features.mayContainAnyWholeWord(wordFirstRuns)) {
      return false;
    }
    for (int i = 0; i < wordRuns.length; i++) {
      if (features.mayContainWholeWord(wordRuns[i]) && features.lowerText().indexOf(words.get(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * A whole word (not part of a longer word) from {@code list} lies within [from, to) of text. With
   * {@code strict}, digits also extend a word ("v6" is not the word "v").
   */
  private static boolean findWord(TextFeatures features, String text, List<String> list, int[][] runs, int from,
      int to, boolean strict) {
    for (int i = 0; i < runs.length; i++) {
      if (!features.mayContainWholeWord(runs[i])) {
        continue;
      }
      String word = list.get(i);
      int at = text.indexOf(word, from);
      while (at >= 0 && at + word.length() <= to) {
        boolean startOk = at == 0 || !wordChar(text.charAt(at - 1), strict);
        int after = at + word.length();
        boolean endOk = after >= text.length() || !wordChar(text.charAt(after), strict);
        if (startOk && endOk) {
          return true;
        }
        at = text.indexOf(word, at + 1);
      }
    }
    return false;
  }

  private static boolean wordChar(char c, boolean strict) {
    return strict ? Character.isLetterOrDigit(c) : Character.isLetter(c);
  }
}
