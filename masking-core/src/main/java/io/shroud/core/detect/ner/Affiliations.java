package io.shroud.core.detect.ner;

import io.shroud.core.detect.EntityType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Nationality, religious and political groups ({@link EntityType#NRP}): "Brazilian", "Muslim",
 * "Republican", "South African". Personal data of a special kind (GDPR article 9 names ethnic origin,
 * religious beliefs and political opinions), reported as their own type so a policy can mask them or,
 * where they are what the data is about, keep them. Singular and plural ("Catholics"). Words that are
 * as often ordinary adjectives ("a conservative estimate") count only capitalised inside normally cased
 * text. The list ({@code nrp.txt}) is written for Shroud. Immutable; one per JVM.
 */
final class Affiliations {
  private final Map<String, String[][]> byFirstWord;
  private final Set<String> capitalisedOnly;

  private Affiliations(Set<String> lines) {
    Map<String, List<String[]>> grouped = new HashMap<>();
    Set<String> capitalised = new HashSet<>();
    for (String line : lines) {
      String phrase = line.endsWith("*") ? line.substring(0, line.length() - 1) : line;
      if (line.endsWith("*")) {
        capitalised.add(phrase);
      }
      String[] words = phrase.split(" ");
      grouped.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
    }
    Map<String, String[][]> byFirst = new HashMap<>();
    grouped.forEach((k, v) -> {
      v.sort((x, y) -> y.length - x.length);
      byFirst.put(k, v.toArray(new String[0][]));
    });
    this.byFirstWord = Map.copyOf(byFirst);
    this.capitalisedOnly = Set.copyOf(capitalised);
  }

  static Affiliations shared() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final Affiliations INSTANCE = new Affiliations(Gazetteer.readList("nrp.txt"));
  }

  /**
   * Adds an NRP span for every group word not inside a span already reported, and turns a reported span
   * made only of group words ("Brazilian" taken for a place) into one.
   */
  void find(Sentence s, List<Candidate> reported) {
    for (Candidate c : reported) {
      if (c.type.equals(EntityType.NRP)) {
        continue;
      }
      int end = match(s, c.start);
      if (end == c.end) {
        c.type = EntityType.NRP;
        c.fixedReason = "ner nationality, religious or political group";
      }
    }
    for (int i = 0; i < s.length(); i++) {
      int end = covered(reported, i) ? -1 : match(s, i);
      if (end > i && !overlaps(reported, i, end)) {
        Candidate c = new Candidate(EntityType.NRP, i, end, 0.0);
        c.score = SCORE;
        c.fixedReason = "ner nationality, religious or political group";
        reported.add(c);
        i = end - 1;
      }
    }
  }

  static final double SCORE = 0.6;

  /** End (exclusive) of the group phrase starting at token i, or -1. */
  private int match(Sentence s, int i) {
    String word = s.lower[i];
    String[][] phrases = byFirstWord.get(word);
    if (phrases == null && word.length() > 3 && word.endsWith("s")) {
      phrases = byFirstWord.get(word.substring(0, word.length() - 1)); // "catholics", "democrats"
      if (phrases != null) {
        return phrases[phrases.length - 1].length == 1 && allowed(s, i, word.substring(0, word.length() - 1)) ? i + 1 : -1;
      }
    }
    if (phrases == null) {
      return -1;
    }
    for (String[] phrase : phrases) {
      if (i + phrase.length <= s.length() && matches(s, i, phrase) && allowed(s, i, String.join(" ", phrase))) {
        return i + phrase.length;
      }
    }
    return -1;
  }

  private boolean allowed(Sentence s, int i, String phrase) {
    return !capitalisedOnly.contains(phrase) || (s.capitalised(i) && !s.allUpperCase && !s.opensClause(i));
  }

  private static boolean matches(Sentence s, int at, String[] phrase) {
    for (int j = 1; j < phrase.length; j++) {
      if (!s.lower[at + j].equals(phrase[j])) {
        return false;
      }
    }
    return true;
  }

  private static boolean covered(List<Candidate> spans, int i) {
    for (Candidate c : spans) {
      if (c.start <= i && i < c.end) {
        return true;
      }
    }
    return false;
  }

  private static boolean overlaps(List<Candidate> spans, int start, int end) {
    for (Candidate c : spans) {
      if (c.start < end && start < c.end) {
        return true;
      }
    }
    return false;
  }
}
