package io.shroud.core.detect.ner;

import io.shroud.core.detect.EntityType;
import java.util.List;
import java.util.Set;

/**
 * Spans proposed by patterns rather than the model: a title or a cue word ("called", "spoke with",
 * "name is") before capitalised words, a known first name followed by a capitalised word, a known
 * place. A pattern that agrees with a model span is recorded on it as evidence instead.
 */
final class Patterns {
  /** Words after which a capitalised word is usually a person. */
  static final Set<String> PERSON_CUES = Set.of(
      "called", "named", "calls", "call", "spoke", "speak", "talked", "talk", "ask", "asked", "told", "tell",
      "contact", "contacted", "thanks", "thank", "hi", "hello", "hey", "dear", "cc", "regards", "attn",
      "met", "meet", "emailed", "phoned", "helped", "signed", "manager", "agent", "patient", "customer", "caller",
      "employee", "witness", "tenant", "passenger", "driver", "recipient", "i'm", "says", "said", "wife",
      "husband", "son", "daughter", "brother", "sister", "mother", "father", "friend", "colleague", "boss", "name",
      "user", "owner", "applicant");
  /** Street-name words: a capitalised word next to one is part of an address, not a person. */
  static final Set<String> STREET_WORDS = Set.of(
      "st", "st.", "street", "rd", "rd.", "road", "ave", "ave.", "avenue", "lane", "ln", "drive", "dr", "way",
      "blvd", "boulevard", "court", "ct", "square", "place", "pl", "strasse", "straße", "str", "str.", "rua", "via",
      "calle", "avda", "avda.", "ul", "ul.", "rue", "vej", "gade", "gate", "tie", "katu", "utca", "u.", "apt", "apt.",
      "suite", "box", "po", "p.o.", "crescent", "terrace", "highway", "hwy", "parkway", "alley", "plaza");
  /** Legal forms and group words that end a company's name: "Civic Impulse LLC", "Shepherd Ltd.". */
  static final Set<String> LEGAL_FORMS = Set.of(
      "inc", "inc.", "llc", "ltd", "ltd.", "corp", "corp.", "corporation", "gmbh", "ag", "plc", "group", "holdings",
      "incorporated", "limited", "llp", "s.a.", "bv", "nv", "pty", "co.", "enterprises", "ventures");
  /** Words after which a capitalised word is usually a place. */
  static final Set<String> PLACE_CUES = Set.of(
      "in", "from", "to", "at", "near", "of", "visiting", "visited", "moved", "lives", "live", "living", "born",
      "based", "city", "town", "outside", "across", "around", "toward", "towards");

  private Patterns() {}

  static void propose(Sentence s, List<Candidate> candidates) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      if (s.has(i, Gazetteer.TITLE) && (s.capitalised(i) || s.allLowerCase)) {
        int from = i + 1;
        if (from < n && s.tokens[from].equals(".")) {
          from++;
        }
        int to = nameRun(s, from);
        if (to == from && (s.allLowerCase || s.allUpperCase)) {
          to = caselessRunAfterTitle(s, from);
        }
        if (to > from) {
          add(candidates, EntityType.PERSON, from, to, "title");
        }
      }
      if (i + 1 < n && PERSON_CUES.contains(s.lower[i]) && (s.capitalised(i + 1) || s.allLowerCase)) {
        int to = nameRun(s, i + 1);
        if (to > i + 1 && (s.knownName(i + 1) || to - (i + 1) >= 2)) {
          add(candidates, EntityType.PERSON, i + 1, to, "cue word");
        }
      }
      boolean caseless = s.allLowerCase || s.allUpperCase; // shape says nothing: both names must be known
      if (s.has(i, Gazetteer.FIRST_NAME)
          && (caseless ? s.knownName(i) && s.has(i + 1, Gazetteer.LAST_NAME) : s.nameShaped(i))) {
        int to = caseless ? nameRun(s, i, true) : nameRun(s, i);
        if (to >= i + 2) {
          add(candidates, EntityType.PERSON, i, to, "known first name");
        }
      }
      if (!s.allUpperCase && s.nameShaped(i) && s.places[i] == 0
          && !s.has(i, Gazetteer.DICTIONARY_WORD | Gazetteer.ORG_WORD)) {
        if (subjectOfAVerb(s, i, i + 1)) {
          add(candidates, EntityType.PERSON, i, i + 1, "subject of a verb");
        }
      }
      if (LEGAL_FORMS.contains(s.lower[i]) && s.capitalised(i) && i > 0) {
        int from = i;
        while (from > 0 && i - from < 5 && (s.capitalised(from - 1) || s.tokens[from - 1].equals("&"))
            && !s.has(from - 1, Gazetteer.FUNCTION_WORD | Gazetteer.TITLE)) {
          from--;
        }
        if (from < i && s.capitalised(from)) {
          add(candidates, EntityType.ORGANIZATION, from, i + 1, "company suffix");
        }
      }
      if (s.places[i] == 1 && (s.capitalised(i) || s.allLowerCase)) {
        int to = i + 1;
        while (to < n && s.places[to] == 2) {
          to++;
        }
        add(candidates, EntityType.LOCATION, i, to, "place dictionary");
      }
    }
  }

  /**
   * The model often knows a word is a name but not which kind ("yo Fiore" as a place). When every
   * token is a known personal name and none a known place or organization word, or a lone token is a
   * known place and no personal name, the dictionaries decide the type.
   */
  static void retype(Sentence s, Candidate c) {
    boolean allNames = true;
    boolean anyPlace = false;
    for (int i = c.start; i < c.end; i++) {
      allNames &= s.knownName(i) && !s.has(i, Gazetteer.ORG_WORD);
      anyPlace |= s.places[i] != 0;
    }
    EntityType before = c.type;
    boolean personContext = personCueBefore(s, c.start) || InformalCues.cueBefore(s, c.start)
        || c.type.equals(EntityType.LOCATION) && c.length() == 1 && subjectOfAVerb(s, c);
    if (!c.type.equals(EntityType.PERSON) && (allNames || personContext) && !anyPlace) {
      c.type = EntityType.PERSON;
    } else if (c.type.equals(EntityType.PERSON) && insideLongerPlace(s, c)) {
      c.type = EntityType.LOCATION; // "Zealand" of "New Zealand"
      while (c.start > 0 && s.places[c.start] == 2) {
        c.start--;
      }
      while (c.end < s.length() && s.places[c.end] == 2) {
        c.end++;
      }
    } else if (c.type.equals(EntityType.PERSON) && c.length() == 1 && s.places[c.start] == 1
        && !s.has(c.start, Gazetteer.FIRST_NAME | Gazetteer.LAST_NAME) && !s.has(c.start - 1, Gazetteer.TITLE)) {
      c.type = EntityType.LOCATION;
    }
    if (c.type != before && c.pattern == null) {
      c.pattern = "type from dictionaries";
    }
  }

  /** "The tenant, Ilsa," / "Prof. Graef" / "agent Sika": a person noun or title right before. */
  static boolean personCueBefore(Sentence s, int start) {
    int i = start - 1;
    if (i >= 0 && (s.tokens[i].equals(",") || s.tokens[i].equals("."))) {
      i--;
    }
    return i >= 0 && (PERSON_NOUNS.contains(s.lower[i]) || s.has(i, Gazetteer.TITLE));
  }

  /** Nouns for people: the name right after one ("the tenant, Ilsa") is a person. */
  static final Set<String> PERSON_NOUNS = Set.of(
      "manager", "agent", "patient", "customer", "caller", "employee", "witness", "tenant", "passenger", "driver",
      "recipient", "wife", "husband", "son", "daughter", "brother", "sister", "mother", "father", "friend",
      "colleague", "boss", "user", "owner", "applicant", "hire", "nurse", "doctor", "teacher", "student", "client",
      "neighbour", "neighbor", "partner", "director", "lawyer", "officer", "technician", "engineer", "supervisor",
      "contact", "signatory", "representative", "rep", "guest", "member", "volunteer", "author", "singer",
      // holders of an account, a policy, a parcel or a claim: "account holder Kowalczyk"
      "holder", "cardholder", "policyholder", "beneficiary", "payee", "payer", "sender", "addressee", "subscriber",
      "claimant", "insured", "borrower", "debtor", "landlord", "landlady", "buyer", "seller", "candidate", "resident",
      "occupant", "visitor", "spouse", "fiance", "fiancee", "nephew", "niece", "cousin", "uncle", "aunt", "grandson",
      "granddaughter", "roommate", "coworker", "coach", "therapist", "dentist", "surgeon", "physician",
      "pharmacist", "attorney", "accountant", "advisor", "adviser", "consultant", "courier", "host", "speaker",
      "actor", "actress", "player", "captain", "pilot", "chef", "inspector", "detective", "professor", "coordinator");

  /**
   * Words that follow the subject of a sentence: an unknown capitalised word right before one
   * ("while Tarquin is on leave", "when Meire arrived") is more likely a person than anything else.
   */
  static final Set<String> SUBJECT_VERBS = Set.of(
      "is", "was", "will", "has", "had", "did", "does", "can", "could", "would", "should", "may", "might", "must",
      "said", "says", "told", "asked", "wrote", "agreed", "arrived", "called", "emailed", "reported", "confirmed",
      "owes", "owed", "thinks", "thought", "wants", "wanted", "needs", "needed", "went", "came", "left",
      "joined", "signed", "replied", "answered", "explained", "added", "noted", "works", "worked", "lives", "lived",
      "runs", "ran", "now", "also", "never", "already", "just", "still");

  static boolean subjectOfAVerb(Sentence s, Candidate c) {
    return subjectOfAVerb(s, c.start, c.end);
  }

  /** Tokens [start, end) followed by a subject verb and not preceded by a place preposition. */
  static boolean subjectOfAVerb(Sentence s, int start, int end) {
    if (end >= s.length() || !SUBJECT_VERBS.contains(s.lower[end])) {
      return false;
    }
    return start == 0 || !PLACE_CUES.contains(s.lower[start - 1]);
  }

  private static boolean insideLongerPlace(Sentence s, Candidate c) {
    return (s.places[c.start] == 2 || (c.end < s.length() && s.places[c.end] == 2)) && !s.knownName(c.start);
  }

  /**
   * "Bima" (place) + "Visserman" (person): the model changed type inside one run of name words. A
   * name does not change kind halfway, and a person is the likelier reading of a run that is partly
   * one; the pieces become one person span.
   */
  static void joinSplitNames(Sentence s, List<Candidate> candidates) {
    for (Candidate a : candidates) {
      for (Candidate b : candidates) {
        if (a != b && a.end == b.start && a.model > 0 && b.model > 0 && !a.type.equals(b.type)
            && (a.type.equals(EntityType.PERSON) || b.type.equals(EntityType.PERSON))
            && !a.type.equals(EntityType.ORGANIZATION) && !b.type.equals(EntityType.ORGANIZATION)
            && s.nameShaped(b.start) && s.places[a.start] == 0 && s.places[b.start] == 0) {
          a.type = EntityType.PERSON;
          a.end = b.end;
          a.model = Math.max(a.model, b.model);
          b.end = b.start; // emptied; removed below
        }
      }
    }
    candidates.removeIf(c -> c.end <= c.start);
  }

  /** "dr. clay suurmeijer": after a title in caseless text, up to three plain words are the name. */
  private static int caselessRunAfterTitle(Sentence s, int from) {
    int to = from;
    while (to < s.length() && to - from < 3 && s.tokens[to].chars().allMatch(Character::isLetter)
        && !s.has(to, Gazetteer.FUNCTION_WORD | Gazetteer.COMMON | Gazetteer.TITLE)
        && !SUBJECT_VERBS.contains(s.lower[to])
        && (to == from || !s.has(to, Gazetteer.DICTIONARY_WORD) || s.knownName(to))) { // not "... prescribed"
      to++;
    }
    return to;
  }

  /** End (exclusive) of a run of up to four name-shaped tokens or initials from {@code from}. */
  private static int nameRun(Sentence s, int from) {
    return nameRun(s, from, false);
  }

  /** @param firstVouched the first token is known to be a name (the caller checked it) */
  private static int nameRun(Sentence s, int from, boolean firstVouched) {
    int to = from;
    while (to < s.length() && to - from < 4) {
      String t = s.tokens[to];
      boolean initial = t.length() == 2 && Character.isUpperCase(t.charAt(0)) && t.charAt(1) == '.';
      // Without case only a known name that is no ordinary word continues the run ("call back" is no name).
      boolean caselessName = (s.allLowerCase || s.allUpperCase) && s.knownName(to)
          && (to > from || firstVouched || !s.has(to, Gazetteer.DICTIONARY_WORD));
      if (s.nameShaped(to) || initial || caselessName) {
        to++;
      } else {
        break;
      }
    }
    return to;
  }

  static void add(List<Candidate> candidates, EntityType type, int start, int end, String pattern) {
    for (Candidate c : candidates) {
      if (c.type.equals(type) && c.start < end && start < c.end) {
        if (c.pattern == null) {
          c.pattern = pattern;
        }
        c.start = Math.min(c.start, start); // "Maria" (model) + "Maria Lopez" (pattern): the whole name
        c.end = Math.max(c.end, end);
        return;
      }
    }
    Candidate c = new Candidate(type, start, end, 0.0);
    c.pattern = pattern;
    candidates.add(c);
  }
}
