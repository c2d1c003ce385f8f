package io.shroud.core.detect.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.ColumnProfile;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.EntityType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnProfilerTest {
  private final ColumnProfiler profiler = new ColumnProfiler(TextScanner.standard(DetectionSettings.DEFAULTS), 0.6);

  @Test
  void classifiesAColumnWhoseValuesAreWhollyOneType() {
    List<String> values = new ArrayList<>(Arrays.asList("a@example.com", "b@example.org", " c@example.net ", null, "", "not-an-email"));
    ColumnProfile profile = profiler.profile("contact", values);
    assertThat(profile.classification()).contains(EntityType.EMAIL);
    assertThat(profile.nonEmpty()).isEqualTo(4);
    assertThat(profile.confidence()).isEqualTo(0.75);
    assertThat(profile.sampled()).isEqualTo(6);
  }

  @Test
  void freeTextWithEmbeddedPiiIsNotClassified() {
    ColumnProfile profile = profiler.profile("notes", List.of("mail me at a@example.com please", "nothing here", "ok"));
    assertThat(profile.classification()).isEmpty();
    assertThat(profile.findings()).containsEntry(EntityType.EMAIL, 1);
    assertThat(profile.valuesWithFindings()).isEqualTo(1);
  }

  @Test
  void mixedContactColumnIsScannedCellByCell() {
    ColumnProfile profile = profiler.profile("contact", List.of("a@example.com", "+1 212-555-0147", "b@example.com", "(415) 555-2671"));
    assertThat(profile.classification()).isEmpty();
    assertThat(profile.wholeValueMatches()).containsEntry(EntityType.EMAIL, 2).containsEntry(EntityType.PHONE, 2);
  }

  @Test
  void columnNameHelpsUndelimitedValues() {
    List<String> ssns = List.of("536904399", "219099998", "078051121");
    assertThat(profiler.profile("ssn", ssns).classification()).contains(EntityType.US_SSN);
    assertThat(profiler.profile("reference", ssns).classification()).isEmpty();
  }

  @Test
  void personNameColumnsAreClassifiedFromNameAndShape() {
    List<String> names = List.of("Sofia Wei", "Liam O'Brien", "Jean-Luc Picard", "María de la Cruz", "Noah");
    for (String column : List.of("full_name", "FirstName", "surname", "customer_name", "contact_name", "name")) {
      assertThat(profiler.profile(column, names).classification()).as(column).contains(EntityType.PERSON);
    }
    assertThat(profiler.profile("product_name", names).classification()).isEmpty();
    assertThat(profiler.profile("username", names).classification()).isEmpty();
    assertThat(profiler.profile("full_name", List.of("Widget 3000", "ACME corp ltd", "x", "Sofia Wei")).classification())
        .isEmpty();
  }

  @Test
  void namesInFreeTextAreFoundButDoNotClassifyTheColumn() {
    ColumnProfile profile = profiler.profile("notes", List.of("Sofia Wei called", "Liam O'Brien paid"));
    assertThat(profile.findings()).containsEntry(EntityType.PERSON, 2);
    assertThat(profile.classification()).isEmpty();
    ColumnProfile names = profiler.profile("product_name", List.of("Sofia Wei", "Liam O'Brien", "Noah Smith"));
    assertThat(names.classification()).isEmpty();
  }
}
