package io.shroud.core.detect.ner;

import java.util.HashMap;
import java.util.Map;
import opennlp.tools.util.Span;

/**
 * The UD English tokenizer ({@link FastTokenizer}) with its decisions remembered per white-space token. {@code TokenizerME}
 * cuts a sentence at white space and then asks its model, at every character of every piece, whether
 * to split there; the model sees only the piece itself (its features are the piece's own characters),
 * so a piece is always cut the same way wherever it stands. Words repeat (Zipf), so remembering the
 * cuts of each piece gives exactly TokenizerME's tokens at a fraction of its cost: the model runs once
 * per distinct piece instead of once per character of every word.
 *
 * <p>One instance per thread, as for the detectors. The memory is per instance and bounded
 * ({@link #MAX_ENTRIES} pieces of at most {@link #MAX_PIECE} characters): pieces of cell text live only
 * as long as the task that scanned them and never leave the JVM.
 */
final class TokenSplitter {
  static final int MAX_ENTRIES = 50_000;
  static final int MAX_PIECE = 48;
  /** A piece the model keeps whole. */
  static final int[] WHOLE = new int[0];

  private final FastTokenizer model = new FastTokenizer();
  private final Map<String, int[]> cuts = new HashMap<>();
  private final TokenBounds out = new TokenBounds();
  private int deferred;

  /** Exactly {@code new TokenizerME(NerModels.tokens()).tokenizePos(sentence)}. */
  Span[] tokenizePos(String sentence) {
    return tokenize(sentence, false).toSpans();
  }

  /**
   * With {@code deferLetterless}, a piece without a single letter that the model would have to cut
   * ("(555)", "123-45-6789", "4111-1111") is returned whole instead, and {@link #deferred()} says so.
   * Its tokens would hold no letter either, so no word, name or dictionary entry among them: a caller
   * deciding whether a sentence can hold names at all can decide on these tokens and ask for the exact
   * ones only when it can (see {@link Segmenter}). Numbers and codes are mostly unique, so this spares
   * most of the model's work on them.
   *
   * @return the tokens' offsets in {@code sentence}, valid until the next call
   */
  TokenBounds tokenize(String sentence, boolean deferLetterless) {
    out.clear();
    deferred = 0;
    int length = sentence.length();
    int start = -1;
    for (int i = 0; i <= length; i++) {
      boolean space = i == length || isWhitespace(sentence.charAt(i));
      if (!space) {
        if (start < 0) {
          start = i;
        }
      } else if (start >= 0) {
        piece(sentence, start, i, deferLetterless);
        start = -1;
      }
    }
    return out;
  }

  /** Characters of the pieces the last call returned whole without asking the model (0 if none). */
  int deferred() {
    return deferred;
  }

  private void piece(String sentence, int start, int end, boolean deferLetterless) {
    if (end - start < 2) {
      out.add(start, end);
      return;
    }
    String piece = sentence.substring(start, end);
    int[] pieceCuts = cuts.get(piece);
    if (pieceCuts == null) {
      if (deferLetterless && !hasLetter(piece)) {
        out.add(start, end);
        deferred += end - start;
        return;
      }
      pieceCuts = model.cuts(piece);
      if (worthRemembering(piece) && cuts.size() < MAX_ENTRIES) {
        cuts.put(piece, pieceCuts);
      }
    }
    if (pieceCuts == WHOLE) {
      out.add(start, end);
      return;
    }
    for (int k = 0; k < pieceCuts.length; k += 2) {
      out.add(start + pieceCuts[k], start + pieceCuts[k + 1]);
    }
  }

  static boolean hasLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Words repeat; numbers, codes and long pieces mostly do not, and would only fill the memory. */
  static boolean worthRemembering(String piece) {
    if (piece.length() > MAX_PIECE) {
      return false;
    }
    if (piece.length() <= 4) {
      return true;
    }
    for (int i = 0; i < piece.length(); i++) {
      if (Character.isDigit(piece.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** OpenNLP's white space: Java's, plus the Unicode space separators (no-break spaces). */
  static boolean isWhitespace(char c) {
    return Character.isWhitespace(c) || Character.getType(c) == Character.SPACE_SEPARATOR;
  }
}
