package io.shroud.core.detect.ner.train;

import java.util.Random;

/**
 * Builds training templates from parts: a person, place or organization in subject, object,
 * possessive, appositive or vocative position, in one or two clauses with openers and joiners, filled
 * with ordinary words ({@code {NOUN}}, {@code {VPAST}}, ...). Fixed templates teach typical texts;
 * these teach that a name is recognised by its shape and a few neighbours in any sentence, which is
 * what an unseen text needs.
 */
final class ClauseGrammar {
  private static final String[] PEOPLE = {"{PER}", "{PER}", "{FIRST}", "{FIRST}", "{LAST}", "{TPER}"};
  private static final String[] PRONOUNS = {"I", "we", "they", "she", "he", "you", "someone", "nobody"};
  private static final String[] POSSESSIVES = {"my", "our", "their", "his", "her", "your", "the"};
  private static final String[] PERSON_NOUNS = {"customer", "client", "colleague", "coworker", "roommate", "cousin",
      "uncle", "aunt", "grandmother", "coach", "tutor", "courier", "plumber", "buyer", "seller", "host", "dentist",
      "accountant", "supervisor", "intern", "nephew", "niece", "teammate", "mentor", "caseworker", "therapist"};
  private static final String[] TIMES = {"", "", " on {DAY}", " last {MONTH}", " yesterday", " this morning",
      " in {MONTH}", " twice", " again", " last week"};
  private static final String[] OPENERS = {"", "", "", "", "When ", "While ", "Because ", "After ", "Before ",
      "Although ", "If ", "Yesterday ", "On {DAY} ", "In {MONTH} ", "Apparently ", "Honestly ", "FYI ", "Update: ",
      "Note: ", "Q: ", "> ", "- ", "So ", "Then ", "Also "};
  private static final String[] JOINERS = {". ", ", and ", "; ", " but ", " so ", ", then ", "\n", " - ", ". Then ",
      " because ", " and "};
  private static final String[] ENDINGS = {".", ".", ".", "!", "?", "", "...", " :)"};

  private final Random random;

  ClauseGrammar(Random random) {
    this.random = random;
  }

  String template() {
    StringBuilder sb = new StringBuilder(pick(OPENERS)).append(clause());
    if (random.nextInt(3) == 0) {
      sb.append(pick(JOINERS)).append(clause());
    }
    sb.append(pick(ENDINGS));
    String text = sb.toString();
    if (random.nextInt(5) > 0 && Character.isLowerCase(text.charAt(0))) {
      text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
    return text;
  }

  private String clause() {
    return switch (random.nextInt(5)) {
      case 0, 1 -> personClause();
      case 2 -> placeClause();
      case 3 -> organizationClause();
      default -> random.nextBoolean() ? neutralClause() : personClause();
    };
  }

  private String personClause() {
    String p = pick(PEOPLE);
    String t = pick(TIMES);
    String n = random.nextBoolean() ? "the {NOUN}" : pick(POSSESSIVES) + " {ADJ} {NOUN}";
    return switch (random.nextInt(24)) {
      case 0 -> p + " {VPAST} " + n + t;
      case 1 -> p + " will {VERB} " + n + t;
      case 2 -> p + " has {VPAST} " + n;
      case 3 -> p + " is {VING} " + n;
      case 4 -> p + " wants to {VERB} " + n;
      case 5 -> p + " can't {VERB} " + n;
      case 6 -> p + " and " + pick(PEOPLE) + " {VPAST} " + n + t;
      case 7 -> p + ", the " + pick(PERSON_NOUNS) + ", {VPAST} " + n;
      case 8 -> p + " from {ORG} {VPAST} " + n;
      case 9 -> p + " said " + n + " was {ADJ}";
      case 10 -> pick(PRONOUNS) + " {VPAST} " + p + t;
      case 11 -> pick(PRONOUNS) + " {VPAST} " + n + " for " + p;
      case 12 -> pick(PRONOUNS) + " {VPAST} " + n + " to " + p + t;
      case 13 -> pick(PRONOUNS) + " {VPAST} " + p + " about " + n;
      case 14 -> "ask " + p + " to {VERB} " + n;
      case 15 -> n + " was {VPAST} by " + p + t;
      case 16 -> p + "'s {NOUN} is {ADJ}";
      case 17 -> pick(POSSESSIVES) + " " + pick(PERSON_NOUNS) + " " + p + " {VPAST} it" + t;
      case 18 -> pick(PRONOUNS) + " talked to " + pick(POSSESSIVES) + " " + pick(PERSON_NOUNS) + ", " + p;
      case 19 -> p + ", please {VERB} " + n;
      case 20 -> "thanks " + p + ", " + n + " is {ADJ}";
      case 21 -> pick(PRONOUNS) + " {VPAST} " + n + " with " + p + " and " + pick(PEOPLE);
      case 22 -> "{NOUN} for " + p + ": {ADJ}";
      default -> p + " thinks " + n + " is {ADJ}";
    };
  }

  private String placeClause() {
    String who = random.nextBoolean() ? pick(PRONOUNS) : pick(PEOPLE);
    return switch (random.nextInt(12)) {
      case 0 -> who + " {VPAST} the {NOUN} in {LOC}" + pick(TIMES);
      case 1 -> who + " {VPAST} to {LOC}" + pick(TIMES);
      case 2 -> "the {NOUN} from {LOC} was {ADJ}";
      case 3 -> "{LOC} is {ADJ} in {MONTH}";
      case 4 -> who + " {VPAST} near {LOC}";
      case 5 -> "the {LOC} {NOUN} is {ADJ}";
      case 6 -> "{LOC}'s {NOUN} {VPAST} again";
      case 7 -> "the {NOUN} between {LOC} and {LOC}";
      case 8 -> who + " {VPAST} {LOC}" + pick(TIMES);
      case 9 -> who + " lives in {LOC} now";
      case 10 -> "{NOUN} in {LOC}, {LOC}";
      default -> "from {LOC} to {LOC} by {NOUN}";
    };
  }

  private String organizationClause() {
    String who = random.nextBoolean() ? pick(PRONOUNS) : pick(PEOPLE);
    return switch (random.nextInt(8)) {
      case 0 -> who + " {VPAST} the {NOUN} at {ORG}";
      case 1 -> "{ORG} {VPAST} the {NOUN}" + pick(TIMES);
      case 2 -> "the {NOUN} from {ORG} is {ADJ}";
      case 3 -> "{ORG}'s {NOUN} {VPAST}";
      case 4 -> who + " works for {ORG}";
      case 5 -> who + " {VPAST} {ORG} about the {NOUN}";
      case 6 -> "{ORG} in {LOC} {VPAST} the {NOUN}";
      default -> "the {ADJ} {NOUN} of {ORG}";
    };
  }

  /** Capitalised words that are not entities: titles, headings, ordinary words opening a clause. */
  private String neutralClause() {
    return switch (random.nextInt(8)) {
      case 0 -> "the {NOUN} was {ADJ}";
      case 1 -> "{CAP} {NOUN} is {ADJ}";
      case 2 -> pick(PRONOUNS) + " {VPAST} {WORK}";
      case 3 -> "{CVERB} the {NOUN}";
      case 4 -> "{WORK} is {ADJ}";
      case 5 -> "{CAP}: the {NOUN} {VPAST}";
      case 6 -> "the {ADJ} {NOUN} {VPAST}" + pick(TIMES);
      default -> "{CAP} and {CAP}";
    };
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }
}
