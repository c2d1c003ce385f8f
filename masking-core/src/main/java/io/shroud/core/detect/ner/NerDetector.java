package io.shroud.core.detect.ner;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.Detector;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.NerSettings;
import io.shroud.core.detect.TextFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import opennlp.tools.util.Span;

/**
 * People, places and organizations in free text. Each sentence goes through Shroud's trained name
 * finder; its spans, plus spans proposed by patterns (a title or "called"/"spoke with" before
 * capitalised words, a known first name before a capitalised word, a known place), are scored by
 * {@link Evidence} into one confidence, and those reaching the threshold are reported. Finally every
 * later mention of a found person's first or last name in the same text is reported too.
 *
 * <p>Reports {@link EntityType#PERSON}, {@link EntityType#LOCATION} and
 * {@link EntityType#ORGANIZATION}; {@link #entityType()} names the main one. Holds per-thread OpenNLP
 * taggers over models shared JVM-wide ({@link NerModels}): one instance per thread, as for all
 * detectors.
 */
public final class NerDetector implements Detector {
  public static final String ID = "ner";

  private final double threshold;
  private final boolean properNouns;
  private final Gazetteer gazetteer = Gazetteer.shared();
  private final Segmenter segmenter = new Segmenter();
  private final FastNameFinder finder = new FastNameFinder();
  private final TokenInfo.Table tokenInfo = new TokenInfo.Table(gazetteer);
  private final Evidence evidence;
  private CompiledPosTagger tagger;
  /** The text being scanned, for the address context around a sentence. */
  private String text;
  private final List<Mention> mentions = new ArrayList<>();
  private final RepeatedMentions repeated = new RepeatedMentions();
  private final Segmenter.Sink sink = new Segmenter.Sink() {
    @Override
    public void sentence(String[] tokens, int[] starts, int[] ends) {
      NerDetector.this.sentence(tokens, starts, ends);
    }

    @Override
    public boolean settled(String[] tokens, int[] starts, int[] ends) {
      return NerDetector.this.settled(tokens, starts, ends);
    }

    @Override
    public void sentence(String sentence, int offset, Runnable tokenize) {
      NerDetector.this.sentence(sentence, offset, tokenize);
    }
  };
  private final SentenceMemo memo = new SentenceMemo();

  public NerDetector(double threshold) {
    this(threshold, false);
  }

  /** @param unknownProperNouns also report capitalised words no dictionary knows, see {@link ProperNouns} */
  public NerDetector(double threshold, boolean unknownProperNouns) {
    this.threshold = threshold;
    this.evidence = new Evidence(gazetteer);
    this.properNouns = unknownProperNouns && threshold <= NerSettings.PROPER_NOUN_CONFIDENCE;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public EntityType entityType() {
    return EntityType.PERSON;
  }

  @Override
  public void detect(String text, TextFeatures features, DetectionContext context, List<Finding> out) {
    if (features.upper() + features.lower() == 0) {
      return; // no letters, no names
    }
    mentions.clear();
    repeated.clear();
    this.text = text;
    segmenter.segment(text, sink);
    this.text = null;
    hashtags(text);
    repeated.addLaterMentions(text, mentions, gazetteer, threshold);
    for (Mention m : mentions) {
      out.add(new Finding(m.type(), m.start(), m.end(), m.score(), ID, m.reason()));
    }
    mentions.clear();
    repeated.clear();
  }

  /** Name hashtags not already inside a mention ("#MariaGarcia"). */
  private void hashtags(String text) {
    if (text.indexOf('#') < 0) {
      return;
    }
    List<Mention> tags = new ArrayList<>(2);
    Hashtags.find(text, gazetteer, tags);
    for (Mention tag : tags) {
      mentions.removeIf(m -> m.start() >= tag.start() && m.end() <= tag.end()); // "Garcia" inside "#MariaGarcia"
      if (mentions.stream().noneMatch(m -> m.start() < tag.end() && tag.start() < m.end())) {
        mentions.add(tag);
      }
    }
  }

  /**
   * A sentence before tokenizing: replayed from {@link SentenceMemo} when this task has seen it, in the
   * same place relative to an address line; otherwise tokenized, tagged and remembered.
   */
  private void sentence(String sentence, int offset, Runnable tokenize) {
    int lead = 0;
    while (lead < sentence.length() && TokenSplitter.isWhitespace(sentence.charAt(lead))) {
      lead++;
    }
    boolean afterAddress = pieces(sentence, lead) <= AddressContext.MAX_FIELD_TOKENS
        && AddressContext.afterAddressLine(text, offset + lead);
    SentenceMemo.Outcome known = memo.get(sentence, afterAddress);
    if (known != null) {
      for (int i = 0; i < known.capitalised().length; i += 2) {
        repeated.capitalisedToken(offset + known.capitalised()[i], offset + known.capitalised()[i + 1]);
      }
      for (Mention m : known.mentions()) {
        mentions.add(new Mention(m.type(), offset + m.start(), offset + m.end(), m.score(), m.reason()));
      }
      return;
    }
    int mentionsBefore = mentions.size();
    int capitalisedBefore = repeated.count();
    tokenize.run();
    List<Mention> found = new ArrayList<>(mentions.size() - mentionsBefore);
    for (Mention m : mentions.subList(mentionsBefore, mentions.size())) {
      found.add(new Mention(m.type(), m.start() - offset, m.end() - offset, m.score(), m.reason()));
    }
    int[] capitalised = new int[2 * (repeated.count() - capitalisedBefore)];
    for (int i = capitalisedBefore, k = 0; i < repeated.count(); i++) {
      capitalised[k++] = repeated.bound(i, false) - offset;
      capitalised[k++] = repeated.bound(i, true) - offset;
    }
    memo.put(sentence, afterAddress, new SentenceMemo.Outcome(List.copyOf(found), capitalised));
  }

  /** White-space pieces from {@code from}, counted up to one more than a town field may have. */
  private static int pieces(String s, int from) {
    int count = 0;
    boolean inPiece = false;
    for (int i = from; i < s.length() && count <= AddressContext.MAX_FIELD_TOKENS; i++) {
      boolean space = TokenSplitter.isWhitespace(s.charAt(i));
      if (!space && !inPiece) {
        count++;
      }
      inPiece = !space;
    }
    return count;
  }

  /**
   * The gate before the models, on tokens whose letterless pieces may still be uncut: those pieces hold
   * no word, no capital and no dictionary entry (GazetteerTest pins that no entry is letterless), so
   * whether the sentence may hold names comes out the same as on the exact tokens. Town fields are
   * short: those always get exact tokens.
   */
  private boolean settled(String[] tokens, int[] starts, int[] ends) {
    if (tokens.length <= AddressContext.MAX_FIELD_TOKENS) {
      return false;
    }
    Sentence s = new Sentence(tokens, tokenInfo.of(tokens), gazetteer);
    if (s.mayHoldNames()) {
      return false;
    }
    capitalisedTokens(s, starts, ends);
    affiliationsOnly(s, starts, ends);
    return true;
  }

  /** A sentence that holds no name may still name a nation, faith or party. */
  private void affiliationsOnly(Sentence s, int[] starts, int[] ends) {
    List<Candidate> found = new ArrayList<>(0);
    Affiliations.shared().find(s, found);
    for (Candidate c : found) {
      mentions.add(new Mention(c.type, starts[c.start], ends[c.end - 1], c.score, c.reason()));
    }
  }

  private void capitalisedTokens(Sentence s, int[] starts, int[] ends) {
    for (int i = 0; i < s.length(); i++) {
      if (s.capitalised(i)) {
        repeated.capitalisedToken(starts[i], ends[i]);
      }
    }
  }

  private void sentence(String[] tokens, int[] starts, int[] ends) {
    TokenInfo[] infos = tokenInfo.of(tokens);
    Sentence s = new Sentence(tokens, infos, gazetteer);
    capitalisedTokens(s, starts, ends);
    boolean townField = tokens.length <= AddressContext.MAX_FIELD_TOKENS && AddressContext.afterAddressLine(text, starts[0]);
    if (!s.mayHoldNames() && !townField) {
      affiliationsOnly(s, starts, ends);
      return;
    }
    List<Candidate> candidates = new ArrayList<>();
    Span[] spans = finder.find(s, infos);
    for (int i = 0; i < spans.length; i++) {
      EntityType type = typeOf(spans[i].getType());
      if (type != null) {
        int start = spans[i].getStart();
        int end = spans[i].getEnd();
        while (end > start + 1 && !Character.isLetterOrDigit(tokens[end - 1].codePointAt(0))) {
          end--; // "Hijnekamp ,": punctuation at the edges is never part of a name
        }
        while (start < end - 1 && !Character.isLetterOrDigit(tokens[start].codePointAt(0))) {
          start++;
        }
        Candidate c = new Candidate(type, start, end, spans[i].getProb());
        Patterns.retype(s, c);
        candidates.add(c);
      }
    }
    Patterns.joinSplitNames(s, candidates);
    Patterns.propose(s, candidates);
    InformalCues.propose(s, candidates);
    if (townField) {
      AddressContext.proposeTownField(s, candidates);
    }
    AddressContext.proposeTownAfterStreet(s, candidates);
    boolean tagged = false;
    for (Candidate c : candidates) {
      c.score = evidence.score(s, c);
      if (!tagged && !s.allLowerCase && !s.allUpperCase && Math.abs(c.score - threshold) < Evidence.POS_BAND) {
        s.tags = tagger().tag(infos);
        tagged = true;
      }
    }
    if (tagged) {
      for (Candidate c : candidates) {
        c.score = evidence.score(s, c);
      }
    }
    candidates.removeIf(c -> partOfLargerToken(tokens, starts, ends, c));
    candidates.sort((a, b) -> Double.compare(b.score, a.score));
    List<Candidate> kept = new ArrayList<>();
    for (Candidate c : candidates) {
      if (c.score >= threshold && kept.stream().noneMatch(k -> k.start < c.end && c.start < k.end)) {
        kept.add(c);
      }
    }
    List<Candidate> reported = new ArrayList<>(kept);
    if (properNouns) {
      ProperNouns.find(s, kept, i -> reported.add(properNoun(s, i)));
    }
    WholeNames.complete(s, starts, ends, reported);
    Affiliations.shared().find(s, reported);
    for (Candidate c : reported) {
      mentions.add(new Mention(c.type, starts[c.start], ends[c.end - 1], c.score, c.reason()));
    }
  }

  /** An unknown proper noun, typed as a person when the words around it say so. */
  private static Candidate properNoun(Sentence s, int i) {
    boolean person = personContext(s, i);
    Candidate c = new Candidate(person ? EntityType.PERSON : EntityType.PROPER_NOUN, i, i + 1, 0.0);
    c.score = NerSettings.PROPER_NOUN_CONFIDENCE;
    c.fixedReason = person ? "ner person, unknown proper noun after a person word" : "ner unknown proper noun";
    return c;
  }

  /**
   * A word whose surroundings say it names a person: a title, person noun or cue word before it ("account
   * holder Kowalczyk", "Thanks Maritza", "my cousin Prokopa"), or a verb after it of which it is the subject.
   */
  private static boolean personContext(Sentence s, int i) {
    return Patterns.personCueBefore(s, i) || InformalCues.cueBefore(s, i) || InformalCues.introducedBefore(s, i)
        || (i > 0 && Patterns.PERSON_CUES.contains(s.lower[i - 1])) || Patterns.subjectOfAVerb(s, i, i + 1);
  }

  /**
   * "jane" in "jane.@example.com" or "Maple" in "Maple/7": tokens glued (no space) to the span that
   * are not words make it part of an address, path or code, which other detectors handle.
   */
  private static boolean partOfLargerToken(String[] tokens, int[] starts, int[] ends, Candidate c) {
    for (int i = c.start - 1; i >= 0 && ends[i] == starts[i + 1]; i--) {
      boolean mention = tokens[i].equals("@") && i == c.start - 1 && (i == 0 || ends[i - 1] < starts[i]);
      if (Evidence.notAName(tokens[i]) && !mention) { // "@Rahul" is a mention; "x@Rahul" is not
        return true;
      }
    }
    for (int i = c.end; i < tokens.length && starts[i] == ends[i - 1]; i++) {
      if (Evidence.notAName(tokens[i])) {
        return true;
      }
    }
    return false;
  }

  private CompiledPosTagger tagger() {
    if (tagger == null) {
      tagger = new CompiledPosTagger();
    }
    return tagger;
  }

  static EntityType typeOf(String modelType) {
    return switch (modelType == null ? "" : modelType.toLowerCase(Locale.ROOT)) {
      case "person" -> EntityType.PERSON;
      case "location" -> EntityType.LOCATION;
      case "organization" -> EntityType.ORGANIZATION;
      default -> null;
    };
  }

  /** A reported entity: character range in the whole text. */
  record Mention(EntityType type, int start, int end, double score, String reason) {}
}
