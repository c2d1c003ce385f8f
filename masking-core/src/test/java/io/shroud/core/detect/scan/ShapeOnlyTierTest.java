package io.shroud.core.detect.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.NerSettings;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.address.PostalCodeDetector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Shape-only candidates (score {@link RegexDetector#SHAPE_ONLY_SCORE}): what a context-required
 * detector, and the SSN/ITIN/phone detectors, see without any context. Reported only by a scanner
 * whose threshold admits them; the default scan never sees them.
 */
class ShapeOnlyTierTest {
  /** The pattern catalogue alone: NER (a separate tier, tested on its own) is off. */
  private static final DetectionSettings PATTERNS =
      DetectionSettings.DEFAULTS.withNer(NerSettings.DISABLED);
  private static final TextScanner DEFAULT = TextScanner.standard(PATTERNS);
  private static final TextScanner EVERYTHING = new TextScanner(DetectorCatalog.standard(PATTERNS), 0.0);

  private static List<String> found(TextScanner scanner, String text) {
    return scanner.scan(text, DetectionContext.NONE).stream()
        .map(f -> f.type() + ":" + text.substring(f.start(), f.end()) + "@" + f.score()).toList();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ship to M1 1AA today|POSTAL_CODE:M1 1AA@0.1",
      "the Girobank code GIR 0AA|POSTAL_CODE:GIR 0AA@0.1",
      "document A12803456 attached|US_PASSPORT:A12803456@0.1",
      "SSN written 078-051121 oddly|US_SSN:078-051121@0.1",
      "ITIN written 91170-1234 oddly|US_ITIN:91170-1234@0.1",
  })
  void shapeOnlyCandidatesAreReportedOnlyBelowTheirScore(String text, String expected) {
    EntityType type = new EntityType(expected.substring(0, expected.indexOf(':')));
    assertThat(found(detectorsOf(type, 0.0), text)).containsExactly(expected);
    assertThat(found(detectorsOf(type, 0.11), text)).isEmpty();
    assertThat(found(DEFAULT, text)).isEmpty();
  }

  /** A national number written after its trunk prefix is a phone at the default threshold, from any region. */
  @Test
  void aTrunkPrefixedNationalNumberIsAPhoneNotAShapeOnlyCandidate() {
    String text = "My Israeli number is 09-7625400";
    assertThat(found(DEFAULT, text)).containsExactly("PHONE:09-7625400@0.6");
  }

  /** The detectors of one type alone, so overlapping weak candidates of other types do not compete. */
  private static TextScanner detectorsOf(EntityType type, double threshold) {
    return new TextScanner(DetectorCatalog.standard(PATTERNS).stream()
        .filter(d -> d.entityType().equals(type)).toList(), threshold);
  }

  @Test
  void contextStillLiftsACandidateAboveTheDefaultThreshold() {
    assertThat(found(DEFAULT, "postcode M1 1AA")).containsExactly("POSTAL_CODE:M1 1AA@0.55");
    assertThat(found(EVERYTHING, "postcode M1 1AA")).containsExactly("POSTAL_CODE:M1 1AA@0.55");
  }

  @Test
  void invalidShapesAreNotCandidatesEvenAtThresholdZero() {
    assertThat(found(EVERYTHING, "postcode QA1 1AA")).isEmpty(); // Q never starts an area
    assertThat(found(detectorsOf(EntityType.US_SSN, 0.0), "written 666-051121 oddly")).isEmpty(); // area 666
  }

  @Test
  void aDetectorUsedOnItsOwnAssumesTheDefaultThreshold() {
    List<Finding> out = new ArrayList<>();
    new PostalCodeDetector().detect("ship to M1 1AA today", DetectionContext.NONE, out);
    assertThat(out).isEmpty();
    PostalCodeDetector told = new PostalCodeDetector();
    told.reportingThreshold(0.1);
    told.detect("ship to M1 1AA today", DetectionContext.NONE, out);
    assertThat(out).extracting(Finding::score).containsExactly(RegexDetector.SHAPE_ONLY_SCORE);
  }

  /** Without context words the context-required patterns run on everything: they must stay linear. */
  @ParameterizedTest
  @ValueSource(strings = {"1", "1-", "1 ", "1.", "1A", "A1 ", "(1) ", "1/", "123-456789 ", "12345-", "91170-"})
  @Timeout(60)
  void adversarialMegabyteInputsFinishAtThresholdZero(String unit) {
    String text = unit.repeat((1 << 20) / unit.length());
    assertThat(EVERYTHING.scan(text, DetectionContext.NONE)).isNotNull();
  }
}
