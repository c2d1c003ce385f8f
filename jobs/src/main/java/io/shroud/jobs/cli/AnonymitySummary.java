package io.shroud.jobs.cli;

import io.shroud.core.audit.AnonymityAudit;
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

  static List<String> lines(AnonymityAudit anonymity) {
    List<String> lines = new ArrayList<>();
    if (anonymity == null || anonymity.transformation() == null) {
      return lines;
    }
    AnonymityAudit.Recheck recheck = anonymity.recheck();
    // What the written data measures when it was re-checked, else what the search expected.
    long smallestClass = recheck != null ? recheck.smallestClass() : number(anonymity.smallestClass());
    long classes = recheck != null ? recheck.classes() : number(anonymity.classes());
    int l = anonymity.l();
    long records = anonymity.records();
    long suppressed = number(anonymity.suppressedRecords());
    lines.add(String.format(Locale.ROOT, "Anonymity: k=%s%s reached%s (smallest class %,d records, %,d classes); "
            + "%,d of %,d records suppressed%s", anonymity.k(), l > 1 ? ", l=" + l : "",
        recheck != null ? " and re-checked on the written data" : "", smallestClass, classes, suppressed, records,
        suppressed == 0 ? "" : " (" + anonymity.suppressedHandling() + ")"));
    Map<String, String> meaning = anonymity.levels() == null ? Map.of() : anonymity.levels();
    Map<String, Long> changed = anonymity.cellsChanged() == null ? Map.of() : anonymity.cellsChanged();
    for (String qi : anonymity.transformation().keySet()) {
      lines.add(String.format(Locale.ROOT, "  %s: %s (%,d cells changed)", qi, meaning.get(qi), number(changed.get(qi))));
    }
    return lines;
  }

  private static long number(Number value) {
    return value == null ? 0 : value.longValue();
  }
}
