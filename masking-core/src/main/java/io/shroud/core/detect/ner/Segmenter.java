package io.shroud.core.detect.ner;

import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;
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

  /** Receives each sentence window: tokens and their absolute character offsets in the text. */
  public interface Sink {
    void sentence(String[] tokens, int[] starts, int[] ends);
  }

  private final SentenceDetectorME sentences = new SentenceDetectorME(NerModels.sentences());
  private final TokenizerME tokenizer = new TokenizerME(NerModels.tokens());

  public void segment(String text, Sink sink) {
    int start = 0;
    int length = text.length();
    while (start < length) {
      int end = blockEnd(text, start);
      String block = text.substring(start, end);
      for (Span sentence : sentences.sentPosDetect(block)) {
        tokens(block.substring(sentence.getStart(), sentence.getEnd()), start + sentence.getStart(), sink);
      }
      start = end;
    }
  }

  private static int blockEnd(String text, int start) {
    int limit = start + BLOCK;
    if (limit >= text.length()) {
      return text.length();
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
    Span[] spans = tokenizer.tokenizePos(sentence);
    for (int from = 0; from < spans.length; from += MAX_TOKENS) {
      int n = Math.min(MAX_TOKENS, spans.length - from);
      String[] tokens = new String[n];
      int[] starts = new int[n];
      int[] ends = new int[n];
      for (int i = 0; i < n; i++) {
        Span s = spans[from + i];
        tokens[i] = sentence.substring(s.getStart(), s.getEnd());
        starts[i] = offset + s.getStart();
        ends[i] = offset + s.getEnd();
      }
      sink.sentence(tokens, starts, ends);
    }
  }
}
