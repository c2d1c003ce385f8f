package io.shroud.core.detect.ner;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * Capitalised words inside an English sentence that no dictionary knows (not an ordinary word, no
 * known name or place, no title, function or organization word) and that no model or pattern span
 * covers: "The address of Persint is ...", "a year at Poweradvocate". Such a word is a proper noun,
 * and a proper noun nobody recognised is most often a name of a person, company or place, so a
 * fail-closed masker reports it. Not looked for where capitals say nothing: the first word of a
 * sentence or clause, all-caps words (acronyms, codes), text without case, other languages.
 */
final class ProperNouns {
  private static final int MIN_LENGTH = 3;

  private ProperNouns() {}

  static void find(Sentence s, List<Candidate> covered, IntConsumer report) {
    if (s.foreign || s.allLowerCase || s.allUpperCase) {
      return;
    }
    for (int i = 1; i < s.length(); i++) {
      if (unknownProperNoun(s, i) && !coveredBy(covered, i)) {
        report.accept(i);
      }
    }
  }

  static boolean unknownProperNoun(Sentence s, int i) {
    String token = s.tokens[i];
    return token.length() >= MIN_LENGTH && s.capitalised(i) && !s.opensClause(i) && s.flags[i] == 0
        && !s.tokens[i - 1].equals("#") // a hashtag's words: Hashtags decides what they name
        && s.places[i] == 0 && hasLowerCaseAfterFirst(token) && token.chars().allMatch(Character::isLetter)
        && !Patterns.STREET_WORDS.contains(s.lower[i]) && !nextToADigit(s, i);
  }

  private static boolean hasLowerCaseAfterFirst(String token) {
    for (int i = 1; i < token.length(); i++) {
      if (Character.isLowerCase(token.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** "Kiannonkatu 98", "Suite 12": parts of addresses and codes, which the address detectors report. */
  private static boolean nextToADigit(Sentence s, int i) {
    return (i + 1 < s.length() && Character.isDigit(s.tokens[i + 1].charAt(0)))
        || Character.isDigit(s.tokens[i - 1].charAt(0));
  }

  private static boolean coveredBy(List<Candidate> kept, int i) {
    for (Candidate c : kept) {
      if (c.start <= i && i < c.end) {
        return true;
      }
    }
    return false;
  }
}
