package io.shroud.core.detect.address;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.Finding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InternationalAddressDetectorTest {
  private static List<String> found(String text) {
    List<Finding> out = new ArrayList<>();
    new InternationalAddressDetector().detect(text, DetectionContext.NONE, out);
    return out.stream().map(f -> text.substring(f.start(), f.end())).toList();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Wir wohnen in der Hauptstraße 5, 10115 Berlin|Hauptstraße 5",
      "Billing address: 28245 Puruntie 82 Apt. 595 LAPPEENRANTA|28245 Puruntie 82 Apt. 595",
      "She lives at 86036 Rua do Arenque 1634, Goiânia|86036 Rua do Arenque 1634",
      "Calle Mayor, 3, Madrid|Calle Mayor, 3",
      "Via Roma 12, Milano|Via Roma 12",
      "Rue de Rivoli 99 Paris|Rue de Rivoli 99",
      "Drottninggatan 12B, Stockholm|Drottninggatan 12B",
      "Villacher Strasse 89|Villacher Strasse 89",
      "Keizersgracht 123|Keizersgracht 123",
      "ul. Marszałkowska 10|ul. Marszałkowska 10",
      "ship to PSC 0413, Box 8144 APO AA 42323|PSC 0413, Box 8144 APO AA 42323"})
  void findsStreetsWrittenNumberLast(String text, String address) {
    assertThat(found(text)).containsExactly(address);
  }

  @ParameterizedTest
  @ValueSource(strings = {"send via 3 channels", "Suite 5", "Version 2", "Windows 10", "Plaza 5", "Top 10 songs",
      "Chapter 12", "We went to Strasse 5", "Highway 101", "Boeing 747", "Python 3", "Room 101", "Covid 19",
      "Section 8", "the weg 12", "hauptstraße 5"})
  void ignoresNumberedThingsThatAreNotStreets(String text) {
    assertThat(found(text)).isEmpty();
  }
}
