package io.shroud.core.utility;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A category column's values before and after: total variation distance, top-k overlap, and the
 * top values, each named only when at least k sampled output rows hold it (so a value that masking
 * removed, or a rare one, is counted but never named).
 */
final class TopValues {
  private TopValues() {}

  static ColumnUtility.CategoryUtility of(SideAccumulator before, SideAccumulator after, int k, int top) {
    Map<String, Long> b = before == null ? Map.of() : before.counts;
    Map<String, Long> a = after == null ? Map.of() : after.counts;
    if (b == null || a == null) {
      return null; // too many distinct values to compare one by one
    }
    long totalB = b.values().stream().mapToLong(Long::longValue).sum();
    long totalA = a.values().stream().mapToLong(Long::longValue).sum();
    Double tvd = null;
    if (totalB > 0 && totalA > 0) {
      Set<String> all = new HashSet<>(b.keySet());
      all.addAll(a.keySet());
      double sum = 0;
      for (String v : all) {
        sum += Math.abs((double) b.getOrDefault(v, 0L) / totalB - (double) a.getOrDefault(v, 0L) / totalA);
      }
      tvd = Disclosure.share(sum / 2);
    }
    List<String> topB = top(b, top);
    List<String> topA = top(a, top);
    Double overlap = topB.isEmpty() || after == null ? null
        : Disclosure.share((double) topB.stream().filter(new HashSet<>(topA)::contains).count() / topB.size());
    Set<String> candidates = new LinkedHashSet<>(topB);
    candidates.addAll(topA);
    List<ColumnUtility.CategoryCount> shown = new ArrayList<>();
    for (String v : candidates) {
      if (a.getOrDefault(v, 0L) >= k) {
        shown.add(new ColumnUtility.CategoryCount(v, b.getOrDefault(v, 0L), a.get(v)));
      }
    }
    shown.sort(UtilityFinisher.BY_COUNT);
    Set<String> named = new HashSet<>();
    shown.forEach(c -> named.add(c.value()));
    int hiddenBefore = (int) topB.stream().filter(v -> !named.contains(v)).count();
    int hiddenAfter = (int) topA.stream().filter(v -> !named.contains(v)).count();
    return new ColumnUtility.CategoryUtility(top, overlap, tvd, shown, hiddenBefore, hiddenAfter);
  }

  private static List<String> top(Map<String, Long> counts, int top) {
    return counts.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, Long> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
        .limit(top).map(Map.Entry::getKey).toList();
  }
}
