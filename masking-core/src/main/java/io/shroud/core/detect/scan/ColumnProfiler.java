package io.shroud.core.detect.scan;

import io.shroud.core.detect.ColumnProfile;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.ner.NerDetector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Classifies a column from a sample of its values: when at least {@code threshold} of the non-empty
 * values are each wholly one entity type, the column is that type and every value in it is masked,
 * including values the detectors would miss (a malformed e-mail in an e-mail column is still an
 * e-mail). Columns that are not classified are scanned cell by cell.
 *
 * <p>A column whose name denotes people's names (name, full_name, surname, customer_name, ...) and
 * whose values are shaped like names is classified {@link EntityType#PERSON}, unless a detected type
 * already classified it. Names, places and organizations found by NER in free text are reported as
 * findings (the cells are then masked span by span) but never classify a whole column: a short value
 * gives the model too little context to mask every value of a column on its strength.
 */
public final class ColumnProfiler {
  private final TextScanner scanner;
  private final double threshold;

  public ColumnProfiler(TextScanner scanner, double threshold) {
    this.scanner = scanner;
    this.threshold = threshold;
  }

  public ColumnProfile profile(String column, List<String> sample) {
    DetectionContext context = DetectionContext.forColumn(column);
    // A sample repeats its categories and templated texts: each distinct value is scanned once.
    ScanMemo memo = new ScanMemo(scanner);
    Map<EntityType, Integer> findings = new HashMap<>();
    Map<EntityType, Integer> whole = new HashMap<>();
    int nonEmpty = 0;
    int withFindings = 0;
    boolean nameColumn = PersonNameColumns.isNameColumn(column);
    int nameShaped = 0;
    for (String value : sample) {
      if (value == null || value.isBlank()) {
        continue;
      }
      nonEmpty++;
      if (nameColumn && PersonNameColumns.looksLikeName(value)) {
        nameShaped++;
      }
      List<Finding> found = memo.scan(value, context);
      if (found.isEmpty()) {
        continue;
      }
      withFindings++;
      for (Finding f : found) {
        findings.merge(f.type(), 1, Integer::sum);
      }
      if (found.size() == 1 && coversWhole(found.get(0), value)
          && !found.get(0).detectorId().equals(NerDetector.ID)) {
        whole.merge(found.get(0).type(), 1, Integer::sum);
      }
    }
    Optional<EntityType> classification = Optional.empty();
    double confidence = 0.0;
    if (nonEmpty > 0) {
      for (Map.Entry<EntityType, Integer> e : whole.entrySet()) {
        double share = (double) e.getValue() / nonEmpty;
        if (share >= threshold && share > confidence) {
          classification = Optional.of(e.getKey());
          confidence = share;
        }
      }
    }
    if (classification.isEmpty() && nameColumn && nonEmpty > 0) {
      double share = (double) nameShaped / nonEmpty;
      if (share >= threshold) {
        classification = Optional.of(EntityType.PERSON);
        confidence = share;
        whole.put(EntityType.PERSON, nameShaped);
        // NER may miss or split a few names: the column-level count is what the column holds.
        findings.merge(EntityType.PERSON, nameShaped, Math::max);
        withFindings = Math.max(withFindings, nameShaped);
      }
    }
    return new ColumnProfile(column, sample.size(), nonEmpty, withFindings, findings, whole,
        classification, confidence);
  }

  private static boolean coversWhole(Finding finding, String value) {
    int first = 0;
    while (first < value.length() && Character.isWhitespace(value.charAt(first))) {
      first++;
    }
    int last = value.length();
    while (last > first && Character.isWhitespace(value.charAt(last - 1))) {
      last--;
    }
    return finding.start() <= first && finding.end() >= last;
  }
}
