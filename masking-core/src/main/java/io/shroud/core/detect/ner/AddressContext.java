package io.shroud.core.detect.ner;

import io.shroud.core.detect.EntityType;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Towns inside postal addresses. An address block puts the town in a field of its own after the
 * street or unit line ("Suite 501\n Riisa\n Estonia 62488", "Apt. 297  TYSTBERGA  Sweden") or after a
 * comma that follows the street ("Rua do Arenque 1634, Goiânia"). Alone, such a field is one word the
 * model cannot place; the address around it says it is a place.
 */
final class AddressContext {
  /** A line that looks like a street or unit: a house/unit number next to a word. */
  private static final Pattern ADDRESS_LINE = Pattern.compile(
      "(?i)(?:\\b\\d{1,6}[a-z]?\\s+\\p{L}|\\p{L}[\\p{L}.]*\\s+\\d{1,6}[a-z]?\\.?$|\\b(?:apt|apartment|suite|ste|unit|flat|box)\\b\\.?\\s*#?\\d)");
  /** Lower-case words allowed inside a town's name ("Soto del Barco", "Črni Vrh nad Idrijo"). */
  private static final Set<String> PARTICLES = Set.of(
      "de", "del", "della", "di", "da", "do", "dos", "das", "du", "la", "le", "les", "nad", "pod", "u", "am", "an",
      "im", "bei", "sur", "en", "y", "i", "van", "von", "der", "den", "op", "aan", "upon", "on", "in");
  private static final int MAX_WORDS = 5;
  /** Longer sentences are never a lone town field, so the text before them is not even looked at. */
  static final int MAX_FIELD_TOKENS = MAX_WORDS + 2;

  private AddressContext() {}

  /**
   * Whether the field just before {@code fieldStart} in {@code text} is an address line: fields are
   * separated by line breaks, tabs, runs of spaces or the markers people use between them.
   */
  static boolean afterAddressLine(String text, int fieldStart) {
    int i = fieldStart - 1;
    boolean separated = false;
    while (i >= 0 && isSeparator(text.charAt(i))) {
      separated |= text.charAt(i) != ' ' || (i > 0 && text.charAt(i - 1) == ' ');
      i--;
    }
    if (!separated || i < 0) {
      return false;
    }
    int end = i + 1;
    int start = end;
    while (start > 0 && end - start < 80 && !fieldBreak(text, start - 1)) {
      start--;
    }
    return ADDRESS_LINE.matcher(text.substring(start, end).strip()).find();
  }

  private static boolean isSeparator(char c) {
    return Character.isWhitespace(c) || c == '>' || c == '|' || c == '?' || c == '\u2022' || c == ',' || c == ';';
  }

  private static boolean fieldBreak(String text, int i) {
    char c = text.charAt(i);
    return c == '\n' || c == '\r' || c == '\t' || c == '>' || c == '|' || c == '?'
        || (c == ' ' && i > 0 && text.charAt(i - 1) == ' ') || (c == ':' && i + 1 < text.length());
  }

  /** A whole short field after an address line, all its words capitalised (or particles): a town. */
  static void proposeTownField(Sentence s, List<Candidate> candidates) {
    int n = s.length();
    while (n > 0 && !Character.isLetterOrDigit(s.tokens[n - 1].codePointAt(0))) {
      n--; // "Riisa," / "OULU."
    }
    if (n == 0 || n > MAX_WORDS || !s.capitalised(0) || !s.capitalised(n - 1)) {
      return;
    }
    for (int i = 0; i < n; i++) {
      if (Patterns.STREET_WORDS.contains(s.lower[i])) {
        return; // "Apt." split off its number, "Suite", "Box": a unit line, not a town
      }
      boolean word = Sentence.isWord(s.tokens[i]);
      if (!(word && (s.capitalised(i) || PARTICLES.contains(s.lower[i])) || s.tokens[i].equals("-"))
          || s.has(i, Gazetteer.TITLE | Gazetteer.FUNCTION_WORD) && !PARTICLES.contains(s.lower[i])) {
        return;
      }
    }
    for (Candidate c : candidates) {
      if (c.type.equals(EntityType.PERSON) && c.end <= n && !s.knownName(c.start)) {
        c.type = EntityType.LOCATION; // the model's guess for a lone unknown word; the address knows better
      }
    }
    Patterns.add(candidates, EntityType.LOCATION, 0, n, "town in an address");
  }

  /** "Rua do Arenque 1634, Goiânia", "Filadelfeos Str., Klirou": the town after a street and a comma. */
  static void proposeTownAfterStreet(Sentence s, List<Candidate> candidates) {
    for (int i = 2; i < s.length(); i++) {
      if (!s.tokens[i - 1].equals(",") || !s.capitalised(i)) {
        continue;
      }
      String before = s.lower[i - 2];
      // a house number after a street name ("Arenque 1634,"; not "During 1971,"), or a street word
      boolean street = Character.isDigit(before.charAt(0)) && before.length() <= 6 && i >= 3
          && (s.nameShaped(i - 3) && !s.opensClause(i - 3) && !s.has(i - 3, Gazetteer.DICTIONARY_WORD)
              || Patterns.STREET_WORDS.contains(s.lower[i - 3]))
          || Patterns.STREET_WORDS.contains(before);
      if (!street) {
        continue;
      }
      int to = i;
      while (to < s.length() && to - i < MAX_WORDS
          && (s.capitalised(to) || (to > i && PARTICLES.contains(s.lower[to])))) {
        to++;
      }
      while (to > i + 1 && !s.capitalised(to - 1)) {
        to--;
      }
      if (to == s.length() || !Sentence.isWord(s.tokens[to]) || Character.isDigit(s.tokens[to].charAt(0))) {
        Patterns.add(candidates, EntityType.LOCATION, i, to, "town in an address");
      }
    }
  }
}
