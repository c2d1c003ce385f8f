package io.shroud.core.detect.ner;

import io.shroud.core.detect.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names run together in hashtags: "#MariaGarcia", "#mariagarcia", "#NewYork", "#Rahul". The words of a
 * hashtag are found by its capitals (or underscores), or, all in lower case, by splitting it into a known
 * first and last name; a hashtag is a person when its words are names and at least one is a known one,
 * a place when they spell a known place, and an unknown proper noun when every word is capitalised and
 * in no dictionary ("#BodonySchulerud"). A hashtag with an ordinary word in it ("#MondayMotivation",
 * "#blessed") is a topic and stays.
 */
final class Hashtags {
  private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&#])#(\\p{L}[\\p{L}\\p{N}_]{1,48})");
  private static final Pattern CAMEL = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})|_+");

  private Hashtags() {}

  /** Mentions for the name hashtags of a text, as {type, start, end} triples appended to {@code out}. */
  static void find(String text, Gazetteer gazetteer, List<NerDetector.Mention> out) {
    if (text.indexOf('#') < 0) {
      return;
    }
    Matcher m = HASHTAG.matcher(text);
    while (m.find()) {
      EntityType type = typeOf(m.group(1), gazetteer);
      if (type != null) {
        out.add(new NerDetector.Mention(type, m.start(), m.end(), type.equals(EntityType.PROPER_NOUN) ? 0.5 : 0.7,
            "ner " + type.name().toLowerCase(Locale.ROOT) + " in a hashtag"));
      }
    }
  }

  static EntityType typeOf(String body, Gazetteer gazetteer) {
    String[] words = CAMEL.split(body);
    List<String> lower = new ArrayList<>();
    for (String w : words) {
      if (!w.isEmpty()) {
        lower.add(w.toLowerCase(Locale.ROOT));
      }
    }
    if (lower.isEmpty() || lower.size() > 4 || lower.stream().anyMatch(w -> !w.chars().allMatch(Character::isLetter))) {
      return null;
    }
    byte[] places = gazetteer.placeTags(lower.toArray(new String[0]));
    if (places[0] == 1 && (lower.size() == 1 || places[lower.size() - 1] == 2)) {
      return EntityType.LOCATION;
    }
    if (lower.size() == 1) {
      String w = lower.get(0);
      return isFirstName(gazetteer, w) ? EntityType.PERSON : splitsIntoName(w, gazetteer) ? EntityType.PERSON : null;
    }
    boolean anyKnown = false;
    boolean allUnknown = true;
    for (String w : lower) {
      int flags = gazetteer.flags(w);
      boolean name = (flags & (Gazetteer.FIRST_NAME | Gazetteer.LAST_NAME)) != 0
          && (flags & (Gazetteer.COMMON | Gazetteer.FUNCTION_WORD)) == 0;
      boolean ordinary = (flags & (Gazetteer.DICTIONARY_WORD | Gazetteer.COMMON | Gazetteer.FUNCTION_WORD
          | Gazetteer.TITLE | Gazetteer.ORG_WORD)) != 0;
      if (!name && ordinary) {
        return null; // a topic: "#MondayMotivation", "#TeamWork"
      }
      anyKnown |= name;
      allUnknown &= !name;
    }
    if (anyKnown) {
      return EntityType.PERSON;
    }
    return allUnknown && Character.isUpperCase(body.charAt(0)) ? EntityType.PROPER_NOUN : null;
  }

  private static boolean isFirstName(Gazetteer gazetteer, String w) {
    int flags = gazetteer.flags(w);
    return (flags & Gazetteer.FIRST_NAME) != 0 && (flags & (Gazetteer.DICTIONARY_WORD | Gazetteer.COMMON
        | Gazetteer.FUNCTION_WORD)) == 0;
  }

  /** "mariagarcia": a known first name followed by a known last name. */
  private static boolean splitsIntoName(String w, Gazetteer gazetteer) {
    for (int cut = 2; cut <= w.length() - 2; cut++) {
      if ((gazetteer.flags(w.substring(0, cut)) & Gazetteer.FIRST_NAME) != 0
          && (gazetteer.flags(w.substring(cut)) & Gazetteer.LAST_NAME) != 0) {
        return true;
      }
    }
    return false;
  }
}
