package io.shroud.core.detect.ner.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Ordinary English words from Datafaker's {@code en/words.yml} and {@code en/verbs.yml} (Apache-2.0)
 * that fill the non-entity slots of the training templates ({@code {NOUN}}, {@code {VPAST}}, ...).
 * Thousands of different neighbours around a name teach the model that a name is a name by its shape
 * and the few words that really matter, not by a memorised template.
 */
public final class Vocabulary {
  private final List<String> nouns;
  private final List<String> adjectives;
  private final List<String> verbs;
  private final List<String> pastVerbs;
  private final List<String> ingVerbs;
  private final List<String> nationalities;
  private final List<String> languages;

  private Vocabulary(JsonNode words, JsonNode verbsNode, JsonNode nation) {
    this.nouns = plain(words.path("noun"));
    this.adjectives = plain(words.path("adjective"));
    this.verbs = plain(verbsNode.path("base"));
    this.pastVerbs = plain(verbsNode.path("past"));
    this.ingVerbs = plain(verbsNode.path("ing_form"));
    this.nationalities = plain(nation.path("nationality"));
    this.languages = plain(nation.path("language"));
  }

  public static Vocabulary fromDatafaker() {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    return new Vocabulary(read(yaml, "en/words.yml").path("words"), read(yaml, "en/verbs.yml").path("verbs"),
        read(yaml, "en/nation.yml").path("nation"));
  }

  private static JsonNode read(ObjectMapper yaml, String file) {
    try (InputStream in = Vocabulary.class.getResourceAsStream("/" + file)) {
      if (in == null) {
        throw new IllegalStateException("Cannot find Datafaker resource " + file);
      }
      return yaml.readTree(in).path("en").path("faker");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read Datafaker resource " + file, e);
    }
  }

  /** Single words of letters only (no phrases, no placeholders). */
  private static List<String> plain(JsonNode list) {
    List<String> values = new ArrayList<>();
    for (JsonNode item : list) {
      String value = item.asText("").strip();
      if (value.matches("\\p{L}[\\p{L}'-]*")) {
        values.add(value);
      }
    }
    if (values.isEmpty()) {
      throw new IllegalStateException("Cannot find a Datafaker word list (empty " + list + ")");
    }
    return List.copyOf(values);
  }

  public List<String> nouns() {
    return nouns;
  }

  public List<String> adjectives() {
    return adjectives;
  }

  public List<String> verbs() {
    return verbs;
  }

  public List<String> pastVerbs() {
    return pastVerbs;
  }

  public List<String> ingVerbs() {
    return ingVerbs;
  }

  public List<String> nationalities() {
    return nationalities;
  }

  public List<String> languages() {
    return languages;
  }
}
