package io.shroud.core.detect.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shroud.core.detect.CustomDetectorSpec;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.NerSettings;
import io.shroud.core.detect.ScanOptions;
import io.shroud.core.detect.check.Checksums;
import io.shroud.core.detect.check.RegexSafety;
import io.shroud.core.detect.check.Validation;
import io.shroud.core.detect.check.Validators;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomDetectorsAndListsTest {
  private static final EntityType EMPLOYEE_ID = EntityType.of("EMPLOYEE_ID");

  private static List<String> found(TextScanner scanner, String text) {
    return scanner.scan(text, DetectionContext.NONE).stream()
        .map(f -> f.type() + ":" + text.substring(f.start(), f.end())).toList();
  }

  @Test
  void customDetectorReportsValidatedMatchesOnly() {
    CustomDetectorSpec spec = new CustomDetectorSpec("loyalty_card", EntityType.of("LOYALTY_CARD"),
        "(?<!\\d)77\\d{8}(?!\\d)", "luhn", List.of("loyalty"), 0.4);
    TextScanner scanner = TextScanner.create(DetectionSettings.DEFAULTS,
        new ScanOptions(Set.of(), Map.of(), List.of(spec)));
    String valid = "77" + "1234567";
    valid = valid + Checksums.luhnCheckDigit(valid);
    assertThat(found(scanner, "loyalty " + valid)).containsExactly("LOYALTY_CARD:" + valid);
    assertThat(found(scanner, "number " + valid)).as("below threshold without context").isEmpty();
    String invalid = valid.substring(0, 9) + (char) ('0' + (valid.charAt(9) - '0' + 1) % 10);
    assertThat(found(scanner, "loyalty " + invalid)).isEmpty();
    assertThat(scanner.scan("loyalty " + valid, DetectionContext.NONE).get(0).detectorId()).isEqualTo("custom:loyalty_card");
  }

  @Test
  void customDetectorWithoutValidator() {
    CustomDetectorSpec spec = new CustomDetectorSpec("employee", EMPLOYEE_ID, "\\bEMP-\\d{6}\\b", null, List.of(), 0.8);
    TextScanner scanner = TextScanner.create(DetectionSettings.DEFAULTS, new ScanOptions(Set.of(), Map.of(), List.of(spec)));
    assertThat(found(scanner, "assigned to EMP-004211 yesterday")).containsExactly("EMPLOYEE_ID:EMP-004211");
  }

  @ParameterizedTest
  @ValueSource(strings = {"(a+)+b", "(\\w+\\s?)*$", "(x*y){2,}", "(?:[a-z]+,?)+", "((ab)+c)*", "(?<n>\\d+)+"})
  void catastrophicShapesAreRejected(String regex) {
    assertThatThrownBy(() -> new CustomDetectorSpec("bad", EMPLOYEE_ID, regex, null, List.of(), 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid custom detector 'bad': ")
        .hasMessageContaining("nested unbounded quantifier");
  }

  @ParameterizedTest
  @ValueSource(strings = {"(ab)+", "(a|b){1,8}", "\\d{3}-\\d{2}-\\d{4}", "(?:[A-Z]{2}\\d{2})?[a-z]+", "[(+)]+x", "\\(a+\\)+"})
  void boundedShapesAreAccepted(String regex) {
    assertThat(RegexSafety.problem(regex)).isEmpty();
  }

  @Test
  void invalidSpecsAreRejectedWithTheirName() {
    assertThatThrownBy(() -> new CustomDetectorSpec("x", EMPLOYEE_ID, "[unclosed", null, List.of(), 0.5))
        .hasMessageStartingWith("Invalid custom detector 'x': regex does not compile");
    assertThatThrownBy(() -> new CustomDetectorSpec("x", EMPLOYEE_ID, "\\d+", "crc99", List.of(), 0.5))
        .hasMessageContaining("unknown validator 'crc99'");
    assertThatThrownBy(() -> new CustomDetectorSpec("x", EMPLOYEE_ID, "\\d+", null, List.of(), 1.5))
        .hasMessageContaining("baseScore");
    assertThatThrownBy(() -> new CustomDetectorSpec("Bad Name", EMPLOYEE_ID, "\\d+", null, List.of(), 0.5))
        .hasMessageStartingWith("Invalid custom detector 'Bad Name'");
  }

  @Test
  void validatorsSayConfirmedOrRejected() {
    assertThat(Validators.named("luhn").orElseThrow().validate("4111 1111 1111 1111")).isEqualTo(Validation.CONFIRMED);
    assertThat(Validators.named("mod97").orElseThrow().validate("GB82 WEST 1234 5698 7654 32")).isEqualTo(Validation.CONFIRMED);
    assertThat(Validators.named("verhoeff").orElseThrow().validate("3123 4567 8909")).isEqualTo(Validation.CONFIRMED);
    assertThat(Validators.named("verhoeff").orElseThrow().validate("3123 4567 8908")).isEqualTo(Validation.REJECTED);
    assertThat(Validators.named("aba").orElseThrow().validate("021000021")).isEqualTo(Validation.CONFIRMED);
    assertThat(Validators.names()).contains("luhn", "mod97", "verhoeff", "aba");
  }

  @Test
  void allowListedValuesAreNeverReportedAndDenyListedAlwaysAre() {
    ScanOptions options = new ScanOptions(Set.of("support@example.com"), Map.of("Project Bluebird", EntityType.of("CODENAME")),
        List.of());
    TextScanner scanner = TextScanner.create(DetectionSettings.DEFAULTS, options);
    assertThat(found(scanner, "write to support@example.com or jane@example.com about Project Bluebird"))
        .containsExactly("EMAIL:jane@example.com", "CODENAME:Project Bluebird");
    assertThat(found(scanner, "Project Bluebirds are not the codename")).isEmpty();
  }

  /** Thousands of values (a staff list) are searched in one pass, with the same findings as a few. */
  @Test
  void aLargeDenyListFindsItsValuesAsASmallOneDoes() {
    Map<String, EntityType> staff = new java.util.HashMap<>();
    for (int i = 0; i < 5_000; i++) {
      staff.put("Staffer" + Integer.toString(i, 36).toUpperCase(java.util.Locale.ROOT), EntityType.PERSON);
    }
    staff.put("Project Bluebird", EntityType.of("CODENAME"));
    TextScanner scanner = TextScanner.create(DetectionSettings.DEFAULTS.withNer(NerSettings.DISABLED),
        new ScanOptions(Set.of(), staff, List.of()));
    assertThat(found(scanner, "StafferZZ and StafferA1 met about Project Bluebird; StafferA10x was not there"))
        .containsExactly("PERSON:StafferZZ", "PERSON:StafferA1", "CODENAME:Project Bluebird");
  }

  @Test
  void phoneNumbersOfConfiguredRegionsAreFound() {
    // The Presidio conformance cases that need regions beyond the default US.
    // Phone regions in isolation; NER ("Israeli" looks like a name to it) has its own tests.
    DetectionSettings settings = DetectionSettings.of(1000, 0.5, 0.6, List.of("US", "IL", "JP", "CN"))
        .withNer(NerSettings.DISABLED);
    TextScanner scanner = TextScanner.standard(settings);
    assertThat(found(scanner, "My Israeli number is 09-7625400")).containsExactly("PHONE:09-7625400");
    assertThat(found(scanner, "My Japanese number is 090-1234-5678")).containsExactly("PHONE:090-1234-5678");
    // Eleven bare digits are reported as a phone only with context, even in a configured region.
    assertThat(found(scanner, "My CN number is 13812345678")).isEmpty();
    assertThat(scanner.scan("13812345678", DetectionContext.forColumn("mobile"))).hasSize(1);
  }
}
