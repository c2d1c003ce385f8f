package io.shroud.core.detect.ner;

import java.util.Arrays;
import java.util.Set;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.sentdetect.DefaultEndOfSentenceScanner;
import opennlp.tools.sentdetect.DefaultSDContextGenerator;
import opennlp.tools.sentdetect.SentenceDetectorFactory;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * OpenNLP 2.5's {@code SentenceDetectorME.sentPosDetect} for a plain model (its default context generator
 * and end-of-sentence scanner, no abbreviation dictionary, a GIS model), computed without strings: the
 * features of {@code DefaultSDContextGenerator} are hashed from the text's characters in the generator's
 * order and summed over the {@link CompiledMaxent} form of the model, so every decision is the detector's
 * bit for bit. The detector built a dozen strings, a boxed position per end character and a boxed
 * character per test; those were a third of its cost, the string-keyed model another third. Not
 * thread-safe: one per {@link SentenceSplitter}.
 */
final class CompiledSentenceDetector {
  private static final int KNOWN_LENGTHS = 64;

  private final CompiledMaxent model;
  private final int split;
  private final boolean tokenEnd;
  private final boolean[] asciiEnders = new boolean[128];
  private final char[] otherEnders;
  private final int spaceBefore;
  private final int spaceAfter;
  private final int[] eosAscii = new int[128];
  /** Context indices of the prefix lengths "1" .. "63" ({@code Integer.toString(prefix.length())}). */
  private final int[] lengths = new int[KNOWN_LENGTHS];
  private final int[] caps = new int[4];
  private final long[] keys = new long[4];
  private final double[] sum;
  private int[] positions = new int[8];

  private CompiledSentenceDetector(CompiledMaxent model, Set<Character> enders, boolean tokenEnd) {
    this.model = model;
    this.split = model.outcome("s");
    this.tokenEnd = tokenEnd;
    this.sum = new double[model.outcomeCount()];
    StringBuilder others = new StringBuilder();
    for (char c : enders) {
      if (c < 128) {
        asciiEnders[c] = true;
        eosAscii[c] = model.lookup("eos=" + escape(c));
      } else {
        others.append(c);
      }
    }
    this.otherEnders = others.toString().toCharArray();
    this.spaceBefore = model.lookup("sp");
    this.spaceAfter = model.lookup("sn");
    for (int n = 1; n < KNOWN_LENGTHS; n++) {
      lengths[n] = model.lookup(Integer.toString(n));
    }
    String[] names = {"x", "v", "s", "n"};
    for (int k = 0; k < names.length; k++) {
      keys[k] = FeatureHash.add(FeatureHash.start(), names[k] + "=");
      caps[k] = model.lookup(names[k] + "cap");
    }
  }

  /** A detector for {@code model}, or null when the model is not of the plain kind this class reproduces. */
  static CompiledSentenceDetector of(SentenceModel model) {
    SentenceDetectorFactory factory = model.getFactory();
    MaxentModel maxent = model.getMaxentModel();
    boolean plain = model.getAbbreviations() == null && factory.getClass() == SentenceDetectorFactory.class
        && factory.getSDContextGenerator().getClass() == DefaultSDContextGenerator.class
        && factory.getEndOfSentenceScanner().getClass() == DefaultEndOfSentenceScanner.class
        && maxent instanceof GISModel && Arrays.asList(outcomes(maxent)).contains("s");
    if (!plain) {
      return null;
    }
    CompiledMaxent compiled = model == NerModels.sentences() ? Shipped.MODEL : new CompiledMaxent((AbstractModel) maxent);
    return new CompiledSentenceDetector(compiled, factory.getEndOfSentenceScanner().getEOSCharacters(),
        factory.isUseTokenEnd());
  }

  /** The shipped model compiled once per JVM (immutable, shared by every thread's detector). */
  private static final class Shipped {
    static final CompiledMaxent MODEL = new CompiledMaxent((AbstractModel) NerModels.sentences().getMaxentModel());
  }

  private static String[] outcomes(MaxentModel model) {
    String[] names = new String[model.getNumOutcomes()];
    for (int o = 0; o < names.length; o++) {
      names[o] = model.getOutcome(o);
    }
    return names;
  }

  /** The sentences of {@code s}: {@code sentPosDetect}'s spans, without their probabilities. */
  Span[] sentPosDetect(String s) {
    int length = s.length();
    int count = 0;
    int pending = -1; // the ender found ahead, waiting for its turn
    int index = 0;
    for (int i = nextEnder(s, 0); i >= 0; i = pending) {
      int cint = i;
      pending = nextEnder(s, cint + 1);
      int fws = firstWhitespace(s, cint + 1);
      if (pending >= 0 && pending < fws && (cint + 1 >= length || !Character.isUpperCase(s.charAt(cint + 1)))) {
        continue; // an end character inside a token, unless a capital follows it ("a.B")
      }
      if (count > 0 && cint < positions[count - 1]) {
        continue;
      }
      if (splitsAt(s, cint)) {
        if (index != cint) {
          if (count == positions.length) {
            positions = Arrays.copyOf(positions, count * 2);
          }
          positions[count++] = firstNonWhitespace(s, tokenEnd ? fws : cint + 1);
        }
        index = cint + 1;
      }
    }
    return spans(s, count);
  }

  /** Sentence starts to spans, as the detector turns them: each trimmed, the text after the last one too. */
  private Span[] spans(String s, int count) {
    int length = s.length();
    if (count == 0) {
      int start = firstNonWhitespace(s, 0);
      int end = length;
      while (end > 0 && isWhitespace(s.charAt(end - 1))) {
        end--;
      }
      return end - start > 0 ? new Span[] {new Span(start, end)} : new Span[0];
    }
    boolean leftover = positions[count - 1] != length;
    Span[] spans = new Span[leftover ? count + 1 : count];
    for (int k = 0; k < count; k++) {
      spans[k] = new Span(k == 0 ? 0 : positions[k - 1], positions[k]).trim(s);
    }
    if (leftover) { // never empty: a start is where white space ends
      spans[count] = new Span(positions[count - 1], length).trim(s);
    }
    return spans;
  }

  /** Whether the model says the sentence ends at {@code position} (its best outcome is a split). */
  boolean splitsAt(String s, int position) {
    evaluate(s, position);
    int best = 0;
    for (int o = 1; o < sum.length; o++) {
      if (sum[o] > sum[best]) { // the first of equals wins, as in the model's getBestOutcome
        best = o;
      }
    }
    return best == split;
  }

  /** The model's probabilities at {@code position}, as {@code eval(getContext(s, position))} gives them. */
  double[] probabilities(String s, int position) {
    evaluate(s, position);
    return sum.clone();
  }

  private void evaluate(String s, int position) {
    model.prior(sum);
    int lastIndex = s.length() - 1;
    if (position > 0 && isWhitespace(s.charAt(position - 1))) {
      model.add(sum, spaceBefore);
    }
    if (position < lastIndex && isWhitespace(s.charAt(position + 1))) {
      model.add(sum, spaceAfter);
    }
    char eos = s.charAt(position);
    model.add(sum, eos < 128 ? eosAscii[eos] : model.lookup("eos=" + escape(eos)));
    int prefixStart = previousSpaceIndex(s, position);
    for (int c = position - 1; c > prefixStart; c--) {
      if (isEnder(s.charAt(c))) {
        prefixStart = c;
      }
    }
    int prevStart = previousSpaceIndex(s, prefixStart);
    int suffixEnd = nextSpaceIndex(s, position, lastIndex);
    for (int c = position + 1; c < suffixEnd; c++) {
      if (isEnder(s.charAt(c))) {
        suffixEnd = c;
      }
    }
    int nextEnd = nextSpaceIndex(s, suffixEnd + 1, lastIndex + 1);
    boolean last = position == lastIndex;
    piece(s, 0, prefixStart, position, true);
    piece(s, 1, prevStart, prefixStart, false);
    piece(s, 2, last ? 0 : position + 1, last ? 0 : suffixEnd, false);
    piece(s, 3, last ? 0 : suffixEnd + 1, last ? 0 : nextEnd, false);
    model.normalise(sum);
  }

  /**
   * One of the generator's four pieces, {@code s[from, to)} trimmed as {@link String#trim} does: the
   * feature "key=piece", then for a non-empty piece its length (the prefix only) and "keycap".
   */
  private void piece(String s, int key, int from, int to, boolean withLength) {
    while (from < to && s.charAt(from) <= ' ') {
      from++;
    }
    while (to > from && s.charAt(to - 1) <= ' ') {
      to--;
    }
    model.add(sum, model.lookup(FeatureHash.finish(FeatureHash.add(keys[key], s, from, to))));
    if (from == to) {
      return;
    }
    if (withLength) {
      int n = to - from;
      model.add(sum, n < KNOWN_LENGTHS ? lengths[n] : model.lookup(Integer.toString(n)));
    }
    if (Character.isUpperCase(s.charAt(from))) {
      model.add(sum, caps[key]);
    }
  }

  private int nextEnder(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (isEnder(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private boolean isEnder(char c) {
    if (c < 128) {
      return asciiEnders[c];
    }
    for (char e : otherEnders) {
      if (e == c) {
        return true;
      }
    }
    return false;
  }

  private static String escape(char c) {
    return c == '\n' ? "<LF>" : c == '\r' ? "<CR>" : String.valueOf(c);
  }

  /** OpenNLP's white space: Java's, plus the space separators (no-break space among them). */
  private static boolean isWhitespace(char c) {
    return TokenSplitter.isWhitespace(c);
  }

  private static int firstWhitespace(String s, int from) {
    while (from < s.length() && !isWhitespace(s.charAt(from))) {
      from++;
    }
    return from;
  }

  private static int firstNonWhitespace(String s, int from) {
    while (from < s.length() && isWhitespace(s.charAt(from))) {
      from++;
    }
    return from;
  }

  /** The generator's start of the white space run before {@code seek}, or 0. */
  private static int previousSpaceIndex(String s, int seek) {
    seek--;
    while (seek > 0 && !isWhitespace(s.charAt(seek))) {
      seek--;
    }
    if (seek > 0 && isWhitespace(s.charAt(seek))) {
      while (seek > 0 && isWhitespace(s.charAt(seek - 1))) {
        seek--;
      }
      return seek;
    }
    return 0;
  }

  /** The generator's last white space of the first run after {@code seek}, or {@code lastIndex}. */
  private static int nextSpaceIndex(String s, int seek, int lastIndex) {
    for (seek++; seek < lastIndex; seek++) {
      if (isWhitespace(s.charAt(seek))) {
        while (s.length() > seek + 1 && isWhitespace(s.charAt(seek + 1))) {
          seek++;
        }
        return seek;
      }
    }
    return lastIndex;
  }
}
