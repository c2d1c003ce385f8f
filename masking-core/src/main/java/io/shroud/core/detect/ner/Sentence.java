package io.shroud.core.detect.ner;

import java.util.Locale;

/** One sentence's tokens with their dictionary flags, shape and (when needed) POS tags. */
final class Sentence {
  final String[] tokens;
  final String[] lower;
  final int[] flags;
  final byte[] places;
  final boolean allLowerCase;
  final boolean allUpperCase;
  /**
   * Five or more lower-case words of which under a tenth are English function words: probably another
   * language (lists of names and headings have few lower-case words and are not caught).
   */
  final boolean foreign;
  private final int words;
  String[] tags;

  Sentence(String[] tokens, Gazetteer gazetteer) {
    this(tokens, new TokenInfo.Table(gazetteer).of(tokens), gazetteer);
  }

  /** With each token's dictionary lookups already done (and remembered) by a {@link TokenInfo.Table}. */
  Sentence(String[] tokens, TokenInfo[] infos, Gazetteer gazetteer) {
    this.tokens = tokens;
    this.lower = new String[tokens.length];
    this.flags = new int[tokens.length];
    int words = 0;
    int lowerWords = 0;
    int functionWords = 0;
    boolean anyUpper = false;
    boolean anyLower = false;
    for (int i = 0; i < tokens.length; i++) {
      lower[i] = infos[i].lower;
      flags[i] = infos[i].flags;
      if (isWord(tokens[i])) {
        words++;
        if ((flags[i] & Gazetteer.FUNCTION_WORD) != 0) {
          functionWords++;
        }
        boolean upper = Character.isUpperCase(tokens[i].codePointAt(0));
        lowerWords += upper ? 0 : 1;
        anyUpper |= upper;
        anyLower |= !upper || hasLowerCase(tokens[i]);
      }
    }
    this.places = gazetteer.placeTags(lower);
    this.allLowerCase = !anyUpper;
    this.allUpperCase = anyUpper && !anyLower;
    // Only where capitals mislead: German nouns look like names; in all-lower-case text nothing does.
    this.foreign = anyUpper && lowerWords >= 5 && functionWords * 10 < lowerWords;
    this.words = words;
  }

  static boolean isWord(String token) {
    return Character.isLetter(token.codePointAt(0));
  }

  private static boolean hasLowerCase(String token) {
    for (int i = 0; i < token.length(); i++) {
      if (Character.isLowerCase(token.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  int length() {
    return tokens.length;
  }

  boolean has(int i, int flag) {
    return i >= 0 && i < tokens.length && (flags[i] & flag) != 0;
  }

  /** Starts with an upper-case letter (in all-caps text every word does, so shape says nothing there). */
  boolean capitalised(int i) {
    return i >= 0 && i < tokens.length && isWord(tokens[i]) && Character.isUpperCase(tokens[i].codePointAt(0));
  }

  /** Capitalised and not a common or function word: shape evidence for a name. */
  boolean nameShaped(int i) {
    return capitalised(i) && !has(i, Gazetteer.COMMON | Gazetteer.FUNCTION_WORD | Gazetteer.TITLE)
        && tokens[i].length() > 1;
  }

  /** Known first or last name that is not also a common word. */
  boolean knownName(int i) {
    return has(i, Gazetteer.FIRST_NAME | Gazetteer.LAST_NAME) && !has(i, Gazetteer.COMMON | Gazetteer.FUNCTION_WORD);
  }

  /** Cheap test before running the models: anything that could start a name, place or organization. */
  boolean mayHoldNames() {
    if (allLowerCase || allUpperCase) {
      // Shape says nothing here: only the model can tell, and not from a word or two ("free", "PRO"),
      // unless a greeting or thanks stands before a word that could be a name ("thx twanda!!").
      return words >= 3 || InformalCues.mayHoldNames(this);
    }
    for (int i = 0; i < tokens.length; i++) {
      // The first word is capitalised anyway: on its own it is evidence only if it is a known name or
      // no ordinary word ("Vsevolod: who are you?").
      if ((i > 0 && nameShaped(i)) || knownName(i) || places[i] != 0
          || (i == 0 && nameShaped(0) && !has(0, Gazetteer.DICTIONARY_WORD))) {
        return true;
      }
    }
    return false;
  }

  /**
   * First word of the sentence or of a clause the sentence detector left joined ("downtown. Cool,
   * what's"): capitalised there whatever it is.
   */
  boolean opensClause(int i) {
    if (i == 0) {
      return true;
    }
    String before = tokens[i - 1];
    return before.length() == 1 && ".!?:;\"\u201c(-".indexOf(before.charAt(0)) >= 0;
  }

  boolean propn(int i) {
    return tags != null && "PROPN".equals(tags[i]);
  }
}
