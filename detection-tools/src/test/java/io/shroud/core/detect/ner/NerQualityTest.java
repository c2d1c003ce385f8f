package io.shroud.core.detect.ner;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.NerSettings;
import io.shroud.core.detect.ner.train.NameLists;
import io.shroud.core.detect.ner.train.NerEvaluation;
import io.shroud.core.detect.ner.train.SpanScore;
import io.shroud.core.detect.scan.TextScanner;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Regression floors for the shipped NER model, a little under the numbers measured by
 * {@code scripts/eval-ner} (docs/detection-quality.md). Uses the shipped model; never trains one.
 */
class NerQualityTest {
  static List<NerEvaluation.Labelled> synth;
  static NerDetector detector = new NerDetector(NerSettings.DEFAULTS.threshold());

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = NerQualityTest.class.getResourceAsStream("/conformance/presidio/synth_dataset_v2.json")) {
      synth = NerEvaluation.loadSynth(in);
    }
  }

  @Test
  void synthDatasetPeopleAndPlaces() {
    Map<EntityType, SpanScore> scores = NerEvaluation.score(synth, NerEvaluation.ner(detector),
        Map.of("PERSON", EntityType.PERSON, "GPE", EntityType.LOCATION, "LOCATION", EntityType.LOCATION,
            "ORGANIZATION", EntityType.ORGANIZATION));
    System.out.println("NER on synth_dataset_v2: " + scores);
    assertFloor(scores.get(EntityType.PERSON), FLOORS_SYNTH_PERSON);
    assertFloor(scores.get(EntityType.LOCATION), FLOORS_SYNTH_LOCATION);
    assertFloor(scores.get(EntityType.ORGANIZATION), FLOORS_SYNTH_ORGANIZATION);
  }

  @Test
  void heldOutTemplatesAndNames() {
    NameLists lists = NameLists.fromDatafaker();
    List<NerEvaluation.Labelled> heldOut = NerEvaluation.heldOut(lists, 1000);
    Map<EntityType, SpanScore> scores;
    Gazetteer.hide(lists.heldOutLowerCase()); // unseen names: no dictionary may know them either
    try {
      scores = NerEvaluation.score(heldOut, NerEvaluation.ner(new NerDetector(NerSettings.DEFAULTS.threshold())),
          Map.of("PERSON", EntityType.PERSON, "LOCATION", EntityType.LOCATION, "ORGANIZATION", EntityType.ORGANIZATION));
    } finally {
      Gazetteer.hide(Set.of());
    }
    System.out.println("NER on held-out generated texts: " + scores);
    assertFloor(scores.get(EntityType.PERSON), FLOORS_HELD_OUT_PERSON);
    assertFloor(scores.get(EntityType.LOCATION), FLOORS_HELD_OUT_LOCATION);
  }

  /**
   * Chat and social-media text from held-out informal templates: people found, ordinary words left alone.
   * With the shipped dictionaries (real first names are mostly in them): PERSON recall of the whole
   * catalogue at least 0.85 (measured 0.970 on 2,000 texts) and ordinary words masked at most 3% (1.1%);
   * with the names hidden from every dictionary recall stays at least 0.80 (0.837).
   */
  @Test
  void informalTextPeopleWithoutOverMasking() {
    NameLists lists = NameLists.fromDatafaker();
    List<NerEvaluation.Labelled> informal = NerEvaluation.informalSet(lists, 1000);
    TextScanner scanner = TextScanner.standard(DetectionSettings.DEFAULTS);
    Function<String, List<Finding>> scan =
        text -> scanner.scan(text, DetectionContext.NONE);
    SpanScore people = NerEvaluation.recallByLabel(informal, scan).get("PERSON");
    double[] over = NerEvaluation.overMasking(informal, scan);
    System.out.printf("Informal text: PERSON recall %.3f, ordinary words masked %.4f%n", people.recall(), over[0] / over[1]);
    assertThat(people.recall()).isGreaterThanOrEqualTo(0.95);
    assertThat(over[0] / over[1]).isLessThanOrEqualTo(0.03);
    Gazetteer.hide(lists.heldOutLowerCase());
    try {
      TextScanner unseen = TextScanner.standard(DetectionSettings.DEFAULTS);
      assertThat(NerEvaluation.recallByLabel(informal, text -> unseen.scan(text, DetectionContext.NONE)).get("PERSON")
          .recall()).as("names no dictionary holds").isGreaterThanOrEqualTo(0.80);
    } finally {
      Gazetteer.hide(Set.of());
    }
  }

  @Test
  void overallRecallOfTheWholeCatalogue() {
    TextScanner scanner = TextScanner.standard(DetectionSettings.DEFAULTS);
    SpanScore overall = NerEvaluation.overallRecall(synth, text -> scanner.scan(text, DetectionContext.NONE));
    System.out.println("Overall PII recall on synth_dataset_v2: " + overall.recall());
    assertThat(overall.recall()).isGreaterThanOrEqualTo(OVERALL_RECALL_FLOOR);
  }

  private static void assertFloor(SpanScore score, double[] floor) {
    assertThat(score.precision()).as("precision").isGreaterThanOrEqualTo(floor[0]);
    assertThat(score.recall()).as("recall").isGreaterThanOrEqualTo(floor[1]);
  }

  // The targets are the floors where they are met: synth PERSON P 0.80 / R 0.90, LOCATION
  // P 0.70 / R 0.70, held-out PERSON R 0.90 (measured on 2,000 texts; this test uses the first 1,000).
  static final double[] FLOORS_SYNTH_PERSON = {0.80, 0.90};       // measured 0.833, 0.930
  static final double[] FLOORS_SYNTH_LOCATION = {0.85, 0.72};     // measured 0.892, 0.742
  static final double[] FLOORS_SYNTH_ORGANIZATION = {0.75, 0.25}; // measured 0.805, 0.276
  static final double[] FLOORS_HELD_OUT_PERSON = {0.89, 0.88};    // 1,000 texts: 0.917, 0.896 (2,000: 0.925, 0.904)
  static final double[] FLOORS_HELD_OUT_LOCATION = {0.93, 0.72};  // 1,000 texts: 0.963, 0.744 (2,000: 0.965, 0.765)
  static final double OVERALL_RECALL_FLOOR = 0.92;                // measured 0.936 (0.911 without unknown proper nouns; 0.815 before address blocks)
}
