package io.shroud.connectors.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;

/**
 * The bytes a manifest signature covers: compact JSON with every object's keys sorted, so a manifest
 * re-read and re-serialized gives the same bytes it was signed as.
 */
final class CanonicalJson {
  private static final ObjectMapper CANONICAL = new ObjectMapper()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  private static final ObjectMapper PRETTY = new ObjectMapper()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private CanonicalJson() {}

  static byte[] bytes(Map<String, Object> value) {
    try {
      return CANONICAL.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a manifest is plain maps, lists, strings and numbers", e);
    }
  }

  static String pretty(Map<String, Object> value) {
    try {
      return PRETTY.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a manifest is plain maps, lists, strings and numbers", e);
    }
  }

  static Map<String, Object> parse(String json) throws JsonProcessingException {
    return CANONICAL.readValue(json, new TypeReference<Map<String, Object>>() {});
  }
}
