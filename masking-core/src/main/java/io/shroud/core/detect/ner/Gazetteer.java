package io.shroud.core.detect.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Dictionary evidence for the name finder: first names, last names and places (extracted from
 * Datafaker's Apache-2.0 locale files by {@code scripts/train-ner}), plus short hand-written lists of
 * titles, organization words and common English words that are capitalised without being names.
 * Immutable and shared by all threads.
 */
public final class Gazetteer {
  public static final int FIRST_NAME = 1;
  public static final int LAST_NAME = 2;
  public static final int TITLE = 4;
  public static final int ORG_WORD = 8;
  public static final int COMMON = 16;
  public static final int FUNCTION_WORD = 32;
  /** An ordinary English word (WordNet, lower-case lemma or a regular inflection of one). */
  public static final int DICTIONARY_WORD = 64;

  /** Resource folder of the shipped lists and model. */
  public static final String RESOURCES = "/io/shroud/core/detect/ner/";

  private static final Set<String> TITLES = Set.of(
      "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "madam", "mr.", "mrs.", "ms.", "dr.",
      "prof.", "mister", "doctor", "rev", "rev.", "sr", "sr.", "sra", "sra.", "herr", "frau", "mme", "mlle");
  private static final Set<String> ORG_WORDS = Set.of(
      "inc", "inc.", "llc", "ltd", "ltd.", "corp", "corp.", "corporation", "company", "co", "co.", "gmbh", "ag",
      "plc", "group", "holdings", "partners", "associates", "bank", "university", "college", "institute",
      "hospital", "clinic", "foundation", "systems", "solutions", "technologies", "labs", "industries",
      "airlines", "insurance", "sons", "s.a.", "sa", "bv", "nv", "pty", "limited", "agency", "ministry",
      "department", "council", "school", "academy", "pharmaceuticals", "motors", "media", "logistics",
      "incorporated", "enterprises", "ventures", "services", "consulting", "orchestra", "association", "society",
      "federation", "trust", "committee", "commission", "authority", "studios", "records", "networks", "software",
      "bancorp", "llp", "lp", "ltda", "srl", "spa", "oy", "ab", "as", "kg", "sarl", "sas", "kk");
  /**
   * Frequent words that start sentences or headings capitalised, or are first names and ordinary words
   * at once ("Will", "May"): dictionary evidence alone never makes them a name.
   */
  private static final Set<String> COMMON_WORDS = Set.of(
      "the", "a", "an", "hi", "hello", "hey", "dear", "thanks", "thank", "please", "regards", "best", "yes",
      "no", "ok", "okay", "sorry", "note", "update", "customer", "client", "user", "agent", "support", "team",
      "order", "invoice", "ticket", "account", "card", "payment", "refund", "issue", "subject", "re", "fw",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mondays", "tuesdays",
      "wednesdays", "thursdays", "fridays", "saturdays", "sundays", "january", "february",
      "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
      "today", "tomorrow", "yesterday", "will", "mark", "bill", "grant", "hope", "faith", "joy", "summer",
      "rose", "jack", "ray", "chase", "page", "guy", "lane", "read", "art", "sky", "star", "love", "king",
      "major", "young", "long", "street", "road", "avenue", "north", "south", "east", "west", "new", "old",
      "great", "good", "happy", "merry", "christmas", "easter", "english", "spanish", "french",
      "german", "email", "phone", "address", "name", "manager", "director", "president", "ceo", "it", "i",
      "he", "she", "we", "they", "you", "my", "our", "your", "his", "her", "their", "this", "that", "these",
      "those", "there", "here", "what", "when", "where", "who", "why", "how", "if", "but", "and", "or",
      "so", "then", "also", "just", "still", "after", "before", "per", "via", "attn", "fyi", "asap", "pm", "am",
      "usd", "eur", "gbp", "id", "ssn", "dob", "vip", "faq", "api", "url", "pdf", "sms", "ok.", "all", "any", "nan", "null", "none", "n/a", "na", "tbd", "unknown", "sir", "madam");
  /** English function words: a sentence of six words with none of them is probably not English. */
  private static final Set<String> FUNCTION_WORDS = Set.of(
      "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "from", "by", "is", "are",
      "was", "were", "be", "been", "i", "you", "he", "she", "it", "we", "they", "my", "your", "his", "her",
      "our", "their", "this", "that", "not", "have", "has", "had", "will", "would", "can", "could", "please",
      "me", "him", "them", "about", "as", "but", "if", "so", "do", "did", "does", "no", "yes", "hi", "thanks",
      // closed-class words WordNet leaves out: a sentence may open with them, capitalised, and they are no names
      "since", "during", "although", "though", "while", "whilst", "whereas", "unless", "until", "till", "because",
      "despite", "without", "within", "upon", "among", "amongst", "between", "through", "throughout", "against",
      "toward", "towards", "onto", "into", "over", "under", "above", "below", "beside", "besides", "beyond",
      "except", "whether", "nor", "either", "neither", "each", "every", "some", "several", "both", "such", "whose",
      "whom", "which", "whoever", "whatever", "whenever", "wherever", "oh", "ah", "uh", "um", "wow", "yay", "hmm",
      "ooh", "oops", "ouch", "alas", "hey", "yo", "meanwhile", "however", "therefore", "moreover", "furthermore",
      "nevertheless", "otherwise", "instead", "perhaps", "maybe", "indeed", "anyway", "anyways", "after", "before",
      "when", "where", "what", "who", "why", "how", "then", "there", "here", "these", "those", "also", "just", "via",
      "per", "than", "ok", "okay", "unlike", "like", "near", "across", "along", "around", "behind", "inside",
      "outside", "off", "out", "up", "down", "all", "any", "most", "more", "many", "much", "few", "other", "another",
      // pronouns and quantifiers WordNet leaves out: "shoutout to everyone", never a name
      "everyone", "everybody", "someone", "somebody", "anyone", "anybody", "nobody", "noone", "everything",
      "something", "anything", "nothing", "myself", "yourself", "himself", "herself", "itself", "ourselves",
      "yourselves", "themselves", "mine", "yours", "hers", "ours", "theirs", "whichever");

  /**
   * Entries the held-out evaluation hides (names it must find without a dictionary); empty in any real
   * run. Static like the model's feature generator that reads this gazetteer, set only by the
   * evaluation tool in its own JVM.
   */
  private static volatile Set<String> hidden = Set.of();

  /**
   * Every listed word with all of its flags (names, titles, organization, common, function and
   * dictionary words), so a token costs one lookup rather than one per list.
   */
  private final Map<String, Integer> listed;
  /** Lower-cased places by their first token, each a list of the whole phrases in tokens. */
  private final Map<String, String[][]> placesByFirstToken;
  /**
   * Whether any listed word, or any place's first token, is {@link #plainAscii}: with none, numbers and
   * punctuation are answered without a lookup (most tokens of a note that are not words).
   */
  private final boolean listsPlain;
  private final boolean placesStartPlain;

  Gazetteer(Set<String> firstNames, Set<String> lastNames, Set<String> places) {
    this(firstNames, lastNames, places, Set.of());
  }

  Gazetteer(Set<String> firstNames, Set<String> lastNames, Set<String> places, Set<String> dictionaryWords) {
    Map<String, Integer> all = new HashMap<>();
    firstNames.forEach(w -> all.merge(w, FIRST_NAME, (a, b) -> a | b));
    lastNames.forEach(w -> all.merge(w, LAST_NAME, (a, b) -> a | b));
    TITLES.forEach(w -> all.merge(w, TITLE, (a, b) -> a | b));
    ORG_WORDS.forEach(w -> all.merge(w, ORG_WORD, (a, b) -> a | b));
    COMMON_WORDS.forEach(w -> all.merge(w, COMMON, (a, b) -> a | b));
    FUNCTION_WORDS.forEach(w -> all.merge(w, FUNCTION_WORD, (a, b) -> a | b));
    dictionaryWords.forEach(w -> all.merge(w, DICTIONARY_WORD, (a, b) -> a | b));
    this.listed = new HashMap<>(all);
    Map<String, List<String[]>> grouped = new HashMap<>();
    for (String place : places) {
      String[] tokens = place.toLowerCase(Locale.ROOT).split(" ");
      grouped.computeIfAbsent(tokens[0], k -> new ArrayList<>()).add(tokens);
    }
    Map<String, String[][]> byFirst = new HashMap<>();
    grouped.forEach((k, v) -> {
      v.sort((x, y) -> y.length - x.length); // longest first: "New York City" before "New York"
      byFirst.put(k, v.toArray(new String[0][]));
    });
    this.placesByFirstToken = Map.copyOf(byFirst);
    this.listsPlain = listed.keySet().stream().anyMatch(Gazetteer::plainAscii);
    this.placesStartPlain = placesByFirstToken.keySet().stream().anyMatch(Gazetteer::plainAscii);
  }

  /**
   * ASCII without a letter ("2024", "555-0100", ".", "--"): lower-casing leaves it as it is, and no
   * suffix rule or contraction applies to it (they all need letters).
   */
  static boolean plainAscii(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c >= 128 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
        return false;
      }
    }
    return true;
  }

  /** The shipped lists, loaded once per JVM on first use. */
  public static Gazetteer shared() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final Gazetteer INSTANCE = new Gazetteer(
        readList("first-names.txt"), readList("last-names.txt"), readList("places.txt"),
        readList("dictionary-words.txt"));
  }

  static Set<String> readList(String name) {
    try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("Cannot find NER resource " + RESOURCES + name);
      }
      Set<String> values = new HashSet<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String value = line.strip();
        if (!value.isEmpty() && !value.startsWith("#")) {
          values.add(value.toLowerCase(Locale.ROOT));
        }
      }
      return values;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read NER resource " + RESOURCES + name, e);
    }
  }

  /** Every word the lists hold, and every token of every place (for tests of what the lists may hold). */
  Stream<String> entries() {
    return Stream.concat(listed.keySet().stream(),
        placesByFirstToken.values().stream().flatMap(Arrays::stream).flatMap(Arrays::stream));
  }

  /** For evaluation only: makes the dictionaries forget these lower-cased names and places. */
  public static void hide(Set<String> lowerCaseEntries) {
    hidden = Set.copyOf(lowerCaseEntries);
  }

  /** Bit set of {@link #FIRST_NAME}, {@link #LAST_NAME}, ... for one lower-cased token. */
  public int flags(String lowerToken) {
    if (!listsPlain && plainAscii(lowerToken)) {
      return 0;
    }
    int flags = listed.getOrDefault(lowerToken, 0);
    if ((flags & (FIRST_NAME | LAST_NAME)) != 0 && !hidden.isEmpty() && hidden.contains(lowerToken)) {
      flags &= ~(FIRST_NAME | LAST_NAME);
    }
    if ((flags & FUNCTION_WORD) == 0 && contraction(lowerToken)) {
      flags |= FUNCTION_WORD;
    }
    if ((flags & DICTIONARY_WORD) == 0 && dictionaryWord(lowerToken)) {
      flags |= DICTIONARY_WORD;
    }
    return flags;
  }

  private boolean dictionaryEntry(String w) {
    return (listed.getOrDefault(w, 0) & DICTIONARY_WORD) != 0;
  }

  /** "don't", "we'll", "you're", "c'mon": never names (unlike "O'Brien" or "D'Angelo"). */
  private static boolean contraction(String w) {
    int apostrophe = Math.max(w.indexOf('\''), w.indexOf('\u2019'));
    if (apostrophe < 0) {
      return false;
    }
    String tail = w.substring(apostrophe + 1);
    return tail.equals("t") || tail.equals("ll") || tail.equals("re") || tail.equals("ve") || tail.equals("m")
        || tail.equals("d") || tail.equals("mon");
  }

  /** The word or, for regular inflections ("batteries", "dimensions", "remembered"), its lemma. */
  private boolean dictionaryWord(String w) {
    int n = w.length();
    if (n < 4) {
      return false;
    }
    if (w.endsWith("'s")) {
      return dictionaryEntry(w.substring(0, n - 2));
    }
    if (w.endsWith("ies")) {
      return dictionaryEntry(w.substring(0, n - 3) + "y");
    }
    if (w.endsWith("es") && dictionaryEntry(w.substring(0, n - 2))) {
      return true;
    }
    if (w.endsWith("s")) {
      return dictionaryEntry(w.substring(0, n - 1));
    }
    if (w.endsWith("ed")) {
      return dictionaryEntry(w.substring(0, n - 2)) || dictionaryEntry(w.substring(0, n - 1));
    }
    if (w.endsWith("ing") && n > 5) {
      return dictionaryEntry(w.substring(0, n - 3)) || dictionaryEntry(w.substring(0, n - 3) + "e");
    }
    return false;
  }

  /**
   * Marks tokens covered by a known place: 1 for the first token of a match, 2 for the following
   * ones, 0 elsewhere. Longest match wins.
   */
  public byte[] placeTags(String[] lowerTokens) {
    byte[] tags = new byte[lowerTokens.length];
    for (int i = 0; i < lowerTokens.length; i++) {
      if (!placesStartPlain && plainAscii(lowerTokens[i])) {
        continue;
      }
      String[][] phrases = placesByFirstToken.get(lowerTokens[i]);
      if (phrases == null) {
        continue;
      }
      for (String[] phrase : phrases) {
        if (matches(lowerTokens, i, phrase) && (hidden.isEmpty() || !hidden.contains(String.join(" ", phrase)))) {
          tags[i] = 1;
          for (int j = 1; j < phrase.length; j++) {
            tags[i + j] = 2;
          }
          i += phrase.length - 1;
          break;
        }
      }
    }
    return tags;
  }

  private static boolean matches(String[] tokens, int at, String[] phrase) {
    if (at + phrase.length > tokens.length) {
      return false;
    }
    for (int j = 1; j < phrase.length; j++) {
      if (!tokens[at + j].equals(phrase[j])) {
        return false;
      }
    }
    return true;
  }
}
