package io.shroud.core.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Line numbers of every key and value in a YAML document, by JSON pointer ({@code /columns/email}).
 * Jackson's tree model forgets locations, so one extra streaming pass keeps them for error messages
 * that are found later (a rule naming a column the data does not have).
 */
public final class SourceLocations {
  private static final SourceLocations NONE = new SourceLocations(Map.of());
  private final Map<String, Integer> lines;

  private SourceLocations(Map<String, Integer> lines) {
    this.lines = lines;
  }

  public static SourceLocations none() {
    return NONE;
  }

  /** Indexes a document that already parsed successfully. */
  static SourceLocations index(YAMLFactory factory, String yaml) throws IOException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = factory.createParser(yaml)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        if (token == JsonToken.FIELD_NAME || !lines.containsKey(pointer)) {
          lines.put(pointer, parser.currentTokenLocation().getLineNr());
        }
      }
    }
    return new SourceLocations(Map.copyOf(lines));
  }

  /** The line of the key or value at a pointer, falling back to its nearest enclosing node. */
  public Optional<Integer> lineOf(String pointer) {
    String current = pointer;
    while (true) {
      Integer line = lines.get(current);
      if (line != null && line > 0) {
        return Optional.of(line);
      }
      int slash = current.lastIndexOf('/');
      if (slash <= 0) {
        return Optional.empty();
      }
      current = current.substring(0, slash);
    }
  }
}
