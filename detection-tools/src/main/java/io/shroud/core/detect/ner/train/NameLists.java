package io.shroud.core.detect.ner.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Person and place names from Datafaker's locale files (Apache-2.0), Latin script only, split
 * deterministically by a hash of the name: 15% are held out for evaluation and never appear in a
 * training sentence. The shipped gazetteer holds all of them (users want every name it can know); the
 * held-out evaluation hides the held-out ones from it ({@link io.shroud.core.detect.ner.Gazetteer#hide}),
 * so it measures names the model never saw and no dictionary knows. The trainer also hides part of the
 * gazetteer from the model, see {@code GazetteerFeatureGeneratorFactory}.
 */
public final class NameLists {
  /** Locales whose name and address lists are read; Latin-script entries only are kept. */
  static final List<String> LOCALES = List.of(
      "en", "en-AU", "en-IN", "en-NG", "en-ZA", "en-NZ", "en-SG", "en-PAK", "en-UG", "de", "de-AT", "fr", "es",
      "es-AR", "es-MX", "it", "nl", "pl", "pt", "pt-BR", "sv", "da-DK", "nb-NO", "no-NO", "fi-FI", "cs-CZ", "cs",
      "sk", "hu", "hr", "tr", "id", "vi", "ca", "et", "lv", "sq", "ro", "en-PH", "fr-CA", "fr-CH");
  /** Major cities Datafaker lacks (its English cities are generated, not real). */
  static final List<String> MAJOR_CITIES = List.of(
      "New York", "Los Angeles", "Chicago", "Houston", "Phoenix", "Philadelphia", "San Antonio", "San Diego",
      "Dallas", "San Jose", "Austin", "Seattle", "Denver", "Boston", "Detroit", "Nashville", "Portland",
      "Las Vegas", "Miami", "Atlanta", "Minneapolis", "Cleveland", "Pittsburgh", "Baltimore", "Orlando",
      "Toronto", "Montreal", "Vancouver", "Calgary", "London", "Manchester", "Birmingham", "Liverpool",
      "Glasgow", "Edinburgh", "Dublin", "Paris", "Lyon", "Marseille", "Berlin", "Hamburg", "Munich", "Cologne",
      "Frankfurt", "Madrid", "Barcelona", "Valencia", "Seville", "Rome", "Milan", "Naples", "Turin", "Lisbon",
      "Porto", "Amsterdam", "Rotterdam", "Brussels", "Antwerp", "Vienna", "Zurich", "Geneva", "Stockholm",
      "Oslo", "Copenhagen", "Helsinki", "Warsaw", "Krakow", "Prague", "Budapest", "Athens", "Istanbul",
      "Moscow", "Kyiv", "Cairo", "Lagos", "Nairobi", "Johannesburg", "Cape Town", "Dubai", "Mumbai", "Delhi",
      "Bangalore", "Chennai", "Karachi", "Dhaka", "Bangkok", "Singapore", "Jakarta", "Manila", "Hong Kong",
      "Shanghai", "Beijing", "Tokyo", "Osaka", "Seoul", "Sydney", "Melbourne", "Brisbane", "Perth", "Auckland",
      "Wellington", "Mexico City", "Guadalajara", "Bogota", "Lima", "Santiago", "Buenos Aires", "Sao Paulo",
      "Rio de Janeiro", "Havana", "Tel Aviv", "Riyadh", "Tehran", "Baghdad", "Casablanca", "Accra", "Addis Ababa");
  private static final Pattern LATIN = Pattern.compile("\\p{IsLatin}[\\p{IsLatin}'\\- ]{1,30}");
  private static final int HELD_OUT_PERCENT = 15;

  private final List<String> firstNames = new ArrayList<>();
  private final List<String> lastNames = new ArrayList<>();
  private final List<String> places = new ArrayList<>();
  private final List<String> heldOutFirstNames = new ArrayList<>();
  private final List<String> heldOutLastNames = new ArrayList<>();
  private final List<String> heldOutPlaces = new ArrayList<>();
  private final List<String> gazetteerFirstNames = new ArrayList<>();
  private final List<String> gazetteerLastNames = new ArrayList<>();
  private final List<String> gazetteerPlaces = new ArrayList<>();

  private NameLists() {}

  /** Reads the lists from the Datafaker jar on the classpath. */
  public static NameLists fromDatafaker() {
    TreeSet<String> first = new TreeSet<>();
    TreeSet<String> last = new TreeSet<>();
    TreeSet<String> place = new TreeSet<>(MAJOR_CITIES);
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    for (String locale : LOCALES) {
      for (String file : List.of(locale + ".yml", locale + "/name.yml", locale + "/address.yml",
          locale + "/country.yml", locale + "/nation.yml")) {
        JsonNode faker = read(yaml, file, locale);
        if (faker == null) {
          continue;
        }
        JsonNode name = faker.path("name");
        for (String key : List.of("first_name", "male_first_name", "female_first_name")) {
          addPlain(name.path(key), first, 100_000);
        }
        addPlain(name.path("last_name"), last, 100_000);
        JsonNode address = faker.path("address");
        addPlain(address.path("city_name"), place, 600);
        addPlain(address.path("city"), place, 600);
        addPlain(address.path("state"), place, 100);
        if (locale.equals("en")) {
          addPlain(address.path("country"), place, 1000);
          addPlain(faker.path("country").path("name"), place, 1000);
          addPlain(faker.path("country").path("capital"), place, 1000);
          addPlain(faker.path("nation").path("capital_city"), place, 1000);
        }
      }
    }
    NameLists lists = new NameLists();
    split(first, lists.firstNames, lists.heldOutFirstNames, lists.gazetteerFirstNames);
    split(last, lists.lastNames, lists.heldOutLastNames, lists.gazetteerLastNames);
    split(place, lists.places, lists.heldOutPlaces, lists.gazetteerPlaces);
    return lists;
  }

  private static JsonNode read(ObjectMapper yaml, String file, String locale) {
    try (InputStream in = NameLists.class.getResourceAsStream("/" + file)) {
      if (in == null) {
        return null;
      }
      return yaml.readTree(in).path(locale).path("faker");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read Datafaker resource " + file, e);
    }
  }

  private static void addPlain(JsonNode list, TreeSet<String> into, int max) {
    if (!list.isArray()) {
      return;
    }
    int added = 0;
    for (JsonNode item : list) {
      String value = item.asText("").strip();
      if (added < max && !value.contains("#{") && LATIN.matcher(value).matches()
          && Character.isUpperCase(value.codePointAt(0)) && value.split(" ").length <= 4) {
        into.add(value);
        added++;
      }
    }
  }

  /** One of 100 buckets from a CRC-32 of the lower-cased value. */
  static int bucket(String value) {
    CRC32 crc = new CRC32();
    crc.update(value.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % 100);
  }

  private static void split(TreeSet<String> all, List<String> train, List<String> held, List<String> gazetteer) {
    for (String value : all) {
      int bucket = bucket(value);
      if (bucket < HELD_OUT_PERCENT) {
        held.add(value);
      } else {
        train.add(value);
      }
      gazetteer.add(value);
    }
  }

  /** The shipped dictionaries: part of the training names, none of the held-out ones. */
  public List<String> gazetteerFirstNames() {
    return gazetteerFirstNames;
  }

  public List<String> gazetteerLastNames() {
    return gazetteerLastNames;
  }

  public List<String> gazetteerPlaces() {
    return gazetteerPlaces;
  }

  /** Every held-out first name, last name and place, lower-cased: what the held-out evaluation hides. */
  public Set<String> heldOutLowerCase() {
    Set<String> all = new HashSet<>();
    for (List<String> list : List.of(heldOutFirstNames, heldOutLastNames, heldOutPlaces)) {
      list.forEach(v -> all.add(v.toLowerCase(Locale.ROOT)));
    }
    return all;
  }

  public List<String> firstNames(boolean heldOut) {
    return heldOut ? heldOutFirstNames : firstNames;
  }

  public List<String> lastNames(boolean heldOut) {
    return heldOut ? heldOutLastNames : lastNames;
  }

  public List<String> places(boolean heldOut) {
    return heldOut ? heldOutPlaces : places;
  }
}
