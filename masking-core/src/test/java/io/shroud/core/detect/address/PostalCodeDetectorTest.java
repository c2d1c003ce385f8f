package io.shroud.core.detect.address;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.Finding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostalCodeDetectorTest {
  private static List<String> found(String text) {
    List<Finding> out = new ArrayList<>();
    new PostalCodeDetector().detect(text, DetectionContext.NONE, out);
    return out.stream().filter(f -> f.score() >= 0.5).map(f -> text.substring(f.start(), f.end())).toList();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "100 Main St, Springfield, IL 62704|62704",
      "Austin TX 78701-1234|78701-1234",
      "ZIP: 3520|3520",
      "postal code 394 13|394 13",
      "kod pocztowy (postal code): 53-320|53-320",
      "código postal / postal code 3610-114|3610-114",
      "postcode 1012 AB Amsterdam|1012 AB",
      "CEP (zip code) 01304-001|01304-001",
      "my zip code is 101|101"})
  void findsCodesWithContextOrAfterAState(String text, String code) {
    assertThat(found(text)).containsExactly(code);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Order 62704 shipped", "In 2024 we grew", "call 555 12", "item 12-345", "TX 787",
      "version 1234 AB", "SKIP 62704"})
  void ignoresNumbersWithoutContext(String text) {
    assertThat(found(text)).isEmpty();
  }
}
