package io.shroud.core.plan;

import io.shroud.core.detect.EntityType;
import java.io.Serializable;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an outside scanner (Amazon Macie) reported per column or nested path: occurrences per entity
 * type. The planner merges them with Shroud's own profile so a column either one flags is masked.
 *
 * @param source who reported them, for reasons and the audit (e.g. "Amazon Macie")
 * @param byColumn occurrences per entity type, per column name or leaf path
 */
public record ColumnHints(String source, Map<String, Map<EntityType, Long>> byColumn) implements Serializable {
  public static final ColumnHints NONE = new ColumnHints("none", Map.of());

  public ColumnHints {
    Map<String, Map<EntityType, Long>> copy = new TreeMap<>();
    byColumn.forEach((column, types) -> copy.put(column, Map.copyOf(types)));
    byColumn = Collections.unmodifiableMap(copy);
  }

  /** The type reported most often for {@code column}, or null. */
  EntityType strongest(String column) {
    Map<EntityType, Long> types = byColumn.get(column);
    if (types == null || types.isEmpty()) {
      return null;
    }
    return types.entrySet().stream().max(Map.Entry.<EntityType, Long>comparingByValue()
        .thenComparing(e -> e.getKey().name(), Comparator.reverseOrder())).orElseThrow().getKey();
  }

  String describe(String column) {
    Map<EntityType, Long> types = byColumn.get(column);
    StringBuilder text = new StringBuilder();
    new TreeMap<>(types).forEach((type, n) -> text.append(text.length() == 0 ? "" : ", ").append(type).append(" (")
        .append(n).append(n == 1 ? " occurrence)" : " occurrences)"));
    return text.toString();
  }
}
