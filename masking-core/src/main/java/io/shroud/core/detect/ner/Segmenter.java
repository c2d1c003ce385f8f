package io.shroud.core.detect.ner;

import java.util.Locale;
import java.util.Set;
import opennlp.tools.util.Span;

/**
 * Splits a text of any length into sentences and tokens with the UD English models: first into
 * blocks of at most {@link #BLOCK} characters cut at white space (so a 10 MB cell never reaches the
 * sentence detector whole), then sentences, then windows of at most {@link #MAX_TOKENS} tokens.
 * One instance per thread.
 */
public final class Segmenter {
  static final int BLOCK = 16_384;
  static final int MAX_TOKENS = 128;
  static final int MAX_WORD = 48;

  /** Receives each sentence window: tokens and their absolute character offsets in the text. */
  public interface Sink {
    void sentence(String[] tokens, int[] starts, int[] ends);

    /**
     * A sentence whose letterless pieces (numbers, codes) are still uncut: every token with a letter is
     * exact, the others are whole pieces, and the sentence fits one window either way. Return true when
     * that settles the sentence (it cannot hold a name), so the exact tokens are never computed; false to
     * receive them through {@link #sentence}.
     */
    default boolean settled(String[] tokens, int[] starts, int[] ends) {
      return false;
    }

    /**
     * One sentence of text at {@code offset}, before it is tokenized: {@code tokenize} delivers its
     * windows through {@link #sentence(String[], int[], int[])}. A sink that already knows what this
     * sentence gives may skip it.
     */
    default void sentence(String sentence, int offset, Runnable tokenize) {
      tokenize.run();
    }
  }

  private final SentenceSplitter sentences = new SentenceSplitter(NerModels.sentences());
  private final TokenSplitter tokenizer = new TokenSplitter();
  /** The current sentence's tokens after {@link #split}: reused, so a token costs no object but its text. */
  private final TokenBounds words = new TokenBounds();

  /**
   * Line breaks, tabs and runs of spaces separate fields (addresses, signatures, table-like notes)
   * more often than they continue a sentence, so they are hard boundaries before sentence detection.
   * Runs of more than {@link #MAX_WORD} non-space characters (keys, encoded blobs, URLs) hold no names
   * and would only cost tokenizer time: they are boundaries too, and skipped.
   */
  public void segment(String text, Sink sink) {
    int length = text.length();
    int fieldStart = 0;
    int wordStart = 0;
    for (int i = 0; i <= length; i++) {
      char c = i < length ? text.charAt(i) : '\n';
      boolean space = Character.isWhitespace(c);
      if (!space) {
        if (i - wordStart >= MAX_WORD) { // inside a long run: skip to its end
          int end = i;
          while (end < length && !Character.isWhitespace(text.charAt(end))) {
            end++;
          }
          field(text, fieldStart, wordStart, sink);
          i = end - 1;
          fieldStart = end;
          wordStart = end;
        }
        continue;
      }
      boolean boundary = c == '\n' || c == '\r' || c == '\t'
          || (c == ' ' && i + 1 < length && text.charAt(i + 1) == ' ');
      if (boundary) {
        field(text, fieldStart, i, sink);
        fieldStart = i + 1;
      }
      wordStart = i + 1;
    }
  }

  private void field(String text, int start, int end, Sink sink) {
    int from = start;
    while (from < end) {
      int to = blockEnd(text, from, end);
      if (hasLetter(text, from, to)) {
        String block = text.substring(from, to);
        Span[] found = sentences.sentences(block);
        int sentenceStart = -1;
        for (int k = 0; k < found.length; k++) {
          sentenceStart = sentenceStart < 0 ? found[k].getStart() : sentenceStart;
          if (k + 1 < found.length && endsWithAbbreviation(block, found[k].getEnd())) {
            continue; // "Prof. | Graef", "J. | Smith": one sentence
          }
          String sentence = block.substring(sentenceStart, found[k].getEnd());
          int offset = from + sentenceStart;
          sink.sentence(sentence, offset, () -> tokens(sentence, offset, sink));
          sentenceStart = -1;
        }
      }
      from = to;
    }
  }

  /** Titles and initials whose full stop the sentence detector mistakes for a sentence end. */
  private static final Set<String> ABBREVIATIONS = Set.of(
      "mr", "mrs", "ms", "dr", "prof", "sr", "sra", "jr", "st", "rev", "mt", "gen", "col", "capt", "lt", "sgt", "hon",
      "mme", "mlle", "messrs", "fr", "gov", "pres", "sen", "rep", "insp", "supt", "det");

  static boolean endsWithAbbreviation(String block, int end) {
    int dot = end - 1;
    while (dot >= 0 && Character.isWhitespace(block.charAt(dot))) {
      dot--;
    }
    if (dot < 1 || block.charAt(dot) != '.') {
      return false;
    }
    int start = dot;
    while (start > 0 && Character.isLetter(block.charAt(start - 1))) {
      start--;
    }
    String word = block.substring(start, dot);
    return (word.length() == 1 && Character.isUpperCase(word.charAt(0)))
        || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
  }

  private static boolean hasLetter(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isLetter(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static int blockEnd(String text, int start, int end) {
    int limit = start + BLOCK;
    if (limit >= end) {
      return end;
    }
    for (int i = limit; i > start + BLOCK / 2; i--) {
      if (text.charAt(i) == '\n') {
        return i;
      }
    }
    for (int i = limit; i > start + BLOCK / 2; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
  }

  private void tokens(String sentence, int offset, Sink sink) {
    TokenBounds raw = tokenizer.tokenize(sentence, true);
    int deferred = tokenizer.deferred();
    if (deferred > 0) {
      // Numbers and codes were left uncut: enough to tell whether the sentence can hold a name at all,
      // and the sink may settle it on these. The exact tokens, when needed, fit the same window.
      if (raw.count() + deferred <= MAX_TOKENS) {
        split(sentence, raw, words);
        int n = words.count();
        if (sink.settled(texts(sentence, 0, n), starts(0, n, offset), ends(0, n, offset))) {
          return;
        }
      }
      raw = tokenizer.tokenize(sentence, false);
    }
    split(sentence, raw, words);
    for (int from = 0; from < words.count(); from += MAX_TOKENS) {
      int n = Math.min(MAX_TOKENS, words.count() - from);
      sink.sentence(texts(sentence, from, n), starts(from, n, offset), ends(from, n, offset));
    }
  }

  private String[] texts(String sentence, int from, int n) {
    String[] tokens = new String[n];
    for (int i = 0; i < n; i++) {
      tokens[i] = sentence.substring(words.start(from + i), words.end(from + i));
    }
    return tokens;
  }

  private int[] starts(int from, int n, int offset) {
    int[] starts = new int[n];
    for (int i = 0; i < n; i++) {
      starts[i] = offset + words.start(from + i);
    }
    return starts;
  }

  private int[] ends(int from, int n, int offset) {
    int[] ends = new int[n];
    for (int i = 0; i < n; i++) {
      ends[i] = offset + words.end(from + i);
    }
    return ends;
  }

  /**
   * The UD tokenizer keeps {@code "I'm}, {@code >Marta}, {@code Daniel's} and now and then
   * {@code Hijnekamp,} whole; a name glued to a quote, bracket, comma or possessive would never match a
   * dictionary, so those pieces become tokens of their own. Writes {@code tokens}, re-cut, to {@code out}.
   */
  static void split(String sentence, TokenBounds tokens, TokenBounds out) {
    out.clear();
    for (int k = 0; k < tokens.count(); k++) {
      int start = tokens.start(k);
      int end = tokens.end(k);
      int wordStart = start;
      while (wordStart < end - 1 && (GLUE.indexOf(sentence.charAt(wordStart)) >= 0
          || (wordStart == start && sentence.charAt(wordStart) == '@'))) {
        wordStart++; // "@Rahul": a chat mention is a name after its marker
      }
      int wordEnd = end;
      while (wordEnd > wordStart + 1 && (GLUE.indexOf(sentence.charAt(wordEnd - 1)) >= 0
          || TRAILING.indexOf(sentence.charAt(wordEnd - 1)) >= 0)) {
        wordEnd--;
      }
      int possessive = wordEnd;
      if (wordEnd - wordStart > 3 && (sentence.charAt(wordEnd - 1) == 's' || sentence.charAt(wordEnd - 1) == 'S')
          && APOSTROPHES.indexOf(sentence.charAt(wordEnd - 2)) >= 0) {
        possessive = wordEnd - 2;
      }
      // A token with nothing to cut off (the common case) is added as it is: [start, end).
      if (wordStart > start) {
        out.add(start, wordStart);
      }
      out.add(wordStart, possessive);
      if (possessive < wordEnd) {
        out.add(possessive, wordEnd);
      }
      if (wordEnd < end) {
        out.add(wordEnd, end);
      }
    }
  }

  private static final String GLUE = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb()[]{}<>*";
  /** Left glued to unknown words by the tokenizer now and then ("Hijnekamp,"); a full stop is not (Inc., H.). */
  private static final String TRAILING = ",;:!?";
  private static final String APOSTROPHES = "'\u2019";
}
