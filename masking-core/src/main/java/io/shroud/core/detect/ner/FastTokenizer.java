package io.shroud.core.detect.ner;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The UD English tokenizer's decisions for one white-space-free piece of text, computed from its
 * model ({@link CompiledMaxent}) with the features of OpenNLP's {@code DefaultTokenContextGenerator}
 * emitted as hashes or read from tables: the same cuts as {@code TokenizerME} (which asks the model at every character of
 * a piece whether to split there), without building ~15 strings per character. Pieces in English text
 * repeat, so {@link TokenSplitter} remembers the cuts of most of them; this handles the rest (numbers,
 * codes, rare words). Not thread-safe: one per {@link TokenSplitter}.
 */
final class FastTokenizer {
  private static final String[] KEYS = {"p1", "p2", "f1", "f2"};
  private static final String[] CLASSES = {"_alpha", "_caps", "_num", "_ws", "_eos", "_quote", "_lp", "_rp"};
  private static final int ALPHA = 0;
  private static final int CAPS = 1;
  private static final int NUM = 2;
  private static final int WS = 3;
  private static final int EOS = 4;
  private static final int QUOTE = 5;
  private static final int LP = 6;
  private static final int RP = 7;

  private static final int P21 = 0;
  private static final int P1F1 = 1;
  private static final int F12 = 2;
  private static final String[] PAIRS = {"p21=", "p1f1=", "f12="};
  private static final int ASCII = 128;

  private final CompiledMaxent model;
  private final int split;
  private final int outcomes;
  private final long[] keyState = new long[KEYS.length];
  private final int[][] classFeature = new int[KEYS.length][CLASSES.length];
  /** Per key and ASCII character: the summed weights of "key=c" and its character-class features. */
  private final double[][] charWeights = new double[KEYS.length][];
  /** Per pair feature and pair of ASCII characters: the feature's context index (-1 if unknown). */
  private final int[][] pairFeature = new int[PAIRS.length][];
  private final long[] pairState = new long[PAIRS.length];
  private final int p2Begin;
  private final int f2End;
  private final int characterCode;
  private final long prefixState = FeatureHash.add(FeatureHash.start(), "p=");
  private final long suffixState = FeatureHash.add(FeatureHash.start(), "s=");
  private final double[] sum;
  private int[] cuts = new int[16];
  private final WindowMemo windows = new WindowMemo();

  /** A tokenizer over the shared UD English model, its tables built once per JVM. */
  FastTokenizer() {
    this(Model.PROTOTYPE);
  }

  /** Another tokenizer over the same model and tables (the state of one is only its scratch buffers). */
  private FastTokenizer(FastTokenizer prototype) {
    this.model = prototype.model;
    this.split = prototype.split;
    this.outcomes = prototype.outcomes;
    this.sum = new double[outcomes];
    System.arraycopy(prototype.keyState, 0, keyState, 0, keyState.length);
    for (int k = 0; k < KEYS.length; k++) {
      classFeature[k] = prototype.classFeature[k];
      charWeights[k] = prototype.charWeights[k];
    }
    System.arraycopy(prototype.pairFeature, 0, pairFeature, 0, PAIRS.length);
    System.arraycopy(prototype.pairState, 0, pairState, 0, PAIRS.length);
    this.p2Begin = prototype.p2Begin;
    this.f2End = prototype.f2End;
    this.characterCode = prototype.characterCode;
  }

  FastTokenizer(CompiledMaxent model) {
    this.model = model;
    this.split = model.outcome("T");
    this.outcomes = model.outcomeCount();
    this.sum = new double[outcomes];
    for (int k = 0; k < KEYS.length; k++) {
      keyState[k] = FeatureHash.add(FeatureHash.start(), KEYS[k] + "=");
      for (int c = 0; c < CLASSES.length; c++) {
        classFeature[k][c] = model.lookup(KEYS[k] + CLASSES[c]);
      }
      charWeights[k] = new double[ASCII * outcomes];
      double[] one = new double[outcomes];
      for (char c = 0; c < ASCII; c++) {
        Arrays.fill(one, 0.0);
        charFeatures(one, k, c);
        System.arraycopy(one, 0, charWeights[k], c * outcomes, outcomes);
      }
    }
    for (int p = 0; p < PAIRS.length; p++) {
      pairState[p] = FeatureHash.add(FeatureHash.start(), PAIRS[p]);
      pairFeature[p] = new int[ASCII * ASCII];
      for (char a = 0; a < ASCII; a++) {
        for (char b = 0; b < ASCII; b++) {
          pairFeature[p][a * ASCII + b] = pairLookup(p, a, b);
        }
      }
    }
    this.p2Begin = model.lookup("p2=bok");
    this.f2End = model.lookup("f2=bok");
    this.characterCode = model.lookup("cc");
  }

  /**
   * Cut points of {@code piece}: pairs of start and end offsets of its tokens, or an empty array when the
   * model keeps it whole. The features of DefaultTokenContextGenerator, in its order; those of single
   * ASCII characters and pairs of them are looked up in tables built once.
   */
  int[] cuts(String piece) {
    int length = piece.length();
    int count = 0;
    int start = 0;
    long prefix = FeatureHash.add(prefixState, piece.charAt(0));
    boolean characterEntity = piece.charAt(0) == '&' && piece.charAt(length - 1) == ';';
    for (int j = 1; j < length; j++) {
      int prefixContext = model.lookup(FeatureHash.finish(prefix));
      int suffixContext = model.lookup(FeatureHash.finish(FeatureHash.add(suffixState, piece, j, length)));
      prefix = FeatureHash.add(prefix, piece.charAt(j));
      long window = prefixContext < 0 && suffixContext < 0 ? WindowMemo.key(piece, j, characterEntity) : -1;
      int known = window < 0 ? -1 : windows.get(window);
      boolean cut = known >= 0 ? known == 1 : cutAt(piece, j, prefixContext, suffixContext, characterEntity);
      if (known < 0 && window >= 0) {
        windows.put(window, cut);
      }
      if (cut) {
        if (count + 2 > cuts.length) {
          cuts = Arrays.copyOf(cuts, cuts.length * 2);
        }
        cuts[count++] = start;
        cuts[count++] = j;
        start = j;
      }
    }
    if (count == 0) {
      return TokenSplitter.WHOLE;
    }
    int[] result = Arrays.copyOf(cuts, count + 2);
    result[count] = start;
    result[count + 1] = length;
    return result;
  }

  /** Windows whose decision this tokenizer remembers (see {@link WindowMemo}). */
  int rememberedWindows() {
    return windows.size();
  }

  /** The model's decision at the cut before {@code piece.charAt(j)}: the features in the generator's order. */
  private boolean cutAt(String piece, int j, int prefixContext, int suffixContext, boolean characterEntity) {
    int length = piece.length();
    model.prior(sum);
    model.add(sum, prefixContext);
    model.add(sum, suffixContext);
    character(0, piece.charAt(j - 1));
    if (j > 1) {
      character(1, piece.charAt(j - 2));
      pair(P21, piece.charAt(j - 2), piece.charAt(j - 1));
    } else {
      model.add(sum, p2Begin);
    }
    pair(P1F1, piece.charAt(j - 1), piece.charAt(j));
    character(2, piece.charAt(j));
    if (j + 1 < length) {
      character(3, piece.charAt(j + 1));
      pair(F12, piece.charAt(j), piece.charAt(j + 1));
    } else {
      model.add(sum, f2End);
    }
    if (characterEntity) {
      model.add(sum, characterCode);
    }
    return best() == split;
  }

  private void character(int key, char c) {
    if (c < ASCII) {
      model.addVector(sum, charWeights[key], c * outcomes);
    } else {
      charFeatures(sum, key, c);
    }
  }

  private void pair(int kind, char a, char b) {
    model.add(sum, a < ASCII && b < ASCII ? pairFeature[kind][a * ASCII + b] : pairLookup(kind, a, b));
  }

  private int pairLookup(int kind, char a, char b) {
    return model.lookup(FeatureHash.finish(FeatureHash.add(FeatureHash.add(pairState[kind], a), b)));
  }

  /**
   * AbstractModel.getBestOutcome after GISModel.eval, read from the sums themselves: exponentiating and
   * dividing by the total keep their order, so the first largest sum is the first most probable
   * outcome. Only sums so close that rounding could make their probabilities equal, or so large that
   * the exponential overflows, are exponentiated and compared as probabilities (the exponentials were
   * a third of the tokenizer's time).
   */
  private int best() {
    int best = 0;
    for (int o = 1; o < sum.length; o++) {
      if (sum[o] > sum[best]) {
        best = o;
      }
    }
    double margin = TIE * Math.max(1.0, Math.abs(sum[best]));
    for (int o = 0; o < sum.length; o++) {
      // Beyond +-700 the exponential over- or underflows, and the probabilities are what they are.
      if (Math.abs(sum[o]) > 700 || (o != best && sum[best] - sum[o] <= margin)) {
        model.normalise(sum);
        return firstMost(sum);
      }
    }
    return best;
  }

  /** Sums this close (relative) could round to the same probability; farther apart they cannot. */
  private static final double TIE = 1e-9;

  private static int firstMost(double[] probabilities) {
    int best = 0;
    for (int o = 1; o < probabilities.length; o++) {
      if (probabilities[o] > probabilities[best]) {
        best = o;
      }
    }
    return best;
  }

  /** DefaultTokenContextGenerator.addCharPreds, added to {@code into}. */
  private void charFeatures(double[] into, int key, char c) {
    model.add(into, model.lookup(FeatureHash.finish(FeatureHash.add(keyState[key], c))));
    int[] classes = classFeature[key];
    if (Character.isLetter(c)) {
      model.add(into, classes[ALPHA]);
      if (Character.isUpperCase(c)) {
        model.add(into, classes[CAPS]);
      }
    } else if (Character.isDigit(c)) {
      model.add(into, classes[NUM]);
    } else if (TokenSplitter.isWhitespace(c)) {
      model.add(into, classes[WS]);
    } else if (c == '.' || c == '?' || c == '!') {
      model.add(into, classes[EOS]);
    } else if (c == '`' || c == '"' || c == '\'') {
      model.add(into, classes[QUOTE]);
    } else if (c == '[' || c == '{' || c == '(') {
      model.add(into, classes[LP]);
    } else if (c == ']' || c == '}' || c == ')') {
      model.add(into, classes[RP]);
    }
  }

  /** The UD English tokenizer model, checked to be the kind this class reproduces. */
  static final class Model {
    static final CompiledMaxent TOKENS = load(NerModels.TOKEN_MODEL);
    static final FastTokenizer PROTOTYPE = new FastTokenizer(TOKENS);

    private Model() {}

    static CompiledMaxent load(String resource) {
      Map<String, byte[]> entries = CompiledMaxent.entries(resource);
      String manifest = new String(entries.getOrDefault("manifest.properties", new byte[0]),
          StandardCharsets.ISO_8859_1);
      boolean plain = manifest.contains("factory=opennlp.tools.tokenize.TokenizerFactory")
          && manifest.contains("useAlphaNumericOptimization=false") && manifest.contains("Language=en")
          && entries.keySet().stream().noneMatch(e -> e.startsWith("abbreviations"));
      if (!plain) {
        throw new IllegalStateException("Cannot use tokenizer model " + resource + ": the fast tokenizer reproduces "
            + "only an English TokenizerME model without abbreviations or the alphanumeric shortcut");
      }
      return CompiledMaxent.fromEntry(resource, entries, "token.model");
    }
  }
}
