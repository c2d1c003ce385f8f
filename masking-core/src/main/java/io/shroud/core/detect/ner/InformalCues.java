package io.shroud.core.detect.ner;

import io.shroud.core.detect.EntityType;
import java.util.List;
import java.util.Set;

/**
 * Names in chat and social-media text, where capitals say nothing (all lower or all upper case) and
 * the name is mostly one nobody's dictionary holds ("shoutout to agapion", "THX BANDILE!!", "omg regan
 * just dropped a new song", "this is hessel, new number"). Shape cannot help there; what people write
 * around a name can: a greeting, thanks or a relation word before it, a verb after it at the start of
 * a sentence, an introduction. A candidate must look like a name without case: letters only, and no
 * ordinary word, function word, title or chat word ({@link #CHAT_WORDS}) unless it is a known name.
 */
final class InformalCues {
  /** Chat and texting words: never names, though no dictionary of English holds most of them. */
  static final Set<String> CHAT_WORDS = Set.of(
      "u", "ur", "ya", "yo", "lol", "lmao", "lmfao", "rofl", "omg", "omfg", "tbh", "idk", "idc", "ngl", "rn", "pls", "plz",
      "thx", "thnx", "tnx", "ty", "tysm", "yall", "y'all", "gonna", "wanna", "gotta", "kinda", "sorta", "yep", "nope",
      "yea", "yeah", "yup", "nah", "haha", "hahaha", "hehe", "lmk", "hmu", "irl", "dm", "dms", "omw", "smh", "fyi",
      "btw", "imo", "imho", "asap", "brb", "afk", "tmrw", "tmr", "tmw", "tonite", "nite", "cuz", "coz", "bc", "b4",
      "gr8", "luv", "xoxo", "bae", "bestie", "bff", "hun", "fam", "bro", "bruh", "sis", "dude", "guys", "peeps",
      "folks", "pic", "pics", "vid", "vids", "ok", "okay", "k", "kk", "np", "nvm", "wtf", "wth", "jk", "ikr", "fr",
      "srsly", "tho", "thru", "sry", "msg", "txt", "ppl", "abt", "rly", "prolly", "def", "gf", "bf", "mom", "dad",
      "mum", "bday", "xd", "ily", "ilysm", "wyd", "hbu", "wbu", "lil", "ain't", "aint", "gotcha", "dunno", "lemme",
      "gimme", "im", "ive", "youre", "dont", "cant", "wont", "didnt", "isnt", "wasnt", "thats", "whats", "ill", "its");
  /** Words after which a word is a person's name: greetings, thanks, relations, titles. */
  static final Set<String> CUES = Set.of(
      "yo", "hey", "hi", "hello", "hiya", "thx", "thanks", "thank", "ty", "shoutout", "congrats", "congratulations",
      "bday", "birthday", "miss", "dear", "boss", "sister", "brother", "cousin", "sis", "bro", "mom", "dad", "mum", "aunt",
      "auntie", "uncle", "grandma", "grandpa", "wife", "husband", "gf", "bf", "girlfriend", "boyfriend", "fiance",
      "bestie", "friend", "buddy", "coworker", "colleague", "roommate", "neighbor", "neighbour", "teacher", "coach",
      "therapist", "doctor", "nurse", "manager", "son", "daughter", "mr", "mrs", "ms", "dr", "prof", "attn");
  /**
   * Requests whose object is usually a person in chat ("dm me if u know ilsa", "ask dace", "text józsa"), but
   * as often a company in other text ("call Acme"): they propose a name in caseless chat text only, and
   * never change what a span already found is.
   */
  private static final Set<String> REQUESTS = Set.of("dm", "tag", "ask", "tell", "msg", "text", "call", "cc", "with");

  /** Words before which a caseless word opening a sentence or clause is its subject. */
  static final Set<String> SUBJECT_FOLLOWERS = Set.of(
      "just", "is", "was", "will", "has", "had", "did", "does", "can", "could", "would", "should", "said", "says",
      "told", "asked", "posted", "dropped", "fell", "gave", "got", "bought", "borrowed", "left", "came", "went",
      "moved", "scored", "won", "lost", "sent", "called", "texted", "wants", "wanted", "needs", "loves", "hates",
      "thinks", "knows", "lives", "works", "and", "&");
  /** Words after which an opening word starts a clause in chat ("omg regan just ..."). */
  private static final Set<String> OPENERS = Set.of(
      "omg", "lol", "lmao", "ok", "okay", "so", "and", "but", "when", "if", "ugh", "wow", "yay", "ngl", "tbh", "rip", "ah",
      "oh", "not", "me", ":", ",", "-", "!", "?", ".");
  static final String CUE = "informal cue";
  static final String SUBJECT = "informal subject";
  static final String INTRODUCTION = "introduction";

  private InformalCues() {}

  /** Proposes person spans in caseless text; nothing in normally cased text (the model and Patterns read capitals). */
  static void propose(Sentence s, List<Candidate> candidates) {
    if (!(s.allLowerCase || s.allUpperCase)) {
      return;
    }
    int n = s.length();
    for (int i = 0; i < n; i++) {
      if (!nameLike(s, i)) {
        continue;
      }
      int end = i + 1 < n && nameLike(s, i + 1) && !SUBJECT_FOLLOWERS.contains(s.lower[i + 1]) ? i + 2 : i + 1;
      if (cueBefore(s, i) || vocative(s, i, end) || (i > 0 && REQUESTS.contains(s.lower[i - 1]))) {
        Patterns.add(candidates, EntityType.PERSON, i, end, CUE);
      } else if (introducedBefore(s, i)) {
        Patterns.add(candidates, EntityType.PERSON, i, end, INTRODUCTION);
      } else if (end < n && SUBJECT_FOLLOWERS.contains(s.lower[end]) && opensClause(s, i)) {
        Patterns.add(candidates, EntityType.PERSON, i, end, SUBJECT);
      }
    }
  }

  /** Second-person and request words that follow a name someone is addressed by ("ferran ur crazy"). */
  private static final Set<String> VOCATIVE_FOLLOWERS = Set.of(
      "u", "ur", "you", "your", "pls", "plz", "please", "where", "r", "are", "did", "can", "could", "sounds", "we", "call");

  /** A name opening a clause and followed by a word addressing its owner: "lol ferran ur crazy", "józsa pls call". */
  private static boolean vocative(Sentence s, int i, int end) {
    return end < s.length() && VOCATIVE_FOLLOWERS.contains(s.lower[end]) && opensClause(s, i);
  }

  /**
   * Whether a caseless sentence of few words may still hold a name: a cue word right before a word that
   * could be one ("thx twanda!!"). Longer caseless sentences always go to the model.
   */
  static boolean mayHoldNames(Sentence s) {
    for (int i = 1; i < s.length(); i++) {
      if (nameLike(s, i) && cueBefore(s, i)) {
        return true;
      }
    }
    return false;
  }

  /** Letters (a hyphen or apostrophe inside), no ordinary, function, common, title or chat word unless a known name. */
  static boolean nameLike(Sentence s, int i) {
    String t = s.tokens[i];
    if (t.length() < 2 || !Character.isLetter(t.codePointAt(0)) || !Character.isLetter(t.codePointBefore(t.length()))) {
      return false;
    }
    for (int k = 0; k < t.length(); k++) {
      char c = t.charAt(k);
      if (!Character.isLetter(c) && c != '-' && c != '\'' && c != '\u2019' && !Character.isLowSurrogate(c)
          && !Character.isHighSurrogate(c)) {
        return false;
      }
    }
    if (CHAT_WORDS.contains(s.lower[i]) || s.has(i, Gazetteer.FUNCTION_WORD | Gazetteer.COMMON | Gazetteer.TITLE)
        || Patterns.STREET_WORDS.contains(s.lower[i]) || s.places[i] != 0) {
      return false;
    }
    if (!s.has(i, Gazetteer.DICTIONARY_WORD)) {
      return true;
    }
    // An ordinary word that is also a first name ("see", "will") is one only when no "u"/"you" follows it:
    // "thanks see u soon" is no greeting to a Mr See.
    return s.knownName(i) && s.has(i, Gazetteer.FIRST_NAME)
        && !(i + 1 < s.length() && (CHAT_WORDS.contains(s.lower[i + 1]) || s.has(i + 1, Gazetteer.FUNCTION_WORD)));
  }

  /** A cue word right before, past "to" and punctuation ("shoutout to X", "happy bday, X", "my boss X"). */
  static boolean cueBefore(Sentence s, int i) {
    int k = i - 1;
    while (k >= 0 && (s.lower[k].equals("to") || s.lower[k].equals(",") || s.lower[k].equals(".")
        || s.lower[k].equals("my") || s.lower[k].equals("our") || s.lower[k].equals("u"))) {
      k--;
    }
    return k >= 0 && k < i && (CUES.contains(s.lower[k]) || Patterns.PERSON_CUES.contains(s.lower[k])
        || Patterns.PERSON_NOUNS.contains(s.lower[k]));
  }

  /** "this is X", "i'm X", "im X", "name's X", "me and X", "X and i". */
  static boolean introducedBefore(Sentence s, int i) {
    if (i >= 2 && s.lower[i - 1].equals("is") && (s.lower[i - 2].equals("this") || s.lower[i - 2].equals("name"))) {
      return true;
    }
    if (i >= 1 && (s.lower[i - 1].equals("i'm") || s.lower[i - 1].equals("im") || s.lower[i - 1].equals("name's"))) {
      return true;
    }
    return i >= 2 && s.lower[i - 1].equals("and") && s.lower[i - 2].equals("me")
        || i + 2 < s.length() && s.lower[i + 1].equals("and") && (s.lower[i + 2].equals("i") || s.lower[i + 2].equals("me"));
  }

  private static boolean opensClause(Sentence s, int i) {
    return i == 0 || OPENERS.contains(s.lower[i - 1]) || CHAT_WORDS.contains(s.lower[i - 1]);
  }

  /** Informal pattern names, which Evidence weighs like a cue word. */
  static boolean proposed(Candidate c) {
    return CUE.equals(c.pattern) || SUBJECT.equals(c.pattern) || INTRODUCTION.equals(c.pattern);
  }
}
