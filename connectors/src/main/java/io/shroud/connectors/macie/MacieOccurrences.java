package io.shroud.connectors.macie;

import com.fasterxml.jackson.databind.JsonNode;
import io.shroud.core.detect.EntityType;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the {@code classificationDetails.result} of a Macie finding (or of a line of its detailed
 * discovery results) into occurrences per column: CSV/TSV cells name their column; JSON, JSON Lines
 * and Parquet records give a JSONPath, which becomes Shroud's leaf path ({@code $.messages[3].content}
 * is {@code messages[].content}). Detections without occurrences (a count only) name no column.
 */
final class MacieOccurrences {
  private MacieOccurrences() {}

  static void collect(JsonNode result, Map<String, Map<EntityType, Long>> into) {
    for (JsonNode sensitive : result.path("sensitiveData")) {
      for (JsonNode detection : sensitive.path("detections")) {
        add(MacieTypes.of(detection.path("type").asText()), detection.path("occurrences"), into);
      }
    }
    for (JsonNode detection : result.path("customDataIdentifiers").path("detections")) {
      add(MacieTypes.of("CUSTOM_" + detection.path("name").asText()), detection.path("occurrences"), into);
    }
  }

  private static void add(EntityType type, JsonNode occurrences, Map<String, Map<EntityType, Long>> into) {
    if (type == null) {
      return;
    }
    for (JsonNode cell : occurrences.path("cells")) {
      String column = cell.path("columnName").asText("");
      if (!column.isEmpty()) {
        into.computeIfAbsent(column, c -> new TreeMap<>()).merge(type, 1L, Long::sum);
      }
    }
    for (JsonNode record : occurrences.path("records")) {
      String path = leafPath(record.path("jsonPath").asText(""));
      if (!path.isEmpty()) {
        into.computeIfAbsent(path, c -> new TreeMap<>()).merge(type, 1L, Long::sum);
      }
    }
  }

  /** {@code $.a.b[2].c} or {@code $['a']['b'][2]} to {@code a.b[].c}. */
  static String leafPath(String jsonPath) {
    if (!jsonPath.startsWith("$")) {
      return "";
    }
    String p = jsonPath.substring(1)
        .replaceAll("\\['([^']*)'\\]", ".$1")
        .replaceAll("\\[\\d+\\]", "[]")
        .replaceAll("\\[\\*\\]", "[]");
    return p.startsWith(".") ? p.substring(1) : p;
  }
}
