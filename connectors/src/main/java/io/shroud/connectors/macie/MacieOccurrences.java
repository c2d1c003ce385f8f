package io.shroud.connectors.macie;

import com.fasterxml.jackson.databind.JsonNode;
import io.shroud.core.detect.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.macie2.model.ClassificationResult;
import software.amazon.awssdk.services.macie2.model.CustomDetection;
import software.amazon.awssdk.services.macie2.model.DefaultDetection;
import software.amazon.awssdk.services.macie2.model.Occurrences;
import software.amazon.awssdk.services.macie2.model.SensitiveDataItem;

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
    List<String> columns = new ArrayList<>();
    occurrences.path("cells").forEach(cell -> columns.add(cell.path("columnName").asText("")));
    List<String> paths = new ArrayList<>();
    occurrences.path("records").forEach(record -> paths.add(record.path("jsonPath").asText("")));
    add(type, columns, paths, into);
  }

  /** The same for a finding's result as the Macie2 SDK returns it (GetFindings). */
  static void collect(ClassificationResult result, Map<String, Map<EntityType, Long>> into) {
    for (SensitiveDataItem sensitive : result.sensitiveData()) {
      for (DefaultDetection detection : sensitive.detections()) {
        add(detection.type() == null ? null : MacieTypes.of(detection.type()), detection.occurrences(), into);
      }
    }
    if (result.customDataIdentifiers() != null) {
      for (CustomDetection detection : result.customDataIdentifiers().detections()) {
        add(MacieTypes.of("CUSTOM_" + detection.name()), detection.occurrences(), into);
      }
    }
  }

  private static void add(EntityType type, Occurrences occurrences, Map<String, Map<EntityType, Long>> into) {
    if (occurrences == null) {
      return;
    }
    add(type, occurrences.cells().stream().map(c -> c.columnName() == null ? "" : c.columnName()).toList(),
        occurrences.records().stream().map(r -> r.jsonPath() == null ? "" : r.jsonPath()).toList(), into);
  }

  /** One detection: a count per named column and per record path turned into a leaf path. */
  private static void add(EntityType type, Iterable<String> columns, Iterable<String> jsonPaths,
      Map<String, Map<EntityType, Long>> into) {
    if (type == null) {
      return;
    }
    for (String column : columns) {
      if (!column.isEmpty()) {
        into.computeIfAbsent(column, c -> new TreeMap<>()).merge(type, 1L, Long::sum);
      }
    }
    for (String jsonPath : jsonPaths) {
      String path = leafPath(jsonPath);
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
