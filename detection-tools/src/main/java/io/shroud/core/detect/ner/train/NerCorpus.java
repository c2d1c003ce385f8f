package io.shroud.core.detect.ner.train;

import io.shroud.core.detect.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates labelled sentences from templates and name lists with a fixed seed. The training corpus
 * uses {@code templates-train.txt} and the training split of the names; the held-out corpus uses
 * {@code templates-heldout.txt} and names never seen in training, so it measures generalisation.
 */
public final class NerCorpus {
  /** A labelled entity: character range in {@link Sample#text()}. */
  public record Entity(EntityType type, int start, int end) {}

  /** One generated text with its entities. */
  public record Sample(String text, List<Entity> entities) {}

  private static final String[] TITLES = {"Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Ms", "Dr", "Prof.", "Miss"};
  private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
      "Sunday", "today", "tomorrow", "Jan 3", "March 14", "the 21st"};
  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December"};
  private static final String[] PRODUCTS = {"Premium Plan", "Gold Card", "iPhone", "Smart TV", "Pro Max",
      "Basic Plan", "Windows laptop", "Xbox", "Family Plan", "Router X2", "Excel add-in", "Kindle",
      "Business Account", "Visa card", "Galaxy S22", "Apple Watch"};
  private static final String[] DEPARTMENTS = {"Billing", "Sales", "IT", "Returns", "Customer Care", "HR",
      "Finance", "Legal", "Tier 2", "Fraud"};
  private static final String[] ORG_SUFFIXES = {"Inc", "Inc.", "LLC", "Ltd", "Ltd.", "Group", "Corp.",
      "Corporation", "Holdings", "& Co.", "GmbH", "AG", "S.A.", "Partners", "Associates", "and Sons", "PLC"};
  private static final String[] ORG_NOUNS = {"Logistics", "Systems", "Solutions", "Technologies", "Foods",
      "Energy", "Capital", "Media", "Health", "Software", "Consulting", "Pharma", "Motors", "Textiles",
      "Airlines", "Insurance", "Robotics", "Analytics", "Realty", "Labs"};
  private static final String[] ORG_WORDS = {"Northwind", "Blue Harbor", "Summit", "Pioneer", "Silverline",
      "Granite", "Evergreen", "Redwood", "Bright Path", "Crescent", "Atlas", "Keystone", "Orbit", "Nova",
      "Vertex", "Horizon", "Maple", "Ironclad", "Sterling", "Oakridge"};

  private static final String[] STREET_SUFFIXES = {"St", "Street", "Road", "Rd.", "Avenue", "Ave", "Lane",
      "Drive", "Way", "Strasse", "Place", "Blvd", "Court", "Square"};
  private static final String[] JOBS = {"Sales Manager", "nurse", "Software Engineer", "Accountant",
      "Bus Driver", "Teacher", "Senior Analyst", "Customer Service Representative", "Pharmacist", "Chef"};
  private static final String[] SYLLABLES = {"ka", "lo", "ve", "ri", "tan", "mor", "sel", "bra", "qui", "den",
      "zo", "fi", "gar", "nel", "tro", "vi", "lex", "ma", "dor", "sun", "pe", "ta", "ix", "ron"};
  private static final String[] PLACE_SUFFIXES = {"ville", "burg", "ton", "stad", "by", "field", "heim", "polis",
      "dorf", "mouth", ""};

  private final NameLists names;
  private final Vocabulary words = Vocabulary.fromDatafaker();
  private final boolean heldOut;
  private final List<String> templates;
  private final Random random;
  /** Informal text (chat, social media): casing of names and whole texts varies as people type. */
  private final boolean informal;

  public NerCorpus(NameLists names, boolean heldOut, long seed) {
    this(names, heldOut, seed, readTemplates(heldOut ? "templates-heldout.txt" : "templates-train.txt"), false);
  }

  private NerCorpus(NameLists names, boolean heldOut, long seed, List<String> templates, boolean informal) {
    this.names = names;
    this.heldOut = heldOut;
    this.templates = templates;
    this.random = new Random(seed);
    this.informal = informal;
  }

  /**
   * Chat and social-media text: {@code informal-heldout.txt} (evaluation only) or {@code informal-train.txt}
   * with handles, hashtags, slang and emoji, and casing as people type it (see {@link #informalCasing}).
   */
  public static NerCorpus informal(NameLists names, boolean heldOut, long seed) {
    return new NerCorpus(names, heldOut, seed, readTemplates(heldOut ? "informal-heldout.txt" : "informal-train.txt"),
        true);
  }

  static List<String> readTemplates(String file) {
    try (InputStream in = NerCorpus.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("Cannot find NER template file " + file);
      }
      List<String> lines = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          lines.add(line.replace("\\n", "\n"));
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read NER template file " + file, e);
    }
  }

  public int templateCount() {
    return templates.size();
  }

  /**
   * {@code count} samples, templates taken round-robin so each is used equally often; in training, three
   * samples in five come from the {@link ClauseGrammar} instead.
   */
  public List<Sample> generate(int count) {
    List<Sample> samples = new ArrayList<>(count);
    ClauseGrammar grammar = new ClauseGrammar(random);
    for (int i = 0; i < count; i++) {
      if (informal) {
        samples.add(informalCasing(render(templates.get(i % templates.size()), false)));
        continue;
      }
      boolean composed = !heldOut && i % 5 >= 2; // three in five
      samples.add(render(composed ? grammar.template() : templates.get((heldOut ? i : i / 5 * 2 + i % 5) % templates.size())));
    }
    return samples;
  }

  Sample render(String template) {
    return render(template, true);
  }

  private Sample render(String template, boolean recase) {
    StringBuilder text = new StringBuilder();
    List<Entity> entities = new ArrayList<>();
    int at = 0;
    while (at < template.length()) {
      int open = template.indexOf('{', at);
      if (open < 0) {
        text.append(template, at, template.length());
        break;
      }
      int close = template.indexOf('}', open);
      text.append(template, at, open);
      slot(template.substring(open + 1, close), text, entities);
      at = close + 1;
    }
    Sample sample = new Sample(text.toString(), entities);
    if (!recase) {
      return sample;
    }
    // Training sees more caseless text than the held-out set holds (8% lower, 3% upper), where names
    // are hardest; the held-out mix stays as it was so the numbers stay comparable.
    double lower = heldOut ? 0.08 : 0.14;
    double upper = heldOut ? 0.11 : 0.19;
    double r = random.nextDouble();
    if (r < lower) {
      return new Sample(sample.text().toLowerCase(Locale.ROOT), entities);
    } else if (r < upper) {
      return new Sample(sample.text().toUpperCase(Locale.ROOT), entities);
    }
    return sample;
  }

  /**
   * As people type in chats and posts: a third as written, a quarter with the names (and only them) in
   * lower case, a quarter all lower case, one in ten all upper case, the rest with a lower-case "i".
   */
  private Sample informalCasing(Sample sample) {
    double r = random.nextDouble();
    if (r < 0.34) {
      return sample;
    }
    if (r < 0.59) {
      StringBuilder text = new StringBuilder(sample.text());
      for (Entity e : sample.entities()) {
        text.replace(e.start(), e.end(), text.substring(e.start(), e.end()).toLowerCase(Locale.ROOT));
      }
      return new Sample(text.toString(), sample.entities());
    }
    if (r < 0.84) {
      return new Sample(sample.text().toLowerCase(Locale.ROOT), sample.entities());
    }
    if (r < 0.94) {
      return new Sample(sample.text().toUpperCase(Locale.ROOT), sample.entities());
    }
    return new Sample(sample.text().replaceAll("\\bI\\b", "i"), sample.entities());
  }

  private static final String[] EMOJI = {"\uD83D\uDE02", "\uD83D\uDD25", "\u2764\uFE0F", "\uD83D\uDE4F", "\uD83D\uDE2D",
      "\uD83D\uDC4D", "\uD83C\uDF89", "\uD83D\uDE0D", ":)", ":D", "<3", "xD"};
  private static final String[] RELIGIONS = {"Muslim", "Christian", "Catholic", "Protestant", "Jewish", "Hindu",
      "Buddhist", "Sikh", "Orthodox", "Mormon", "Evangelical", "Lutheran", "Baptist", "Methodist", "Anglican",
      "Shia", "Sunni", "atheist"};
  private static final String[] POLITICAL = {"Democrat", "Republican", "Labour", "Tory", "Conservative", "Liberal",
      "Socialist", "Communist", "Green", "Libertarian"};

  private void slot(String name, StringBuilder text, List<Entity> entities) {
    switch (name) {
      case "HANDLE" -> entity(EntityType.USERNAME, "@" + handle(), text, entities);
      case "HPER" -> entity(EntityType.PERSON, "#" + hashtagName(first(), last()), text, entities);
      case "HLOC" -> entity(EntityType.LOCATION, "#" + hashtagName(pick(names.places(heldOut)), ""), text, entities);
      case "EMOJI" -> text.append(pick(EMOJI));
      case "NRP" -> entity(EntityType.NRP, switch (random.nextInt(3)) {
        case 0 -> pick(words.nationalities());
        case 1 -> pick(RELIGIONS);
        default -> pick(POLITICAL);
      }, text, entities);
      case "PER" -> entity(EntityType.PERSON, person(), text, entities);
      case "FIRST" -> entity(EntityType.PERSON, first(), text, entities);
      case "LAST" -> entity(EntityType.PERSON, last(), text, entities);
      case "TPER" -> {
        text.append(pick(TITLES)).append(' ');
        entity(EntityType.PERSON, random.nextDouble() < 0.6 ? last() : first() + " " + last(), text, entities);
      }
      case "LOC" -> {
        entity(EntityType.LOCATION, place(), text, entities);
        if (random.nextDouble() < 0.12) {
          text.append(", ");
          entity(EntityType.LOCATION, place(), text, entities);
        }
      }
      case "ORG" -> entity(EntityType.ORGANIZATION, organization(), text, entities);
      case "DAY" -> text.append(pick(DAYS));
      case "MONTH" -> text.append(pick(MONTHS));
      case "NUM" -> text.append(1 + random.nextInt(random.nextBoolean() ? 99 : 99_999));
      case "PRODUCT" -> text.append(pick(PRODUCTS));
      case "DEPT" -> text.append(pick(DEPARTMENTS));
      case "EMAIL" -> text.append(first().toLowerCase(Locale.ROOT).replace(' ', '.')).append('@')
          .append(random.nextBoolean() ? "example.com" : "mail.net");
      case "PHONE" -> text.append("555-01").append(10 + random.nextInt(89));
      case "STREET" -> text.append(1 + random.nextInt(9999)).append(' ')
          .append(random.nextBoolean() ? last() : first()).append(' ').append(pick(STREET_SUFFIXES));
      case "ZIP" -> text.append(String.format(Locale.ROOT, "%05d", random.nextInt(100_000)));
      case "JOB" -> text.append(pick(JOBS));
      case "NOUN" -> text.append(pick(words.nouns()));
      case "ADJ" -> text.append(pick(words.adjectives()));
      case "VERB" -> text.append(pick(words.verbs()));
      case "VPAST" -> text.append(pick(words.pastVerbs()));
      case "VING" -> text.append(pick(words.ingVerbs()));
      case "CAP" -> text.append(capitalise(pick(random.nextBoolean() ? words.nouns() : words.adjectives())));
      case "CVERB" -> text.append(capitalise(pick(words.verbs())));
      case "WORK" -> text.append(titleOfAWork());
      case "NAT" -> text.append(pick(random.nextBoolean() ? words.nationalities() : words.languages()));
      default -> throw new IllegalArgumentException("Invalid template slot {" + name + "}");
    }
  }

  /** "rahul_92", "mariagarcia", "m.garcia", "thereal_garcia", "garcia84". */
  private String handle() {
    String first = first().toLowerCase(Locale.ROOT).replace(' ', '_');
    String last = last().toLowerCase(Locale.ROOT).replace(' ', '_');
    return switch (random.nextInt(6)) {
      case 0 -> first + "_" + (10 + random.nextInt(90));
      case 1 -> first + last;
      case 2 -> first.charAt(0) + "." + last;
      case 3 -> "the" + (random.nextBoolean() ? "real" : "") + "_" + last;
      case 4 -> last + (1960 + random.nextInt(50));
      default -> capitalise(first) + capitalise(last);
    };
  }

  /** "#MariaGarcia", "#mariagarcia", "#NewYork": words run together, in camel case or not. */
  private String hashtagName(String a, String b) {
    String joined = (a + " " + b).strip();
    StringBuilder tag = new StringBuilder();
    boolean camel = random.nextBoolean();
    for (String part : joined.split("[ '-]+")) {
      if (!part.isEmpty()) {
        tag.append(camel ? capitalise(part.toLowerCase(Locale.ROOT)) : part.toLowerCase(Locale.ROOT));
      }
    }
    return tag.toString();
  }

  private static void entity(EntityType type, String value, StringBuilder text, List<Entity> entities) {
    int start = text.length();
    text.append(value);
    entities.add(new Entity(type, start, text.length()));
  }

  private String person() {
    double r = random.nextDouble();
    if (r < 0.50) {
      return first() + " " + last();
    } else if (r < 0.62) {
      return first() + " " + (char) ('A' + random.nextInt(26)) + ". " + last();
    } else if (r < 0.72) {
      return first() + " " + first() + " " + last();
    } else if (r < 0.82) {
      return first();
    } else if (r < 0.88) {
      return first() + " " + last() + "-" + last();
    } else if (r < 0.94) {
      return last();
    }
    return first() + " " + last() + " " + last();
  }

  private String place() {
    double r = random.nextDouble();
    String place = r < 0.15 ? capitalise(invented() + pick(PLACE_SUFFIXES)) : pick(names.places(heldOut));
    return random.nextDouble() < 0.08 ? place.toUpperCase(Locale.ROOT) : place;
  }

  /** A word that is in no list: unseen names must be found from context and shape. */
  private String invented() {
    StringBuilder sb = new StringBuilder();
    int n = 2 + random.nextInt(2);
    for (int i = 0; i < n; i++) {
      sb.append(pick(SYLLABLES));
    }
    return sb.toString();
  }

  private static String capitalise(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  /** "The Silent Harbor", "Battery", "Letters of Discipline": capitalised words that name no one. */
  private String titleOfAWork() {
    String noun = capitalise(pick(words.nouns()));
    return switch (random.nextInt(6)) {
      case 0 -> noun;
      case 1 -> "The " + capitalise(pick(words.adjectives())) + " " + noun;
      case 2 -> noun + " of " + (random.nextBoolean() ? "the " : "") + capitalise(pick(words.nouns()));
      case 3 -> capitalise(pick(words.adjectives())) + " " + noun;
      case 4 -> capitalise(pick(words.verbs())) + " " + (random.nextBoolean() ? "Me" : "the " + noun);
      default -> noun + " " + capitalise(pick(words.nouns()));
    };
  }

  private String organization() {
    double r = random.nextDouble();
    if (r < 0.12) {
      return capitalise(invented()) + (random.nextBoolean() ? "" : " " + pick(ORG_NOUNS));
    }
    r = random.nextDouble();
    if (r < 0.30) {
      return last() + " " + pick(ORG_SUFFIXES);
    } else if (r < 0.45) {
      return last() + " & " + last();
    } else if (r < 0.55) {
      return last() + ", " + last() + " and " + last();
    } else if (r < 0.80) {
      return pick(ORG_WORDS) + " " + pick(ORG_NOUNS) + (random.nextBoolean() ? " " + pick(ORG_SUFFIXES) : "");
    } else if (r < 0.88) {
      return "Bank of " + pick(names.places(heldOut));
    } else if (r < 0.94) {
      return "University of " + pick(names.places(heldOut));
    }
    return pick(names.places(heldOut)) + " General Hospital";
  }

  private String first() {
    return pick(names.firstNames(heldOut));
  }

  private String last() {
    return pick(names.lastNames(heldOut));
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }
}
