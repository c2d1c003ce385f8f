package io.shroud.core.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A policy is plain data: mappings, lists and scalars. YAML's other features are refused with a
 * clear error before anything reads the document: anchors and aliases (an alias bomb such as
 * "billion laughs", and Jackson reads an alias as its anchor's name rather than its value), explicit
 * tags such as {@code !!javax.script.ScriptEngineManager} (Shroud never constructs objects from tags,
 * but a tag in a policy is an attack or a mistake), duplicate keys and tab indentation. SnakeYAML's
 * own limits (document size, nesting depth) bound what is read at all.
 */
final class YamlSafety {
  /** Policies are small; this bounds the reader, not any real policy. */
  static final int MAX_CODE_POINTS = 1 << 20;
  static final int MAX_NESTING = 64;

  private YamlSafety() {}

  static YAMLFactory factory() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(0);
    options.setNestingDepthLimit(MAX_NESTING);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    YAMLFactory factory = YAMLFactory.builder().loaderOptions(options)
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build()).build();
    factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return factory;
  }

  /** Streams the document once and refuses anchors, aliases and tags, naming the line. */
  static void requirePlain(YAMLFactory factory, String yaml, PolicySource source) throws IOException {
    try (YAMLParser parser = (YAMLParser) factory.createParser(yaml)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        int line = parser.currentTokenLocation().getLineNr();
        if (parser.isCurrentAlias() || parser.getObjectId() != null) {
          throw error(source, line, "YAML anchors and aliases (&name, *name) are not allowed in a policy; "
              + "write each value out");
        }
        String tag = token == JsonToken.FIELD_NAME ? null : parser.getTypeId();
        if (tag != null) {
          throw error(source, line, "YAML tag '" + shorthand(tag) + "' is not allowed in a policy; "
              + "policies hold plain values only (remove the tag)");
        }
      }
    }
  }

  /** A clearer message than the parser's for the usual causes: a tab indent, a repeated key. */
  static Optional<String> explain(JsonProcessingException e, String yaml) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (message.startsWith("Duplicate field '")) {
      String key = message.substring("Duplicate field '".length(), message.indexOf('\'', "Duplicate field '".length()));
      return Optional.of("duplicate key '" + key + "' (a key may appear only once in a mapping)");
    }
    if (message.startsWith("Document nesting depth")) {
      return Optional.of("lists and mappings nested more than " + MAX_NESTING + " levels deep; a policy needs a handful");
    }
    return Optional.empty();
  }

  /** The first line indented with a tab, if any (1-based): YAML indents with spaces only. */
  static int firstTabIndentedLine(String yaml) {
    String[] lines = yaml.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      for (int c = 0; c < line.length() && (line.charAt(c) == ' ' || line.charAt(c) == '\t'); c++) {
        if (line.charAt(c) == '\t') {
          return i + 1;
        }
      }
    }
    return -1;
  }

  private static String shorthand(String tag) {
    if (tag.startsWith("tag:yaml.org,2002:")) {
      return "!!" + tag.substring("tag:yaml.org,2002:".length());
    }
    return tag.startsWith("!") ? tag : "!" + tag;
  }

  private static InvalidPolicyException error(PolicySource source, int line, String message) {
    return new InvalidPolicyException("Invalid policy " + source.name() + (line > 0 ? ", line " + line : "") + ": " + message);
  }
}
