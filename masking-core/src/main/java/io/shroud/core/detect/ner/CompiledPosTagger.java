package io.shroud.core.detect.ner;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.PriorityQueue;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;

/**
 * OpenNLP 2.5's {@code POSTaggerME.tag} on the UD English model, computed without strings: the same tags,
 * from the same probabilities bit for bit.
 *
 * <p>The model's features ({@code generator.featuregen}: "def", four suffixes and prefixes, the words in a
 * window of two, the sentence start in that window, the word class, the two previous tags) are summed in
 * the generator's order from context indices that each token string resolves once ({@link TokenInfo});
 * the previous tags' features come from tables built at load time. OpenNLP's generator caches a
 * position's features per sentence (its {@code cache="true"}), previous tags included, so every entry of
 * the beam at a position gets the features, and so the probabilities, of the entry taken first: the one
 * with the best score. The beam search here keeps that behaviour and OpenNLP's priority queue of
 * sequences, so ties fall the same way, but scores the position once instead of once per entry, and a
 * sequence is a link to its parent instead of two copied lists. Not thread-safe: one per thread.
 */
final class CompiledPosTagger {
  /** SHA-256 of the feature descriptor this class implements (the one in opennlp-models-pos-en 1.3.0). */
  static final String DESCRIPTOR_SHA256 = "d6737d09cec55717e2e10e70be03c5a15a1708d1b35b3017390862e784c40c3a";
  private static final int AFFIXES = 4;
  /** BeamSearch's floor for a sequence's log score. */
  private static final double ZERO_LOG = -100000;

  private final CompiledMaxent model;
  private final int outcomes;
  private final int beamSize;
  private final int definition;
  private final int[] sentenceBegin = new int[3];
  private final int[] previousTag;
  /** "t2=" + tag before the previous + "," + previous tag, by outcome pair. */
  private final int[] previousTags;
  private final int[] classOf = new int[FastNameFinder.WORD_CLASSES.length];
  private final long suffixState = FeatureHash.add(FeatureHash.start(), "suf=");
  private final long prefixState = FeatureHash.add(FeatureHash.start(), "pre=");
  private final long[] wordState = new long[5];
  private final long wordAndClassState = FeatureHash.add(FeatureHash.start(), "w&c=");
  private final double[] sum;
  /** The largest probabilities at a position, descending (beam size of them). */
  private final double[] largest;
  private PriorityQueue<Step> current;
  private PriorityQueue<Step> next;

  CompiledPosTagger(CompiledMaxent model, int beamSize) {
    this.model = model;
    this.outcomes = model.outcomeCount();
    this.beamSize = beamSize;
    this.definition = model.lookup("def");
    String[] begin = {"S=begin", "p1S=begin", "p2S=begin"};
    for (int k = 0; k < begin.length; k++) {
      sentenceBegin[k] = model.lookup(begin[k]);
    }
    previousTag = new int[outcomes];
    previousTags = new int[outcomes * outcomes];
    for (int a = 0; a < outcomes; a++) {
      previousTag[a] = model.lookup("t=" + model.outcomes[a]);
      for (int b = 0; b < outcomes; b++) {
        previousTags[a * outcomes + b] = model.lookup("t2=" + model.outcomes[a] + "," + model.outcomes[b]);
      }
    }
    for (int c = 0; c < classOf.length; c++) {
      classOf[c] = model.lookup("wc=" + FastNameFinder.WORD_CLASSES[c]);
    }
    String[] roles = {"", "p1", "p2", "n1", "n2"};
    for (int r = 0; r < roles.length; r++) {
      wordState[r] = FeatureHash.add(FeatureHash.start(), roles[r] + "w=");
    }
    this.sum = new double[outcomes];
    this.largest = new double[Math.max(1, beamSize)];
    this.current = new PriorityQueue<>(beamSize);
    this.next = new PriorityQueue<>(beamSize);
  }

  /** A tagger over the shared UD English model. */
  CompiledPosTagger() {
    this(Shipped.MODEL, Shipped.BEAM_SIZE);
  }

  /** The tags of {@code tokens} (their infos, in order): what {@code POSTaggerME.tag} gives for their texts. */
  String[] tag(TokenInfo[] tokens) {
    resolveAll(tokens);
    current.clear();
    next.clear();
    current.add(Step.START);
    for (int i = 0; i < tokens.length; i++) {
      int taken = Math.min(beamSize, current.size());
      boolean scored = false;
      double least = 0;
      for (int k = 0; k < taken && !current.isEmpty(); k++) {
        Step top = current.remove();
        if (!scored) { // the features of the first entry taken, for every entry: see the class comment
          score(tokens, i, i >= 1 ? top.outcome : -1, i >= 2 ? top.parent.outcome : -1);
          least = kthLargest(sum, outcomes, beamSize, largest);
          scored = true;
        }
        for (int o = 0; o < outcomes; o++) {
          if (sum[o] >= least) {
            offer(top, o);
          }
        }
        if (next.isEmpty()) {
          for (int o = 0; o < outcomes; o++) {
            offer(top, o);
          }
        }
      }
      current.clear();
      PriorityQueue<Step> swap = current;
      current = next;
      next = swap;
    }
    String[] tags = new String[tokens.length];
    Step best = current.isEmpty() ? null : current.remove();
    for (Step s = best; s != null && s.length > 0; s = s.parent) {
      tags[s.length - 1] = model.outcomes[s.outcome];
    }
    return tags;
  }

  /**
   * BeamSearch's threshold: {@code sorted[max(0, n - beamSize)]} of the probabilities sorted ascending,
   * i.e. the beam size's largest counting equal values, found without sorting (the sort was a third of
   * the tagger's time). Ordered as {@code Arrays.sort} orders doubles ({@link Double#compare}).
   */
  static double kthLargest(double[] values, int n, int beamSize, double[] top) {
    int k = Math.min(beamSize, n);
    int filled = 0;
    for (int o = 0; o < n; o++) {
      double v = values[o];
      if (filled == k && Double.compare(v, top[k - 1]) <= 0) {
        continue;
      }
      int j = filled < k ? filled++ : k - 1;
      while (j > 0 && Double.compare(v, top[j - 1]) > 0) {
        top[j] = top[j - 1];
        j--;
      }
      top[j] = v;
    }
    return top[k - 1];
  }

  private void offer(Step parent, int outcome) {
    Step step = new Step(parent, outcome, parent.score + StrictMath.log(sum[outcome]));
    if (step.score > ZERO_LOG) {
      next.add(step);
    }
  }

  /**
   * The model's probabilities at token {@code i}, which follows the tags {@code beforePrevious} and
   * {@code previous} (outcome indices, -1 for none), as {@code eval(getContext(i, ...))} gives them.
   */
  double[] probabilities(TokenInfo[] tokens, int i, int previous, int beforePrevious) {
    resolveAll(tokens);
    score(tokens, i, previous, beforePrevious);
    return sum.clone();
  }

  /** The outcome index of a tag name. */
  int outcome(String tag) {
    return model.outcome(tag);
  }

  /** {@link #probabilities} into {@link #sum}. */
  private void score(TokenInfo[] t, int i, int previous, int beforePrevious) {
    int n = t.length;
    model.prior(sum);
    model.add(sum, definition);
    int[] self = t[i].posFeatures;
    int affixes = self.length - 7;
    for (int k = 0; k < affixes + 1; k++) { // suffixes, prefixes, "w="
      model.add(sum, self[k]);
    }
    if (i >= 1) {
      model.add(sum, t[i - 1].posFeatures[t[i - 1].posFeatures.length - 4]);
    }
    if (i >= 2) {
      model.add(sum, t[i - 2].posFeatures[t[i - 2].posFeatures.length - 3]);
    }
    if (i + 1 < n) {
      model.add(sum, t[i + 1].posFeatures[t[i + 1].posFeatures.length - 2]);
    }
    if (i + 2 < n) {
      model.add(sum, t[i + 2].posFeatures[t[i + 2].posFeatures.length - 1]);
    }
    if (i < sentenceBegin.length) {
      model.add(sum, sentenceBegin[i]);
    }
    model.add(sum, self[affixes + 1]); // "wc="
    model.add(sum, self[affixes + 2]); // "w&c="
    if (previous >= 0) {
      model.add(sum, previousTag[previous]);
      if (beforePrevious >= 0) {
        model.add(sum, previousTags[beforePrevious * outcomes + previous]);
      }
    }
    model.normalise(sum);
  }

  private void resolveAll(TokenInfo[] tokens) {
    for (TokenInfo t : tokens) {
      if (t.posFeatures == null) {
        resolve(t);
      }
    }
  }

  /**
   * The context indices of a token's own features, in the generator's order: its suffixes and prefixes
   * (up to four each), "w=", "wc=", "w&c=", then the word as the neighbour one and two before and after
   * ("p1w=", "p2w=", "n1w=", "n2w=").
   */
  private void resolve(TokenInfo t) {
    String text = t.text;
    int len = text.length();
    int affixes = Math.min(AFFIXES, len);
    int[] ids = new int[2 * affixes + 7];
    int at = 0;
    for (int k = 0; k < affixes; k++) {
      ids[at++] = lookup(FeatureHash.add(suffixState, text, Math.max(len - k - 1, 0), len));
    }
    for (int k = 0; k < affixes; k++) {
      ids[at++] = lookup(FeatureHash.add(prefixState, text, 0, Math.min(k + 1, len)));
    }
    String lower = FastNameFinder.openNlpLowerCase(text);
    ids[at++] = lookup(FeatureHash.add(wordState[0], lower));
    String cls = FeatureGeneratorUtil.tokenFeature(text);
    ids[at++] = classOf[FastNameFinder.classIndex(cls)];
    ids[at++] = lookup(FeatureHash.add(FeatureHash.add(FeatureHash.add(wordAndClassState, lower), ','), cls));
    for (int r = 1; r < wordState.length; r++) {
      ids[at++] = lookup(FeatureHash.add(wordState[r], lower));
    }
    t.posFeatures = ids;
  }

  private int lookup(long state) {
    return model.lookup(FeatureHash.finish(state));
  }

  /** One entry of the beam: a tag after its parent's, with the sum of the logs of their probabilities. */
  private static final class Step implements Comparable<Step> {
    static final Step START = new Step(null, -1, 0.0);

    final Step parent;
    final int outcome;
    final int length;
    final double score;

    Step(Step parent, int outcome, double score) {
      this.parent = parent;
      this.outcome = outcome;
      this.length = parent == null ? 0 : parent.length + 1;
      this.score = score;
    }

    /** As OpenNLP's {@code Sequence}: the higher score first. */
    @Override
    public int compareTo(Step other) {
      return Double.compare(other.score, score);
    }
  }

  /** The shipped UD English POS model, checked to be the kind this class reproduces, compiled once per JVM. */
  static final class Shipped {
    static final CompiledMaxent MODEL;
    static final int BEAM_SIZE;

    static {
      Map<String, byte[]> entries = CompiledMaxent.entries(NerModels.POS_MODEL);
      String manifest = new String(entries.getOrDefault("manifest.properties", new byte[0]),
          StandardCharsets.ISO_8859_1);
      byte[] descriptor = entries.get("generator.featuregen");
      String digest = descriptor == null ? "none" : CompiledNameModel.sha256(descriptor);
      boolean plain = manifest.contains("factory=opennlp.tools.postag.POSTaggerFactory")
          && digest.equals(DESCRIPTOR_SHA256) && !entries.containsKey("tags.tagdict");
      if (!plain) {
        throw new IllegalStateException("Cannot use POS model " + NerModels.POS_MODEL + ": the compiled tagger "
            + "reproduces only the UD English model's features (sha256 " + DESCRIPTOR_SHA256 + ") without a tag "
            + "dictionary; this one has sha256 " + digest);
      }
      MODEL = CompiledMaxent.fromEntry(NerModels.POS_MODEL, entries, "pos.model");
      BEAM_SIZE = beamSize(manifest);
    }

    private Shipped() {}

    private static int beamSize(String manifest) {
      for (String line : manifest.split("\n")) {
        if (line.startsWith("BeamSize=")) {
          return Integer.parseInt(line.substring("BeamSize=".length()).trim());
        }
      }
      return 3; // POSModel's default
    }
  }
}
