package io.shroud.core.detect.address;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.Detector;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.NerSettings;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.scan.DetectorCatalog;
import io.shroud.core.detect.scan.TextScanner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Address findings grow over their whole postal block, and stop where the block does. */
class AddressBlocksTest {
  private final TextScanner scanner = TextScanner.standard(DetectionSettings.DEFAULTS.withNer(NerSettings.DISABLED));

  private List<String> addresses(String text) {
    return scanner.scan(text, DetectionContext.NONE).stream()
        .filter(f -> f.type().equals(EntityType.ADDRESS))
        .map(f -> text.substring(f.start(), f.end()))
        .toList();
  }

  /** '\n' in the table stands for a line break; the expected block is the text between « and ». */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // Unit after a number-last street, town, country and code on their own lines or after runs of spaces.
      "William Hughes  «20789 Allika 46  Suite 501  Riisa   Estonia 62488»",
      "«Apt. 14\\n Hietalahdenkatu 8\\n 00180 Helsinki\\n FINLAND»\\nThanks!",
      "«Suite 501\\n Riisa\\n\\n Estonia 62488»",
      "«28030 Edeby 55  Apt. 297  TYSTBERGA  Sweden 99178»",
      ">  > Lina Artemova > «2224 Trenerys gate 232 > Apt. 342 > TRONDHEIM > Norway 64389»",
      "Sophie Lang     «3482 Via Franscini 71 Suite 838\\n   Tujetsch\\n    nan\\n    7188»",
      // A town after a street in a sentence; a US block with state and ZIP; UK and Canadian postcodes.
      "Tomomi Nishiyama lives at «86036 Rua do Arenque 1634, Goiânia»",
      "I live at «12 Main Street, Springfield, IL 62704, USA». Call me.",
      "«Flat 3, 10 Downing Street, London SW1A 2AA»",
      "Send it to «1200 Bay Street, Suite 300, Toronto, ON M5R 2A5, Canada».",
      "«Unit 12B, 45 Harbour Road, Cape Town, 8001»",
      // Scripts other than Latin, places of several words with joining particles, dotted house numbers.
      "«Λεωφόρος Αλεξάνδρας 14 Suite 112 ΛΕΥΚΩΣΙΑ Cyprus 1101»",
      "«Apt. 461  Soto del Barco  Spain 33126»",
      "«808 Kálmán Imre u. 12.  Apt. 762  Zalakaros  Hungary 8749»",
      "«Wohnung 3, Hauptstraße 5, 10115 Berlin, Deutschland»",
      "«Keizersgracht 123\\n1015 CJ Amsterdam»",
      "«Drottninggatan 12B, 111 51 Stockholm»",
      "Satu Elomo  «45818 P.O. Box 242  Suite 787  Kangerlussuaq   Greenland 3910»",
      "«Apt. 675 62314 Mellemvej 32 Aalborg NO 9100»",
      "«ul. Słowicza 10 Apt. 360    Wrocław     nan     53-320»",
      "«Rua Augusta 1500, Apto. 12, São Paulo - SP, 01304-001»",
      // Streets without a street word, found after words that announce an address.
      "Tosh Olsen lives at «172 Maneeži 75, Saareküla»",
      "Andrew had given Andrew his address: «5366 Pivovarská 276»",
      "Tilly lives at «Μεγάλη Άμμος 184, ΠΑΦΟΣ»",
      "Caitlin Lennox lives at «846 31 Rue Al Imam Al Bakri, Cite Merzgui»",
      "The office is located at «Storgata 12\\n0155 Oslo»"})
  void coversTheWholeBlock(String row) {
    String text = row.replace("\\n", "\n");
    int open = text.indexOf('«');
    int close = text.indexOf('»');
    String block = text.substring(open + 1, close);
    String plain = text.replace("«", "").replace("»", "");
    assertThat(addresses(plain)).containsExactly(block);
  }

  /** The block ends where prose, a phone number, a date or a table begins. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "I live at 12 Main Street. The house was big.|12 Main Street.",
      "Ship to 12 Main Street, Springfield and then call John.|12 Main Street",
      "We sold 12 Main Street, 2019, 2020, 2021|12 Main Street",
      "Visit 12 Main Street, 2024-05-01 at noon|12 Main Street",
      "Apt. 297  TYSTBERGA  Sweden 99178? I am in Oslo for a trip|Apt. 297  TYSTBERGA  Sweden 99178",
      "Apt. 5, Springfield: the best town|Apt. 5",
      "Suite 200, Austin TX 78701 phone 512-555-0199|Suite 200, Austin TX 78701",
      "Hauptstraße 5, SKU AB-1234-XY|Hauptstraße 5",
      "Hauptstraße 5, Berlin, price 12.99 EUR|Hauptstraße 5, Berlin",
      "Keizersgracht 123 on Monday morning|Keizersgracht 123"})
  void stopsAtWhatIsNotPartOfTheBlock(String text, String block) {
    assertThat(addresses(text)).containsExactly(block);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "Room 5 of the hotel is booked for the 12 guests.",
      "Unit 3 covers fractions, Unit 4 covers decimals.",
      "The suite 12 floors up had a box of 24 chocolates.",
      "Order 4711, Box 12, Shelf 7, Aisle 3",
      "Version 2.1.3 released on 2024-05-01, build 5521",
      "Table: 2019 12 45 2020 13 46 2021 14 47",
      "SKU AB-1234 Blue, Size 42, Qty 3",
      "Chapter 12 Suite in D minor, BWV 1068",
      "She lives at Level 5 of the tower",
      "He lives at 5 Minutes from the station",
      "The address is Version 2 of the form: fill it in",
      "He lives on Oak 12 more days, then moves",
      "Flat 30% off until Friday, 12 May"})
  void proseTablesAndCodesAreNoAddresses(String text) {
    assertThat(addresses(text)).isEmpty();
  }

  @Test
  void aWeakUnitIsReportedWhenItsBlockVouchesForIt() {
    // "Unit 12" alone is a lesson as often as an address; a street line before it settles it.
    assertThat(addresses("Unit 12 covers fractions")).isEmpty();
    assertThat(addresses("Bakers Row 45, Unit 12, Kilkenny, R95 X2Y3")).containsExactly(
        "Bakers Row 45, Unit 12, Kilkenny, R95 X2Y3");
  }

  @Test
  void neverSwallowsAPhoneNumberOrAnEmailAfterTheBlock() {
    String text = "Hafnarstraeti 5  Suite 179  Akureyri  Iceland 600 +354 555 1234 jon@example.is";
    List<Finding> found = scanner.scan(text, DetectionContext.NONE);
    assertThat(found).extracting(f -> f.type().name() + ":" + text.substring(f.start(), f.end())).containsExactly(
        "ADDRESS:Hafnarstraeti 5  Suite 179  Akureyri  Iceland 600", "PHONE:+354 555 1234", "EMAIL:jon@example.is");
  }

  @Test
  void aBlockKeepsTheDetectorIdOfItsAnchorAndSaysWhyItGrew() {
    String text = "Stephan M Urner  4844 Søndergade 52  Apt. 656  Brønderslev   Denmark 9700";
    Finding block = scanner.scan(text, DetectionContext.NONE).get(0);
    assertThat(text.substring(block.start(), block.end()))
        .isEqualTo("4844 Søndergade 52  Apt. 656  Brønderslev   Denmark 9700");
    assertThat(block.detectorId()).isIn("address_intl", AddressUnitDetector.ID);
    assertThat(block.reason()).endsWith("; address block").doesNotContain("Søndergade");
  }

  /** A name tagger's person that runs into the unit ends before it; one after the block is kept. */
  @Test
  void namesBeforeAndAfterABlockStayNames() {
    String text = "Mrs. Barbara Yudina Apt. 675 Mellemvej 32 Aalborg\nGreta Olsen";
    int nameEnd = text.indexOf("Apt.") + 3; // the tagger took "Barbara Yudina Apt"
    int greta = text.indexOf("Greta");
    Detector tagger = new FixedFindings(List.of(
        new Finding(EntityType.PERSON, text.indexOf("Barbara"), nameEnd, 0.8, "ner", "test tagger"),
        new Finding(EntityType.PERSON, greta, text.length(), 0.8, "ner", "test tagger")));
    List<Detector> detectors = new ArrayList<>(DetectorCatalog.standard(
        DetectionSettings.DEFAULTS.withNer(NerSettings.DISABLED)));
    detectors.add(tagger);
    List<Finding> found = new TextScanner(detectors, DetectionSettings.DEFAULTS.minConfidence())
        .scan(text, DetectionContext.NONE);
    assertThat(found).extracting(f -> f.type().name() + ":" + text.substring(f.start(), f.end())).containsExactly(
        "PERSON:Barbara Yudina", "ADDRESS:Apt. 675 Mellemvej 32 Aalborg", "PERSON:Greta Olsen");
  }

  /** A town the tagger took for a person is still part of the block when a postcode follows it. */
  @Test
  void aTownTakenForAPersonStaysInTheBlockBeforeItsPostcode() {
    String text = "0138 Brisas 6802  Suite 084  María Albina  Uruguay 77212";
    Detector tagger = new FixedFindings(List.of(new Finding(EntityType.PERSON, text.indexOf("María"),
        text.indexOf("María") + "María Albina".length(), 0.9, "ner", "test tagger")));
    List<Detector> detectors = new ArrayList<>(DetectorCatalog.standard(
        DetectionSettings.DEFAULTS.withNer(NerSettings.DISABLED)));
    detectors.add(tagger);
    List<Finding> found = new TextScanner(detectors, DetectionSettings.DEFAULTS.minConfidence())
        .scan(text, DetectionContext.NONE);
    assertThat(found).extracting(f -> f.type().name() + ":" + text.substring(f.start(), f.end()))
        .containsExactly("ADDRESS:" + text);
  }

  /** Reports fixed findings, standing in for a name tagger. */
  private record FixedFindings(List<Finding> findings) implements Detector {
    @Override
    public String id() {
      return "ner";
    }

    @Override
    public EntityType entityType() {
      return EntityType.PERSON;
    }

    @Override
    public void detect(String text, TextFeatures features, DetectionContext context, List<Finding> out) {
      out.addAll(findings);
    }
  }
}
