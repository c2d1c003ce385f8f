package io.shroud.core.detect.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import opennlp.tools.util.Span;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;

/**
 * Shroud's name finder without strings: the same decisions and probabilities as OpenNLP's
 * {@code NameFinderME} on the shipped model (greedy decoding, BIO outcomes), several times faster.
 *
 * <p>OpenNLP builds ~45 feature strings per token (the word, its neighbours' words and classes,
 * prefixes, suffixes, bigrams, dictionary flags, the previous decisions) and looks each up in a
 * string-keyed map. Here every feature that depends on one token alone is resolved to a weight index
 * the first time that token string is seen ({@link TokenInfo}), so a repeated word costs array reads;
 * only the features joining two tokens or a previous decision are hashed per position. Features are
 * summed in OpenNLP's order ({@code train/ner-features.xml}: token-class window, token window,
 * suffixes, prefixes, suffix window, prior, bigrams, sentence start, dictionaries, then the previous
 * outcomes), so the sums, and therefore the probabilities, are bit-for-bit OpenNLP's
 * ({@code FastNameFinderTest} compares them). One instance per thread.
 */
final class FastNameFinder {
  // Vectors of TokenInfo.roles: a token's summed weights per outcome for each place it can take.
  private static final int SELF = 0;
  private static final int SELF_PLACE = 1;
  private static final int P1 = 2;
  private static final int P2 = 3;
  private static final int N1 = 4;
  private static final int N2 = 5;
  private static final int ROLE_VECTORS = 6;
  /** Window roles of OpenNLP's feature prefixes: the token itself, then p1, p2, n1, n2. */
  private static final String[] ROLES = {"", "p1", "p2", "n1", "n2"};
  private static final int[] FLAG_BITS = {Gazetteer.FIRST_NAME, Gazetteer.LAST_NAME, Gazetteer.TITLE,
      Gazetteer.ORG_WORD, Gazetteer.COMMON, Gazetteer.DICTIONARY_WORD};
  private static final String[] FLAG_NAMES = {"fn", "ln", "ttl", "org", "cw", "dw"};
  private static final String[] GAZ_ROLES = {"g", "gp", "gn", "gpp"};
  static final String[] WORD_CLASSES = {"jah", "jak", "lc", "2d", "4d", "an", "dd", "ds", "dc", "dp", "num", "sc",
      "ac", "cp", "ic", "other"};

  private final CompiledNameModel model;
  private final CompiledMaxent maxent;
  private final int outcomes;
  private final int other;
  /** The uniform prior plus the always-present "def" feature. */
  private final double[] base;
  private final int sentenceBegin;
  private final int[][] placeFeature = new int[4][2];
  private final int[][] classPairBefore;
  private final int[][] classPairAfter;
  private final int[] previousOutcome;
  private final int[] secondPreviousOutcome;
  private final int[][] previousOutcomeAndClass;
  private final long[] previousOutcomeAndWord;
  /** Context ids of "wc=" + class per role, of dictionary flags per role, of "gx=" per lexical class, place, shape. */
  private final int[][] classOf = new int[ROLES.length][WORD_CLASSES.length];
  private final int[][] flagFeature = new int[GAZ_ROLES.length][FLAG_BITS.length];
  private final int[][][] combined = new int[16][2][4];
  /** Hash states after the fixed start of features that continue with the token's text. */
  private final long[] wordAndClassState = new long[ROLES.length];
  private final long[] wordState = new long[ROLES.length];
  private final long[] suffixState = new long[3];
  private final long prefixState = FeatureHash.add(FeatureHash.start(), "pre=");
  private final long bigramBefore = FeatureHash.add(FeatureHash.start(), "pw,w=");
  private final long bigramAfter = FeatureHash.add(FeatureHash.start(), "w,nw=");

  private double[] sums = new double[0];
  private int[] chosen = new int[0];
  private double[] chosenProb = new double[0];

  FastNameFinder() {
    this(CompiledNameModel.shared());
  }

  FastNameFinder(CompiledNameModel model) {
    this.model = model;
    this.maxent = model.maxent;
    this.outcomes = maxent.outcomeCount();
    this.other = maxent.outcome("other");
    this.base = new double[outcomes];
    maxent.prior(base);
    maxent.add(base, id("def"));
    this.sentenceBegin = id("S=begin");
    for (int r = 0; r < GAZ_ROLES.length; r++) {
      placeFeature[r][0] = id(GAZ_ROLES[r] + "=plb");
      placeFeature[r][1] = id(GAZ_ROLES[r] + "=pli");
      for (int k = 0; k < FLAG_BITS.length; k++) {
        flagFeature[r][k] = id(GAZ_ROLES[r] + "=" + FLAG_NAMES[k]);
      }
    }
    for (int r = 0; r < ROLES.length; r++) {
      for (int c = 0; c < WORD_CLASSES.length; c++) {
        classOf[r][c] = id(ROLES[r] + "wc=" + WORD_CLASSES[c]);
      }
      wordAndClassState[r] = FeatureHash.add(FeatureHash.start(), ROLES[r] + "w&c=");
      wordState[r] = FeatureHash.add(FeatureHash.start(), ROLES[r] + "w=");
    }
    String[] suffixRoles = {"", "p1", "n1"};
    for (int r = 0; r < suffixRoles.length; r++) {
      suffixState[r] = FeatureHash.add(FeatureHash.start(), suffixRoles[r] + "suf=");
    }
    String[] shapes = {"o", "l", "C", "U"};
    for (int lexical = 0; lexical < 16; lexical++) {
      int flags = ((lexical & 1) != 0 ? Gazetteer.FIRST_NAME : 0) | ((lexical & 2) != 0 ? Gazetteer.LAST_NAME : 0)
          | ((lexical & 4) != 0 ? Gazetteer.DICTIONARY_WORD : 0) | ((lexical & 8) != 0 ? Gazetteer.COMMON : 0);
      String name = GazetteerFeatureGeneratorFactory.GazetteerFeatures.lexicalClass(flags);
      for (int shape = 0; shape < shapes.length; shape++) {
        combined[lexical][0][shape] = id("gx=" + name + shapes[shape]);
        combined[lexical][1][shape] = id("gx=" + name + "p" + shapes[shape]);
      }
    }
    int classes = WORD_CLASSES.length;
    classPairBefore = new int[classes][classes];
    classPairAfter = new int[classes][classes];
    for (int a = 0; a < classes; a++) {
      for (int b = 0; b < classes; b++) {
        classPairBefore[a][b] = id("pwc,wc=" + WORD_CLASSES[a] + "," + WORD_CLASSES[b]);
        classPairAfter[a][b] = id("wc,nc=" + WORD_CLASSES[a] + "," + WORD_CLASSES[b]);
      }
    }
    previousOutcome = new int[outcomes];
    secondPreviousOutcome = new int[outcomes];
    previousOutcomeAndClass = new int[outcomes][classes];
    previousOutcomeAndWord = new long[outcomes];
    for (int o = 0; o < outcomes; o++) {
      String name = model.outcomes[o];
      previousOutcome[o] = id("po=" + name);
      secondPreviousOutcome[o] = id("ppo=" + name);
      for (int c = 0; c < classes; c++) {
        previousOutcomeAndClass[o][c] = id("powf=" + name + "," + WORD_CLASSES[c]);
      }
      previousOutcomeAndWord[o] = FeatureHash.add(FeatureHash.start(), "pow=" + name + ",");
    }
  }

  private int id(String feature) {
    return maxent.lookup(feature);
  }

  /** Names in one sentence window: spans of tokens typed "person", "location", ... with their mean probability. */
  Span[] find(Sentence s, TokenInfo[] tokens) {
    int n = tokens.length;
    for (TokenInfo t : tokens) {
      if (t.roles == null) {
        resolve(t);
      }
    }
    if (chosen.length < n) {
      chosen = new int[Math.max(n, 2 * chosen.length)];
      chosenProb = new double[chosen.length];
    }
    if (sums.length < outcomes) {
      sums = new double[outcomes];
    }
    for (int i = 0; i < n; i++) {
      score(s, tokens, i);
      choose(i);
    }
    return spans(n);
  }

  private void score(Sentence s, TokenInfo[] t, int i) {
    int n = t.length;
    double[] sum = sums;
    System.arraycopy(base, 0, sum, 0, outcomes);
    int o = outcomes;
    maxent.addVector(sum, t[i].roles, (s.places[i] != 0 ? SELF_PLACE : SELF) * o);
    if (i >= 1) {
      maxent.addVector(sum, t[i - 1].roles, P1 * o);
    }
    if (i >= 2) {
      maxent.addVector(sum, t[i - 2].roles, P2 * o);
    }
    if (i + 1 < n) {
      maxent.addVector(sum, t[i + 1].roles, N1 * o);
    }
    if (i + 2 < n) {
      maxent.addVector(sum, t[i + 2].roles, N2 * o);
    }
    int wordClass = t[i].wordClass;
    if (i > 0) {
      add(sum, maxent.lookup(pair(bigramBefore, t[i - 1].text, t[i].text)));
      add(sum, classPairBefore[t[i - 1].wordClass][wordClass]);
    }
    if (i + 1 < n) {
      add(sum, maxent.lookup(pair(bigramAfter, t[i].text, t[i + 1].text)));
      add(sum, classPairAfter[wordClass][t[i + 1].wordClass]);
    }
    if (i == 0) {
      add(sum, sentenceBegin);
    }
    place(sum, s, i, 0);
    place(sum, s, i - 1, 1);
    place(sum, s, i + 1, 2);
    place(sum, s, i - 2, 3);
    int po = i >= 1 ? chosen[i - 1] : other;
    int ppo = i >= 2 ? chosen[i - 2] : other;
    add(sum, previousOutcome[po]);
    add(sum, maxent.lookup(FeatureHash.finish(FeatureHash.add(previousOutcomeAndWord[po], t[i].text))));
    add(sum, previousOutcomeAndClass[po][wordClass]);
    add(sum, secondPreviousOutcome[ppo]);
    maxent.normalise(sum);
  }

  /** The dictionary's place mark of a neighbour ("gp=plb": the word before starts a known place). */
  private void place(double[] sum, Sentence s, int token, int role) {
    if (token >= 0 && token < s.length() && s.places[token] != 0) {
      add(sum, placeFeature[role][s.places[token] - 1]);
    }
  }

  private long pair(long prefix, String a, String b) {
    return FeatureHash.finish(FeatureHash.add(FeatureHash.add(FeatureHash.add(prefix, a), ','), b));
  }

  private void add(double[] sum, int context) {
    maxent.add(sum, context);
  }

  /**
   * Beam search of width one as OpenNLP does it: the most probable outcome, or, when that would break
   * the BIO sequence (a "cont" not after its own type's start or cont), the most probable valid one.
   */
  private void choose(int i) {
    int best = -1;
    for (int o = 0; o < outcomes; o++) {
      if (best < 0 || sums[o] > sums[best]) {
        best = o;
      }
    }
    if (!valid(i, best)) {
      best = -1;
      for (int o = 0; o < outcomes; o++) {
        if (valid(i, o) && (best < 0 || sums[o] > sums[best])) {
          best = o;
        }
      }
    }
    chosen[i] = best;
    chosenProb[i] = sums[best];
  }

  private boolean valid(int i, int outcome) {
    if (model.kind[outcome] != 2) {
      return true;
    }
    if (i == 0) {
      return false;
    }
    int previous = chosen[i - 1];
    return model.kind[previous] != 0 && model.type[outcome].equals(model.type[previous]);
  }

  /** BIO decoding, each span's probability the mean of its tokens' (NameFinderME.probs). */
  private Span[] spans(int n) {
    List<Span> spans = new ArrayList<>(2);
    int start = -1;
    for (int i = 0; i <= n; i++) {
      byte kind = i < n ? model.kind[chosen[i]] : 0;
      if (start >= 0 && kind != 2) {
        double p = 0;
        for (int k = start; k < i; k++) {
          p += chosenProb[k];
        }
        p /= i - start;
        spans.add(new Span(start, i, model.type[chosen[i - 1]], p));
        start = -1;
      }
      if (kind == 1) {
        start = i;
      }
    }
    return spans.toArray(new Span[0]);
  }

  /**
   * Sums, once per token string, the weights of every feature that depends on that token alone, for
   * each place it can take around the position being scored: itself (with or without a known place
   * under it), one or two before, one or two after. Features built from the token's own text are
   * hashed piece by piece; those built from its class, flags and shape were looked up once.
   */
  private void resolve(TokenInfo t) {
    int o = outcomes;
    double[] roles = new double[ROLE_VECTORS * o];
    String text = t.text;
    int cls = classIndex(FeatureGeneratorUtil.tokenFeature(text));
    String lower = openNlpLowerCase(text);
    int len = text.length();
    int shape = shapeIndex(GazetteerFeatureGeneratorFactory.GazetteerFeatures.shape(text));
    int lexical = lexicalIndex(t.flags);
    // itself: class, word and class, word, suffixes and prefixes, suffix window, dictionary flags
    int self = SELF * o;
    maxent.add(roles, self, classOf[0][cls]);
    wordAndClass(roles, self, 0, lower, cls);
    word(roles, self, 0, lower);
    for (int k = 0; k < Math.min(3, len); k++) {
      affix(roles, self, suffixState[0], text, Math.max(len - k - 1, 0), len);
    }
    for (int k = 0; k < Math.min(3, len); k++) {
      affix(roles, self, prefixState, text, 0, Math.min(k + 1, len));
    }
    for (int k = 0; k < Math.min(2, len); k++) {
      affix(roles, self, suffixState[0], text, Math.max(len - k - 1, 0), len);
    }
    flags(roles, self, 0, t.flags);
    System.arraycopy(roles, self, roles, SELF_PLACE * o, o);
    maxent.add(roles, self, combined[lexical][0][shape]);
    maxent.add(roles, SELF_PLACE * o, combined[lexical][1][shape]);
    // as a neighbour: p1, p2, n1, n2 (role index 1..4); suffix window at p1 and n1; flags as gp, gpp, gn
    int[] vector = {0, P1, P2, N1, N2};
    int[] suffixRole = {0, 1, 0, 2, 0};
    int[] flagRole = {0, 1, 3, 2, -1};
    for (int r = 1; r < ROLES.length; r++) {
      int at = vector[r] * o;
      maxent.add(roles, at, classOf[r][cls]);
      wordAndClass(roles, at, r, lower, cls);
      word(roles, at, r, lower);
      if (suffixRole[r] != 0) {
        for (int k = 0; k < Math.min(2, len); k++) {
          affix(roles, at, suffixState[suffixRole[r]], text, Math.max(len - k - 1, 0), len);
        }
      }
      if (flagRole[r] >= 0) {
        flags(roles, at, flagRole[r], t.flags);
      }
    }
    t.wordClass = cls;
    t.roles = roles;
  }

  private void wordAndClass(double[] roles, int at, int role, String lower, int cls) {
    long h = FeatureHash.add(FeatureHash.add(wordAndClassState[role], lower), ',');
    maxent.add(roles, at, maxent.lookup(FeatureHash.finish(FeatureHash.add(h, WORD_CLASSES[cls]))));
  }

  private void word(double[] roles, int at, int role, String lower) {
    maxent.add(roles, at, maxent.lookup(FeatureHash.finish(FeatureHash.add(wordState[role], lower))));
  }

  private void affix(double[] roles, int at, long state, String text, int from, int to) {
    maxent.add(roles, at, maxent.lookup(FeatureHash.finish(FeatureHash.add(state, text, from, to))));
  }

  private void flags(double[] roles, int at, int role, int flags) {
    for (int k = 0; k < FLAG_BITS.length; k++) {
      if ((flags & FLAG_BITS[k]) != 0) {
        maxent.add(roles, at, flagFeature[role][k]);
      }
    }
  }

  private static int shapeIndex(char shape) {
    return switch (shape) {
      case 'o' -> 0;
      case 'l' -> 1;
      case 'C' -> 2;
      default -> 3;
    };
  }

  /** The dictionary-class part of "gx=": which of first name, last name, dictionary, common word. */
  private static int lexicalIndex(int flags) {
    return ((flags & Gazetteer.FIRST_NAME) != 0 ? 1 : 0) | ((flags & Gazetteer.LAST_NAME) != 0 ? 2 : 0)
        | ((flags & Gazetteer.DICTIONARY_WORD) != 0 ? 4 : 0) | ((flags & Gazetteer.COMMON) != 0 ? 8 : 0);
  }

  /** Index of an OpenNLP word class ({@code FeatureGeneratorUtil.tokenFeature}) in {@link #WORD_CLASSES}. */
  static int classIndex(String cls) {
    for (int c = 0; c < WORD_CLASSES.length; c++) {
      if (WORD_CLASSES[c].equals(cls)) {
        return c;
      }
    }
    throw new IllegalStateException("Cannot index OpenNLP word class " + cls);
  }

  /** OpenNLP's StringUtil.toLowerCase: code point by code point, no locale rules. */
  static String openNlpLowerCase(String s) {
    boolean ascii = true;
    for (int i = 0; i < s.length() && ascii; i++) {
      ascii = s.charAt(i) < 128;
    }
    if (ascii) {
      return s.toLowerCase(Locale.ROOT); // the same for ASCII, without a code point array
    }
    int[] cp = s.codePoints().map(Character::toLowerCase).toArray();
    return new String(cp, 0, cp.length);
  }
}
