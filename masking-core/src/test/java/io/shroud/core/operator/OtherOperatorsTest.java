package io.shroud.core.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.EntityType;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OtherOperatorsTest {
  private final Operators ops = OperatorsTest.operators();

  @Test
  void pseudonymsAreStablePerKeyAndUnlinkableAcrossKeys() {
    MaskingOperator p1 = ops.create(new PseudonymizeSpec("k1", null, 8));
    MaskingOperator p2 = ops.create(new PseudonymizeSpec("k2", null, 8));
    assertThat(p1.apply("Maria Lopez", EntityType.of("PERSON"))).matches("PERSON_[0-9a-f]{8}")
        .isEqualTo(ops.create(new PseudonymizeSpec("k1", null, 8)).apply("Maria Lopez", EntityType.of("PERSON")))
        .isNotEqualTo(p2.apply("Maria Lopez", EntityType.of("PERSON")));
    assertThat(ops.create(new PseudonymizeSpec("k1", "CUST", 6)).apply("C1", null)).matches("CUST_[0-9a-f]{6}");
    assertThat(p1.apply("x", null)).startsWith("ID_");
  }

  @Test
  void substitutesAreRealisticAndDeterministicPerKey() {
    MaskingOperator s1 = ops.create(new SubstituteSpec("k1", null, "en-US"));
    MaskingOperator s1again = ops.create(new SubstituteSpec("k1", null, "en-US"));
    MaskingOperator s2 = ops.create(new SubstituteSpec("k2", null, "en-US"));
    String name = s1.apply("Maria Lopez", EntityType.of("PERSON"));
    assertThat(name).matches("\\S+( \\S+)+").isNotEqualTo("Maria Lopez");
    assertThat(s1again.apply("Maria Lopez", EntityType.of("PERSON"))).isEqualTo(name);
    assertThat(s2.apply("Maria Lopez", EntityType.of("PERSON"))).isNotEqualTo(name);
    assertThat(s1.apply("a@example.com", EntityType.EMAIL)).contains("@");
    assertThat(s1.apply("AB-1234-x", EntityType.of("ORDER_ID"))).matches("[A-Z]{2}-\\d{4}-[a-z]");
    assertThat(ops.create(new SubstituteSpec("k1", "CITY", "de-DE")).apply("Berlin", null)).isNotBlank();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "width|32|30-39", "width|40|40-49", "width|-3|-10--1", "width|32.5|[30, 40)", "width|30.00|[30, 40)", "width|abc|*",
      "date|2024-05-17|2024-Q2", "prefix|94107|941**", "prefix|SW1A 1AA|SW1* ***",
  })
  void generalizes(String kind, String value, String expected) {
    GeneralizeSpec spec = switch (kind) {
      case "width" -> GeneralizeSpec.range(10);
      case "date" -> GeneralizeSpec.date("quarter");
      default -> GeneralizeSpec.prefix(3);
    };
    assertThat(ops.create(spec).apply(value, null)).isEqualTo(expected);
  }

  @Test
  void generalizesWithBinsDatesAndHierarchies() {
    MaskingOperator bins = ops.create(GeneralizeSpec.bins(List.of(0.0, 18.0, 30.0, 65.0)));
    assertThat(List.of("-1", "0", "17", "18", "64", "65", "99").stream().map(v -> bins.apply(v, null)).toList())
        .containsExactly("<0", "0-17", "0-17", "18-29", "30-64", "65+", "65+");
    assertThat(ops.create(GeneralizeSpec.date("year")).apply("2024-05-17T10:00:00", null)).isEqualTo("2024");
    assertThat(ops.create(GeneralizeSpec.date("month")).apply("2024-05-17", null)).isEqualTo("2024-05");
    MaskingOperator h = ops.create(GeneralizeSpec.hierarchy("h.csv", 1, Map.of("Bachelors", "Undergraduate")));
    assertThat(h.apply("Bachelors", null)).isEqualTo("Undergraduate");
    assertThat(h.apply("Unknown", null)).isEqualTo("*");
  }

  @Test
  void generalizedDatesAreWrittenInAsciiDigitsWhateverTheJvmLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("ar-SA")); // its digits are ٠١٢…
      assertThat(ops.create(GeneralizeSpec.date("month")).apply("2024-05-17", null)).isEqualTo("2024-05");
      assertThat(ops.create(GeneralizeSpec.date("month")).apply("2024-11-02", null)).isEqualTo("2024-11");
      assertThat(ops.create(GeneralizeSpec.date("quarter")).apply("2024-11-02", null)).isEqualTo("2024-Q4");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void noiseKeepsScaleAndIsCentred() {
    NoisePerturber laplace = new NoisePerturber(new PerturbSpec(PerturbSpec.Kind.LAPLACE, 1.0, 1.0, 0, null, null, 0),
        new Random(3));
    double sum = 0;
    int changed = 0;
    for (int i = 0; i < 20_000; i++) {
      String noisy = laplace.apply("100", null);
      assertThat(noisy).matches("-?\\d+");
      sum += Double.parseDouble(noisy) - 100;
      if (!noisy.equals("100")) {
        changed++;
      }
    }
    assertThat(sum / 20_000).isBetween(-0.1, 0.1);
    assertThat(changed).isGreaterThan(10_000);
    NoisePerturber uniform = new NoisePerturber(new PerturbSpec(PerturbSpec.Kind.UNIFORM, 0, 0, 5, null, null, 0),
        new Random(4));
    for (int i = 0; i < 1_000; i++) {
      assertThat(Double.parseDouble(uniform.apply("12.50", null))).isBetween(7.5, 17.5);
      assertThat(uniform.apply("12.50", null)).matches("-?\\d+\\.\\d{2}");
    }
    assertThat(uniform.apply("n/a", null)).isNull();
  }

  @Test
  void dateShiftIsConsistentPerSubjectSoIntervalsSurvive() {
    DateShifter shifter = (DateShifter) ops.create(
        new PerturbSpec(PerturbSpec.Kind.DATE_SHIFT, 0, 0, 0, "k1", "patient_id", 30));
    String admit = shifter.shift("2024-01-10", "P-1");
    String discharge = shifter.shift("2024-01-17", "P-1");
    assertThat(ChronoUnit.DAYS.between(LocalDate.parse(admit), LocalDate.parse(discharge))).isEqualTo(7);
    assertThat(Math.abs(ChronoUnit.DAYS.between(LocalDate.parse("2024-01-10"), LocalDate.parse(admit)))).isLessThanOrEqualTo(30);
    assertThat(shifter.shift("2024-01-10 08:30:00", "P-1")).startsWith(admit).endsWith("08:30");
    long distinctShifts = IntStream.range(0, 200)
        .mapToObj(i -> shifter.shift("2024-01-10", "P-" + i)).distinct().count();
    assertThat(distinctShifts).isGreaterThan(40);
    assertThat(shifter.shift("2024-01-10", null)).isNull();
    assertThat(shifter.shift("not a date", "P-1")).isNull();
  }

  @Test
  void removeAndSuppress() {
    assertThat(ops.create(new RemoveSpec()).apply("a@b.co", EntityType.EMAIL)).isEmpty();
    assertThat(ops.create(new SuppressSpec()).apply("a@b.co", EntityType.EMAIL)).isNull();
  }
}
