package io.shroud.core.detect.scan;

import io.shroud.core.detect.DetectionContext;
import java.util.List;
import java.util.Set;

/**
 * Recognises columns of people's names: the column name says so (name, full_name, first_name,
 * surname, customer_name, ...) and the values look like names (1-4 capitalised words of letters,
 * apostrophes and hyphens, no digits). Names are not found in free text here; that needs NER.
 */
final class PersonNameColumns {
  /** Single tokens that always mean a person's name. */
  private static final Set<String> NAME_TOKENS = Set.of(
      "fullname", "firstname", "lastname", "surname", "forename", "forenames", "givenname", "familyname",
      "middlename", "maidenname", "surnames");
  /** Words that, before "name", make it a person's name ("customer_name", "first name"). */
  private static final Set<String> PERSON_QUALIFIERS = Set.of(
      "full", "first", "last", "given", "family", "middle", "maiden", "legal", "customer", "contact", "client",
      "person", "patient", "employee", "member", "guest", "owner", "holder", "cardholder", "recipient",
      "sender", "emergency", "student", "driver", "passenger", "buyer", "applicant", "beneficiary", "spouse",
      "parent", "guardian", "account", "billing", "shipping", "insured", "subscriber", "payee", "payer",
      "manager", "agent", "rep", "signer", "signatory", "doctor", "physician", "nurse", "teacher");
  /** Lower-case particles allowed inside names ("Ludwig van Beethoven", "María de la Cruz"). */
  private static final Set<String> PARTICLES = Set.of(
      "van", "von", "de", "der", "den", "del", "della", "da", "di", "la", "le", "du", "bin", "al", "ter", "y", "dos", "das");

  private PersonNameColumns() {}

  /** Whether the column name denotes people's names. */
  static boolean isNameColumn(String column) {
    if (column == null) {
      return false;
    }
    List<String> tokens = DetectionContext.tokens(column);
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (NAME_TOKENS.contains(token)) {
        return true;
      }
      if (token.equals("name") || token.equals("names")) {
        if (tokens.size() == 1 || (i > 0 && PERSON_QUALIFIERS.contains(tokens.get(i - 1)))) {
          return true;
        }
      }
    }
    String joined = String.join("", tokens);
    return NAME_TOKENS.contains(joined);
  }

  /** Whether a value is shaped like a person's name. */
  static boolean looksLikeName(String value) {
    String trimmed = value.strip();
    if (trimmed.isEmpty() || trimmed.length() > 80) {
      return false;
    }
    String[] words = trimmed.split(" ");
    if (words.length > 6) {
      return false;
    }
    int capitalised = 0;
    for (String word : words) {
      if (PARTICLES.contains(word)) {
        continue;
      }
      if (!capitalisedWord(word)) {
        return false;
      }
      capitalised++;
    }
    return capitalised >= 1 && capitalised <= 4;
  }

  private static boolean capitalisedWord(String word) {
    if (word.isEmpty() || !Character.isUpperCase(word.charAt(0))) {
      return false;
    }
    for (int i = 1; i < word.length(); i++) {
      char c = word.charAt(i);
      boolean ok = Character.isLetter(c) || c == '\'' || c == '\u2019' || c == '-' || (c == '.' && i == word.length() - 1);
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
