package io.shroud.core.detect.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.NerSettings;
import io.shroud.core.detect.scan.TextScanner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Span-level precision and recall on presidio-research's synthetic dataset, default settings, no
 * column context. A finding matches a labelled span when the types correspond and the character
 * ranges overlap. Recall: labelled spans matched by at least one finding. Precision: findings that
 * overlap at least one labelled span of the corresponding type.
 */
class SynthDatasetQualityTest {
  /** Presidio label → Shroud type, for the pattern types measured with floors. */
  static final Map<String, EntityType> MEASURED = new LinkedHashMap<>();

  static {
    MEASURED.put("CREDIT_CARD", EntityType.CREDIT_CARD);
    MEASURED.put("PHONE_NUMBER", EntityType.PHONE);
    MEASURED.put("EMAIL_ADDRESS", EntityType.EMAIL);
    MEASURED.put("IBAN_CODE", EntityType.IBAN);
    MEASURED.put("US_SSN", EntityType.US_SSN);
    MEASURED.put("IP_ADDRESS", EntityType.IP_ADDRESS);
    MEASURED.put("DOMAIN_NAME", EntityType.URL);
  }

  /** Types reported for information only (no floor): free-form or context-dependent in this data. */
  static final Map<String, EntityType> INFORMATIONAL = Map.of(
      "STREET_ADDRESS", EntityType.ADDRESS,
      "ZIP_CODE", EntityType.POSTAL_CODE,
      "US_DRIVER_LICENSE", EntityType.US_DRIVER_LICENSE);

  /** Floors just under the measured values (docs/detection-quality.md): precision, recall. */
  static final Map<String, double[]> FLOORS = Map.of(
      "CREDIT_CARD", new double[] {0.99, 0.99},     // measured 136/136, 136/136
      "PHONE_NUMBER", new double[] {0.98, 0.98},    // measured 91/91, 91/92
      "EMAIL_ADDRESS", new double[] {0.99, 0.99},   // measured 49/49, 49/49
      "IBAN_CODE", new double[] {0.99, 0.99},       // measured 21/21, 21/21
      "US_SSN", new double[] {0.99, 0.99},          // measured 16/16, 16/16
      "IP_ADDRESS", new double[] {0.99, 0.99},      // measured 14/14, 14/14
      "DOMAIN_NAME", new double[] {0.99, 0.99});    // measured 37/37, 37/37

  record Score(int gold, int goldMatched, int predicted, int predictedMatched) {
    double recall() {
      return gold == 0 ? 1.0 : (double) goldMatched / gold;
    }

    double precision() {
      return predicted == 0 ? 1.0 : (double) predictedMatched / predicted;
    }
  }

  static List<SynthDataset.Sentence> sentences;
  static Map<SynthDataset.Sentence, List<Finding>> findings = new LinkedHashMap<>();

  @BeforeAll
  static void scanAll() {
    sentences = SynthDataset.load();
    // Pattern types in isolation; NER (people, places, organizations) is measured by ner.NerQualityTest.
    TextScanner scanner = TextScanner.standard(
        DetectionSettings.DEFAULTS.withNer(NerSettings.DISABLED));
    for (SynthDataset.Sentence s : sentences) {
      findings.put(s, scanner.scan(s.text(), DetectionContext.NONE));
    }
  }

  static Score score(String label, EntityType type) {
    int gold = 0;
    int goldMatched = 0;
    int predicted = 0;
    int predictedMatched = 0;
    for (SynthDataset.Sentence s : sentences) {
      List<Finding> found = findings.get(s).stream().filter(f -> f.type().equals(type)).toList();
      List<SynthDataset.Span> labelled = s.spans().stream().filter(sp -> sp.type().equals(label)).toList();
      gold += labelled.size();
      for (SynthDataset.Span span : labelled) {
        if (found.stream().anyMatch(f -> span.overlaps(f.start(), f.end()))) {
          goldMatched++;
        }
      }
      predicted += found.size();
      for (Finding f : found) {
        if (labelled.stream().anyMatch(span -> span.overlaps(f.start(), f.end()))) {
          predictedMatched++;
        } else {
          System.out.printf("FP %s: %s%n", type, s.text().substring(f.start(), f.end()).replace('\n', ' '));
        }
      }
      for (SynthDataset.Span span : labelled) {
        if (found.stream().noneMatch(f -> span.overlaps(f.start(), f.end()))) {
          System.out.printf("FN %s: %s%n", label, s.text().substring(span.start(), span.end()).replace('\n', ' '));
        }
      }
    }
    return new Score(gold, goldMatched, predicted, predictedMatched);
  }

  @Test
  void patternTypesMeetTheirFloors() {
    StringBuilder report = new StringBuilder("Synth dataset, span overlap (label: P, R, gold, predicted)\n");
    Map<String, Score> scores = new LinkedHashMap<>();
    MEASURED.forEach((label, type) -> scores.put(label, score(label, type)));
    scores.forEach((label, s) -> report.append(String.format("  %-14s P %.3f  R %.3f  gold %3d  predicted %3d%n",
        label, s.precision(), s.recall(), s.gold(), s.predicted())));
    INFORMATIONAL.forEach((label, type) -> {
      Score s = score(label, type);
      report.append(String.format("  (info) %-17s P %.3f  R %.3f  gold %3d  predicted %3d%n",
          label, s.precision(), s.recall(), s.gold(), s.predicted()));
    });
    System.out.print(report);
    scores.forEach((label, s) -> {
      assertThat(s.precision()).as(label + " precision").isGreaterThanOrEqualTo(FLOORS.get(label)[0]);
      assertThat(s.recall()).as(label + " recall").isGreaterThanOrEqualTo(FLOORS.get(label)[1]);
    });
  }

  @Test
  void birthDatesAreOnlyReportedOnLabelledDates() {
    // The dataset labels DATE_TIME (years, weekdays, timestamps), not birth dates, so only precision
    // is meaningful: every DATE_OF_BIRTH finding must fall on a labelled DATE_TIME span.
    Score s = score("DATE_TIME", EntityType.DATE_OF_BIRTH);
    System.out.printf("  DATE_OF_BIRTH vs DATE_TIME: precision %.3f, findings %d, DATE_TIME spans %d%n",
        s.precision(), s.predicted(), s.gold());
    assertThat(s.precision()).isGreaterThanOrEqualTo(0.99); // measured 17/17
    assertThat(s.predicted()).isGreaterThanOrEqualTo(10);
  }
}
