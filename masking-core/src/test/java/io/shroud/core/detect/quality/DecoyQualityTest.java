package io.shroud.core.detect.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.scan.TextScanner;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Shroud's own labelled corpus (DecoyCorpus): structured PII must be found (a finding of the
 * expected type overlapping the value), decoys must not be masked (no finding of any type
 * overlapping the value). Free-text samples use no context; cells use their column name.
 */
class DecoyQualityTest {
  static final int SAMPLES = 20_000;
  /** Targets: at most 1% masked decoys, at most 0.1% missed PII. Measured values are in the docs. */
  static final double MAX_MASKED_DECOYS = 0.01;
  static final double MAX_MISSED_PII = 0.001;

  @Test
  void decoysStayUnmaskedAndStructuredPiiIsFound() {
    TextScanner scanner = TextScanner.standard(DetectionSettings.DEFAULTS);
    List<DecoyCorpus.Sample> samples = new DecoyCorpus(20240615L).generate(SAMPLES);
    Map<String, int[]> byKind = new TreeMap<>();
    int decoys = 0;
    int masked = 0;
    int pii = 0;
    int missed = 0;
    for (DecoyCorpus.Sample s : samples) {
      DetectionContext context = s.column() == null ? DetectionContext.NONE : DetectionContext.forColumn(s.column());
      List<Finding> findings = scanner.scan(s.text(), context);
      int[] counts = byKind.computeIfAbsent((s.isDecoy() ? "decoy " : "pii ") + s.kind(), k -> new int[2]);
      counts[1]++;
      if (s.isDecoy()) {
        decoys++;
        boolean hit = findings.stream().anyMatch(f -> f.start() < s.end() && s.start() < f.end());
        if (hit) {
          masked++;
          counts[0]++;
          System.out.println("masked decoy (" + s.kind() + "): " + s.text() + " -> " + findings);
        }
      } else {
        pii++;
        boolean found = findings.stream().anyMatch(f -> f.type().equals(s.expected()) && f.start() < s.end() && s.start() < f.end());
        if (!found) {
          missed++;
          counts[0]++;
          System.out.println("missed " + s.expected() + ": " + s.text() + " -> " + findings);
        }
      }
    }
    double maskedRate = (double) masked / decoys;
    double missedRate = (double) missed / pii;
    StringBuilder report = new StringBuilder("Decoy corpus (kind: wrong/total)\n");
    byKind.forEach((kind, c) -> report.append(String.format("  %-22s %4d/%4d%n", kind, c[0], c[1])));
    report.append(String.format("  masked decoys %d/%d = %.4f%%, missed PII %d/%d = %.4f%%%n",
        masked, decoys, maskedRate * 100, missed, pii, missedRate * 100));
    System.out.print(report);
    assertThat(maskedRate).isLessThanOrEqualTo(MAX_MASKED_DECOYS);
    assertThat(missedRate).isLessThanOrEqualTo(MAX_MISSED_PII);
  }
}
