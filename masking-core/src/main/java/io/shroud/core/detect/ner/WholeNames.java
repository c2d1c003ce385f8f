package io.shroud.core.detect.ner;

import io.shroud.core.detect.EntityType;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A masked name must cover the whole name. The model and the rules often find part of one: the first
 * name but not an unknown surname, "Jan" and "Berg" but not "van der" between them, "J. R." apart from
 * "Okonkwo", an unknown first name as a proper noun beside a known surname. In normally cased text a
 * person span is grown over the capitalised name words, initials, particles (van, de, bin, Al, ...) and
 * hyphenated parts around it, and person and proper-noun spans that then touch become one person.
 */
final class WholeNames {
  /** Lower-case words inside names: "Jan van der Berg", "Ana de la Cruz", "Mohammed bin Salman". */
  static final Set<String> PARTICLES = Set.of(
      "van", "von", "der", "den", "de", "da", "das", "do", "dos", "di", "del", "della", "du", "la", "le", "bin", "binti",
      "bint", "ibn", "al", "el", "ben", "ter", "ten", "zu", "y", "st", "st.", "mac", "af", "op");

  private WholeNames() {}

  /** Grows person spans to the whole name and merges the pieces (spans are token ranges of one sentence). */
  static void complete(Sentence s, int[] starts, int[] ends, List<Candidate> spans) {
    if (s.allLowerCase || s.allUpperCase || s.foreign) {
      return; // without case nothing marks where a name ends
    }
    for (Candidate c : spans) {
      if (!c.type.equals(EntityType.PERSON)) {
        continue;
      }
      c.end = grownRight(s, starts, ends, c.end, spans, c);
      c.start = grownLeft(s, starts, ends, c.start, spans, c);
    }
    spans.sort(Comparator.comparingInt(c -> c.start));
    for (int i = 0; i + 1 < spans.size(); i++) {
      Candidate a = spans.get(i);
      Candidate b = spans.get(i + 1);
      boolean person = a.type.equals(EntityType.PERSON) || b.type.equals(EntityType.PERSON);
      boolean nameParts = (a.type.equals(EntityType.PERSON) || a.type.equals(EntityType.PROPER_NOUN))
          && (b.type.equals(EntityType.PERSON) || b.type.equals(EntityType.PROPER_NOUN));
      if (nameParts && b.start <= joinable(s, a.end) && (person || b.start == a.end)) {
        a.end = Math.max(a.end, b.end);
        if (b.type.equals(EntityType.PERSON) && !a.type.equals(EntityType.PERSON)) {
          a.type = EntityType.PERSON;
          a.fixedReason = b.reason();
        }
        a.score = Math.max(a.score, b.score);
        spans.remove(i + 1);
        i--;
      }
    }
  }

  /** Where a following name piece may start: right after, or after particles and initials. */
  private static int joinable(Sentence s, int end) {
    int j = end;
    while (j < s.length() && (particle(s, j) || s.tokens[j].equals("-"))) {
      j++;
    }
    return j;
  }

  private static int grownRight(Sentence s, int[] starts, int[] ends, int end, List<Candidate> spans, Candidate self) {
    int j = end;
    while (j < s.length() && !takenByOther(spans, self, j)) {
      if (namePart(s, j)) {
        j++;
      } else if ((particle(s, j) || hyphen(s, starts, ends, j)) && followedByNamePart(s, j)) {
        j++;
        while (j < s.length() && particle(s, j) && followedByNamePart(s, j)) {
          j++;
        }
      } else {
        break;
      }
    }
    return j;
  }

  private static int grownLeft(Sentence s, int[] starts, int[] ends, int start, List<Candidate> spans, Candidate self) {
    int j = start;
    while (j > 0 && !takenByOther(spans, self, j - 1)) {
      int k = j - 1;
      int beforeParticles = k;
      while (beforeParticles >= 0 && particle(s, beforeParticles)) {
        beforeParticles--;
      }
      if (s.tokens[k].equals(".") && k > 0 && initial(s, k - 1)) {
        j = k - 1; // "J ." as two tokens
      } else if (beforeParticles < k && beforeParticles >= 0 && namePart(s, beforeParticles)
          && !takenByOther(spans, self, beforeParticles)) {
        j = beforeParticles; // "Jan van der | Berg"
      } else if ((namePart(s, k) && !s.opensClause(k) || initial(s, k)) && !Patterns.personCueBefore(s, j)
          && !s.has(k, Gazetteer.TITLE)) {
        j = k;
      } else {
        break;
      }
    }
    return j;
  }

  private static boolean takenByOther(List<Candidate> spans, Candidate self, int token) {
    for (Candidate c : spans) {
      if (c != self && c.start <= token && token < c.end && !c.type.equals(EntityType.PERSON)
          && !c.type.equals(EntityType.PROPER_NOUN)) {
        return true;
      }
    }
    return false;
  }

  /** A capitalised word that can be part of a name: a known name, or no ordinary word; or an initial. */
  static boolean namePart(Sentence s, int i) {
    if (initial(s, i)) {
      return true;
    }
    if (!s.capitalised(i) || s.tokens[i].length() < 2 || Patterns.STREET_WORDS.contains(s.lower[i])
        || s.has(i, Gazetteer.TITLE | Gazetteer.FUNCTION_WORD | Gazetteer.ORG_WORD) || s.places[i] != 0 && !s.knownName(i)) {
      return false;
    }
    for (int k = 0; k < s.tokens[i].length(); k++) {
      char c = s.tokens[i].charAt(k);
      if (!Character.isLetter(c) && c != '\'' && c != '\u2019' && c != '-') {
        return false;
      }
    }
    return s.knownName(i) || !s.has(i, Gazetteer.DICTIONARY_WORD | Gazetteer.COMMON);
  }

  /** "J." or "J" before a name: one capital letter, with or without its full stop. */
  private static boolean initial(Sentence s, int i) {
    String t = s.tokens[i];
    return (t.length() == 1 || t.length() == 2 && t.charAt(1) == '.') && Character.isUpperCase(t.charAt(0))
        && !t.equals("I") && !t.equals("A");
  }

  private static boolean particle(Sentence s, int i) {
    return PARTICLES.contains(s.lower[i]);
  }

  /** A hyphen glued to the words on both sides: "Nowak - Zielińska" tokenized apart. */
  private static boolean hyphen(Sentence s, int[] starts, int[] ends, int i) {
    return s.tokens[i].equals("-") && i > 0 && i + 1 < s.length() && ends[i - 1] == starts[i] && ends[i] == starts[i + 1];
  }

  private static boolean followedByNamePart(Sentence s, int i) {
    int j = i + 1;
    while (j < s.length() && particle(s, j)) {
      j++;
    }
    return j < s.length() && namePart(s, j) && !initial(s, j);
  }
}
