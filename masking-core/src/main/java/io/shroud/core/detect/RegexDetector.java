package io.shroud.core.detect;

import io.shroud.core.detect.check.Checksums;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A detector built from a candidate pattern, a validator and context words. Patterns must be free
 * of nested unbounded quantifiers so matching stays linear on adversarial input. One matcher is
 * kept and reset per text (detectors are per thread), so scanning allocates nothing per text.
 */
public abstract class RegexDetector implements Detector {
  /**
   * Score of a context-required detector's candidate that has no context at all: the shape matched,
   * nothing else vouches for it. Below any useful threshold (Presidio reports such candidates at
   * 0.0-0.15); produced only for a scanner whose threshold is this low, so the default scan pays
   * nothing for it.
   */
  public static final double SHAPE_ONLY_SCORE = 0.1;

  private final String id;
  private final EntityType type;
  private final Pattern pattern;
  private final ContextWords context;
  private final boolean contextRequired;
  private Matcher matcher;
  private double reportingThreshold = DetectionSettings.DEFAULTS.minConfidence();

  private int digitRun;
  private boolean contiguous;
  private int[][] runShapes;
  /** Per declared shape, the set of its run lengths as {@link TextFeatures#digitRunLengths} writes them. */
  private long[] shapeLengths;

  protected RegexDetector(String id, EntityType type, Pattern pattern, List<String> contextWords) {
    this(id, type, pattern, new ContextWords(contextWords), false);
  }

  /**
   * @param contextRequired when true, candidates are reported only if a context word is near them
   *     or in the column name (for shapes that are mostly something else: 3-digit CVVs, zip codes)
   */
  protected RegexDetector(String id, EntityType type, Pattern pattern, ContextWords context,
      boolean contextRequired) {
    this.id = id;
    this.type = type;
    this.pattern = pattern;
    this.context = context;
    this.contextRequired = contextRequired;
  }

  @Override
  public final void reportingThreshold(double minConfidence) {
    this.reportingThreshold = minConfidence;
  }

  /**
   * Whether a context-required detector reports candidates without context, at
   * {@link #SHAPE_ONLY_SCORE}: only for a scanner whose threshold admits that score.
   */
  private boolean shapeOnlyReported() {
    return contextRequired && shapeOnlyTier();
  }

  /** Whether the scanner reports findings as weak as {@link #SHAPE_ONLY_SCORE}. */
  protected final boolean shapeOnlyTier() {
    return reportingThreshold <= SHAPE_ONLY_SCORE;
  }

  /**
   * Shape-only candidates of numbers written with two different groupings (SSN 078-051121 or
   * 07805-1121): {@code pattern} finds them, {@code valid} checks the digits; reported at
   * {@link #SHAPE_ONLY_SCORE}, and only when the scanner's threshold admits that score.
   */
  protected final void addMixedGroupings(String text, TextFeatures features, Pattern pattern,
      Predicate<String> valid, List<Finding> out) {
    if (!shapeOnlyTier() || !features.has('-')) {
      return;
    }
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      if (valid.test(Checksums.digitsOf(m.group()))) {
        out.add(new Finding(type, m.start(), m.end(), SHAPE_ONLY_SCORE, id, "shape only: mixed grouping"));
      }
    }
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final EntityType entityType() {
    return type;
  }

  protected final ContextWords context() {
    return context;
  }

  /**
   * Declares a detector of digit runs of at least {@code digits} digits (SSNs, TFNs, routing numbers):
   * it skips texts with fewer digits and runs only around numeric clusters that big, without margins.
   */
  protected final void digitRun(int digits) {
    this.digitRun = digits;
  }

  /** Like {@link #digitRun(int)}, but the digits must also stand together (no separators). */
  protected final void contiguousDigitRun(int digits) {
    this.digitRun = digits;
    this.contiguous = true;
  }

  /**
   * Declares the only ways a match can be written as maximal digit runs: {9} for nine digits
   * together, {3, 2, 4} for 123-45-6789. A numeric cluster without one of these run sequences is
   * skipped without running the pattern (a 16-digit card number is no SSN). Every shape the
   * pattern accepts must be listed, and a detector that declares shapes keeps the default
   * {@link #clusterMayMatch} (a text without the shapes' run lengths is skipped before it is asked).
   */
  protected final void digitRunShapes(int[]... shapes) {
    this.runShapes = shapes;
    this.shapeLengths = new long[shapes.length];
    for (int s = 0; s < shapes.length; s++) {
      for (int length : shapes[s]) {
        shapeLengths[s] |= TextFeatures.digitRunBit(length);
      }
    }
  }

  /**
   * Whether the text has, for some declared shape, a maximal digit run of each of its lengths: when
   * not, no cluster can hold the shape ({@link #clusterMayMatch}) and the text is skipped before its
   * clusters are walked (a 16-digit order number is no SSN, whatever surrounds it).
   */
  final boolean shapeLengthsPresent(TextFeatures features) {
    return TextGate.anyShapePresent(shapeLengths, features.digitRunLengths());
  }

  /**
   * The gate the declarations give: at least {@link #digitRun} digits and, when shapes are declared,
   * the run lengths of one of them. Valid for a detector that keeps the default {@link #minClusterDigits}
   * and {@link #detect} (every finding then comes from a cluster of that many digits, after the shape
   * test); one that overrides either says its own gate.
   */
  protected final TextGate declaredDigitGate() {
    TextGate gate = TextGate.digits(digitRun);
    return shapeLengths == null ? gate : gate.withRunShapes(shapeLengths);
  }

  /** The candidate pattern (for tests that check the declared shapes against it). */
  final Pattern pattern() {
    return pattern;
  }

  /** The declared digit-run shapes, or null. */
  final int[][] runShapes() {
    return runShapes;
  }

  /** Cheap test that lets most texts skip the regex entirely. */
  protected boolean mayContain(TextFeatures features) {
    return digitRun == 0 || (contiguous ? features.maxDigitRun() : features.digits()) >= digitRun;
  }

  /**
   * Scores one candidate. Returns null to reject it; otherwise a base score (before context) and a
   * reason that does not contain the matched text.
   */
  protected abstract Score evaluate(Matcher match, String text, DetectionContext context);

  /**
   * For numeric detectors: the fewest digits a numeric cluster ({@link TextFeatures#numericClusters})
   * must hold for the pattern to be tried around it. 0 (the default) tries the pattern on the whole
   * text. Running only around clusters is what keeps the catalogue fast on prose.
   */
  protected int minClusterDigits(TextFeatures features) {
    return digitRun;
  }

  /**
   * For anchored detectors: the part of the text worth searching, as {start, end}, or null for the
   * whole text (an e-mail address lies within 64 characters before an '@' and 256 after).
   */
  protected int[] searchWindow(TextFeatures features) {
    return null;
  }

  /**
   * For anchored detectors: the last index a match can start at, given the text (an e-mail address
   * starts before an '@'), so the search stops once it has passed it instead of trying every later
   * position. {@link Integer#MAX_VALUE} (the default) searches to the end of the region.
   */
  protected int lastMatchStart(TextFeatures features) {
    return Integer.MAX_VALUE;
  }

  /**
   * Cheap test of a numeric cluster [clusterStart, clusterEnd) and what stands before it: false when
   * no match can involve this cluster (a NINO needs letters right before its digits; an SSN needs
   * runs of 9 or 3-2-4 digits, see {@link #digitRunShapes}) or when every match there is one
   * {@link #evaluate} rejects (a bare run of digits failing a card's Luhn check). Must never reject a
   * cluster around which the pattern could match something evaluate keeps.
   */
  protected boolean clusterMayMatch(String text, int clusterStart, int clusterEnd) {
    return runShapes == null || TextFeatures.hasDigitRuns(text, clusterStart, clusterEnd, runShapes);
  }

  /** Characters before a cluster the match may start at (a letter prefix, '+', '('). */
  protected int clusterMarginBefore() {
    return digitRun > 0 ? 0 : 2;
  }

  /** Characters after a cluster the match may extend to (a check letter, an extension). */
  protected int clusterMarginAfter() {
    return digitRun > 0 ? 0 : 2;
  }

  @Override
  public void detect(String text, TextFeatures features, DetectionContext detectionContext, List<Finding> out) {
    if (text.isEmpty() || !mayContain(features)) {
      return;
    }
    if (contextRequired && !shapeOnlyReported() && !context.mayApply(features, detectionContext)) {
      return;
    }
    int minDigits = minClusterDigits(features);
    if (minDigits <= 0) {
      int[] window = searchWindow(features);
      scan(matcherFor(text), text, window == null ? 0 : window[0], window == null ? text.length() : window[1],
          features, detectionContext, out);
      return;
    }
    if (runShapes != null && !shapeLengthsPresent(features)) {
      return;
    }
    int[] clusters = features.numericClusters();
    if (!anyCluster(clusters, minDigits)) {
      return;
    }
    Matcher m = matcherFor(text);
    // Regions may overlap by their margins; only a finding (not a searched margin) moves the start
    // of the next region, so an entity starting inside the previous margin is still seen whole.
    int foundTo = 0;
    for (int c = 0; c < clusters.length; c += 3) {
      if (clusters[c + 2] < minDigits || !clusterMayMatch(text, clusters[c], clusters[c + 1])) {
        continue;
      }
      int from = Math.max(foundTo, clusters[c] - clusterMarginBefore());
      int to = Math.min(text.length(), clusters[c + 1] + clusterMarginAfter());
      if (from < to) {
        foundTo = Math.max(foundTo, scan(m, text, from, to, features, detectionContext, out));
      }
    }
  }

  /** The reused matcher, pointed at text. Lookarounds see outside the searched region. */
  private Matcher matcherFor(String text) {
    if (matcher == null) {
      matcher = pattern.matcher(text);
      matcher.useTransparentBounds(true);
      matcher.useAnchoringBounds(false);
      return matcher;
    }
    return matcher.reset(text);
  }

  private static boolean anyCluster(int[] clusters, int minDigits) {
    for (int c = 2; c < clusters.length; c += 3) {
      if (clusters[c] >= minDigits) {
        return true;
      }
    }
    return false;
  }

  /** Finds and scores matches within [from, to); returns the end of the last finding (or from). */
  private int scan(Matcher m, String text, int from, int to, TextFeatures features, DetectionContext detectionContext,
      List<Finding> out) {
    int lastEnd = from;
    int lastStart = lastMatchStart(features);
    m.region(from, to);
    // Where the next find resumes: past lastStart, no match can start.
    int resumeAt = from;
    while (resumeAt <= lastStart && m.find()) {
      resumeAt = m.end();
      Score score = evaluate(m, text, detectionContext);
      if (score == null) {
        continue;
      }
      int start = score.start() >= 0 ? score.start() : m.start();
      int end = score.end() >= 0 ? score.end() : m.end();
      if (end < m.end()) {
        // The finding is shorter than the greedy match: resume right after it, not after the match.
        m.region(end, to);
        resumeAt = end;
      }
      ContextWords.Support support = context.support(features, start, end, detectionContext);
      double value = score.value();
      String reason = score.reason();
      if (support == ContextWords.Support.NONE && contextRequired) {
        if (!shapeOnlyReported() || context.suppressed(features, start, detectionContext)) {
          continue;
        }
        value = Math.min(value, SHAPE_ONLY_SCORE);
        reason += "; shape only, no context";
      } else if (support == ContextWords.Support.NONE && context.suppressed(features, start, detectionContext)) {
        continue;
      }
      if (support == ContextWords.Support.COLUMN) {
        value += ContextWords.COLUMN_BOOST;
        reason += "; column name";
      } else if (support == ContextWords.Support.TEXT) {
        value += ContextWords.TEXT_BOOST;
        reason += "; context word";
      }
      out.add(new Finding(type, start, end, value, id, reason));
      lastEnd = Math.max(lastEnd, end);
    }
    return lastEnd;
  }

  /**
   * A base score with its reason, optionally for a narrower span than the regex match (start and end
   * are -1 to use the match span).
   */
  protected record Score(double value, String reason, int start, int end) {
    /** Public so detectors in other packages can build one (a record's own constructor takes its access). */
    public Score {}

    public Score(double value, String reason) {
      this(value, reason, -1, -1);
    }
  }

  static boolean hasDigits(String text, int atLeast) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9' && ++count >= atLeast) {
        return true;
      }
    }
    return false;
  }

  /** The number of ASCII digits in {@code s} (the phone and address-unit detectors use it too). */
  public static int countDigits(CharSequence s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        n++;
      }
    }
    return n;
  }

  /** Whether the characters of text in [start, end) are all ASCII digits. */
  static boolean allDigits(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return s.length() > 0;
  }
}
