package io.shroud.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console lines of a k-anonymity run: the k (and l) the written data reaches, the suppressed
 * records, and the transformation with each quasi-identifier's level in words. Counts only.
 */
final class AnonymitySummary {
  private AnonymitySummary() {}

  @SuppressWarnings("unchecked")
  static List<String> lines(Map<String, Object> anonymity) {
    List<String> lines = new ArrayList<>();
    if (anonymity == null || !(anonymity.get("transformation") instanceof Map<?, ?> transformation)) {
      return lines;
    }
    Map<String, Object> measured = anonymity.get("recheck") instanceof Map<?, ?> recheck
        ? (Map<String, Object>) recheck : anonymity;
    int l = ((Number) anonymity.getOrDefault("l", 1)).intValue();
    long records = number(anonymity.get("records"));
    long suppressed = number(anonymity.get("suppressedRecords"));
    lines.add(String.format(Locale.ROOT, "Anonymity: k=%s%s reached%s (smallest class %,d records, %,d classes); "
            + "%,d of %,d records suppressed%s", anonymity.get("k"), l > 1 ? ", l=" + l : "",
        anonymity.containsKey("recheck") ? " and re-checked on the written data" : "", number(measured.get("smallestClass")),
        number(measured.get("classes")), suppressed, records,
        suppressed == 0 ? "" : " (" + anonymity.get("suppressedHandling") + ")"));
    Map<String, Object> meaning = (Map<String, Object>) anonymity.getOrDefault("levels", Map.of());
    Map<String, Object> changed = (Map<String, Object>) anonymity.getOrDefault("cellsChanged", Map.of());
    for (Object qi : transformation.keySet()) {
      lines.add(String.format(Locale.ROOT, "  %s: %s (%,d cells changed)", qi, meaning.get(qi), number(changed.get(qi))));
    }
    return lines;
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }
}
