package io.shroud.core.detect.ner;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.NerSettings;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.scan.TextScanner;
import io.shroud.core.operator.Operators;
import io.shroud.core.operator.TextMasker;
import io.shroud.core.policy.EntityOperators;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class NerDetectorTest {
  private final NerDetector detector = new NerDetector(NerSettings.DEFAULTS.threshold());

  private List<Finding> detect(String text) {
    List<Finding> out = new ArrayList<>();
    detector.detect(text, TextFeatures.of(text), DetectionContext.NONE, out);
    return out;
  }

  private static List<String> found(String text, List<Finding> findings, EntityType type) {
    return findings.stream().filter(f -> f.type().equals(type)).map(f -> text.substring(f.start(), f.end())).toList();
  }

  @Test
  void findsPeoplePlacesAndOrganizations() {
    String text = "I spoke with Maria Lopez from Northwind Logistics Ltd yesterday about the refund to Chicago.";
    List<Finding> findings = detect(text);
    assertThat(found(text, findings, EntityType.PERSON)).containsExactly("Maria Lopez");
    assertThat(found(text, findings, EntityType.ORGANIZATION)).containsExactly("Northwind Logistics Ltd");
    assertThat(found(text, findings, EntityType.LOCATION)).containsExactly("Chicago");
    assertThat(findings).allSatisfy(f -> {
      assertThat(f.detectorId()).isEqualTo("ner");
      assertThat(f.score()).isGreaterThanOrEqualTo(NerSettings.DEFAULTS.threshold());
      assertThat(f.reason()).doesNotContain("Maria").doesNotContain("Lopez").doesNotContain("Chicago");
    });
  }

  @Test
  void titlesAndCueWordsAreEvidence() {
    String text = "Please ask Dr. Okonkwo to call back. The ticket was escalated by a colleague called Priyanka.";
    assertThat(found(text, detect(text), EntityType.PERSON)).contains("Okonkwo", "Priyanka");
  }

  @Test
  void laterMentionsOfAFoundNameAreReportedToo() {
    String text = "Maria Lopez called on Monday about her card. We sent the form to Ms. Lopez, and Maria "
        + "said she would return it. Lopez never did.";
    List<String> people = found(text, detect(text), EntityType.PERSON);
    assertThat(people).contains("Maria Lopez");
    assertThat(people.stream().filter(p -> p.equals("Lopez")).count()).isEqualTo(2);
    assertThat(people).contains("Maria");
    assertThat(String.join("", people).length()).isEqualTo("Maria Lopez".length() + 5 + 5 + 5);
  }

  @Test
  void emptyBlankAndLetterFreeCellsYieldNothing() {
    assertThat(detect("")).isEmpty();
    assertThat(detect("   \n\t ")).isEmpty();
    assertThat(detect("4111 1111 1111 1111 / 2024-01-05 / +1 (415) 555-0100")).isEmpty();
    assertThat(detect("ok")).isEmpty();
  }

  @Test
  void ordinaryCapitalisedProseIsNotMasked() {
    String text = "Thank you for contacting Customer Support. Your Order Has Shipped! "
        + "The Premium Plan renews on Monday, March 3. Please see the FAQ page.";
    assertThat(detect(text)).isEmpty();
  }

  @Test
  void nonEnglishTextIsNotMaskedWholesale() {
    String[] texts = {
        "Die Lieferung ist leider beschädigt angekommen und der Kundendienst hat sich nicht gemeldet. "
            + "Bitte senden Sie mir eine neue Rechnung für die Bestellung vom Montag.",
        "Le colis est arrivé en retard et la facture ne correspond pas à la commande passée la semaine dernière.",
        "El pedido llegó tarde y la factura no coincide con la compra de la semana pasada.",
        "我的订单还没有到，请尽快帮我查询一下物流信息。",
        "Заказ пришёл поздно, и счёт не совпадает с покупкой."};
    for (String text : texts) {
      int masked = detect(text).stream().mapToInt(Finding::length).sum();
      assertThat(masked).as(text).isLessThan(text.length() / 10);
    }
  }

  @Test
  void lowerCaseAndAllCapsTextStillYieldKnownNames() {
    String lower = "i talked to john smith yesterday and he said the parcel was in london";
    assertThat(found(lower, detect(lower), EntityType.PERSON)).containsExactly("john smith");
    String caps = "PLEASE CALL MR. JOHN SMITH ABOUT THE INVOICE";
    assertThat(found(caps, detect(caps), EntityType.PERSON)).containsExactly("JOHN SMITH");
  }

  @Test
  void aTenMegabyteCellIsScannedInChunksWithCorrectOffsets() {
    String paragraph = "The customer asked about the refund for order 1234 and was told to wait until Friday. ";
    StringBuilder sb = new StringBuilder(10 * 1024 * 1024 + 200);
    while (sb.length() < 10 * 1024 * 1024) {
      sb.append(paragraph);
    }
    sb.append("Finally she spoke with Maria Lopez in Chicago.");
    String text = sb.toString();
    List<Finding> findings = detect(text);
    assertThat(found(text, findings, EntityType.PERSON)).containsExactly("Maria Lopez");
    assertThat(findings).allSatisfy(f -> assertThat(f.end()).isLessThanOrEqualTo(text.length()));
  }

  @Test
  void aLongLineWithoutSentencesOrSpacesDoesNotFail() {
    String text = "x".repeat(200_000) + " Maria Lopez " + "Ab".repeat(50_000);
    List<Finding> findings = detect(text);
    assertThat(findings).allSatisfy(f -> assertThat(f.end()).isLessThanOrEqualTo(text.length()));
  }

  @Test
  void modelsAreLoadedOncePerJvmAndSharedAcrossThreads() throws Exception {
    assertThat(NerModels.names()).isSameAs(NerModels.names());
    assertThat(NerModels.tokens()).isSameAs(NerModels.tokens());
    String text = "Yesterday I spoke with Maria Lopez about the invoice from Chicago.";
    List<Finding> expected = detect(text);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<List<Finding>>> tasks = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        tasks.add(() -> {
          NerDetector own = new NerDetector(NerSettings.DEFAULTS.threshold()); // detectors are per thread, models are not
          List<Finding> last = null;
          for (int i = 0; i < 50; i++) {
            last = new ArrayList<>();
            own.detect(text, TextFeatures.of(text), DetectionContext.NONE, last);
          }
          return last;
        });
      }
      for (Future<List<Finding>> result : pool.invokeAll(tasks)) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theStandardScannerMasksNamesWithTheDefaultRedaction() {
    TextScanner scanner = TextScanner.standard(DetectionSettings.DEFAULTS);
    String text = "Spoke with Maria Lopez (maria.lopez@example.com) about her refund.";
    List<Finding> findings = scanner.scan(text, DetectionContext.forColumn("notes"));
    Operators operators = new Operators(Map.of(), spec -> {
      throw new IllegalStateException("Cannot use keys in this test");
    });
    String masked = TextMasker.mask(text, findings, t -> operators.create(EntityOperators.REDACT_ALL.forType(t)));
    assertThat(masked).isEqualTo("Spoke with <PERSON> (<EMAIL>) about her refund.");
  }

  @Test
  void maskedOutputIsNotFoundAgain() {
    // The residual scan runs the same scanner over sanitized output: type labels are not names.
    TextScanner scanner = TextScanner.standard(DetectionSettings.DEFAULTS);
    for (String text : List.of("Spoke with <PERSON> (<EMAIL>) about her refund.",
        "<PERSON> called from <LOCATION> about <ORGANIZATION>.", "Dear <PERSON>, thanks. Regards, <PERSON>")) {
      assertThat(scanner.scan(text, DetectionContext.NONE)).as(text).isEmpty();
    }
  }

  @Test
  void nerCanBeSwitchedOffInThePolicy() {
    TextScanner scanner = TextScanner.standard(DetectionSettings.DEFAULTS.withNer(NerSettings.DISABLED));
    assertThat(scanner.scan("Spoke with Maria Lopez about her refund.", DetectionContext.NONE)).isEmpty();
  }

  @Test
  void aHigherThresholdReportsLess() {
    // A lower-case name after a cue word is weak evidence; a title-cased one in a full sentence is strong.
    String text = "Thanks Priyanka, the team in Marseille is ready.\nwe met okonkwo near the station";
    List<Finding> strict = new ArrayList<>();
    new NerDetector(0.95).detect(text, TextFeatures.of(text), DetectionContext.NONE, strict);
    List<Finding> lenient = new ArrayList<>();
    new NerDetector(0.3).detect(text, TextFeatures.of(text), DetectionContext.NONE, lenient);
    assertThat(strict.size()).isLessThan(lenient.size());
    assertThat(strict).allSatisfy(f -> assertThat(f.score()).isGreaterThanOrEqualTo(0.95));
  }

  @Test
  void townsInsidePostalAddressesArePlaces() {
    String block = "William Hughes\n20789 Allika 46\n Suite 501\n Riisa\n\n Estonia 62488";
    assertThat(found(block, detect(block), EntityType.LOCATION)).contains("Riisa", "Estonia");
    String inline = "Tomomi Nishiyama lives at 86036 Rua do Arenque 1634, Goi\u00e2nia";
    assertThat(found(inline, detect(inline), EntityType.LOCATION)).contains("Goi\u00e2nia");
    String year = "During 1971, Mayo-Walters invested heavily in new designs.";
    assertThat(found(year, detect(year), EntityType.LOCATION)).doesNotContain("Mayo");
  }

  @Test
  void companyNamesEndingInALegalFormAreOrganizations() {
    String text = "Dzhambek is from Civic Impulse LLC and his brother works for Streetcred Software Inc.";
    assertThat(found(text, detect(text), EntityType.ORGANIZATION))
        .contains("Civic Impulse LLC", "Streetcred Software Inc.");
  }

  @Test
  void capitalisedWordsOpeningAClauseAreNotNames() {
    String text = "Since then, it has grown. Oh well. Cool, what's the address? During 2017 we moved. "
        + "Don't go to town! For my take, see Guilty Pleasures: Musicians You're Supposed To Hate.";
    assertThat(found(text, detect(text), EntityType.PERSON)).isEmpty();
  }

  @Test
  void aPersonNounOrAVerbAfterAnUnknownWordMakesItAPerson() {
    String noun = "The tenant, Hijnekamp, reported a leak on Thursday.";
    assertThat(found(noun, detect(noun), EntityType.PERSON)).containsExactly("Hijnekamp");
    String verb = "Riejanne will take over the account while Tarquin is on leave.";
    assertThat(found(verb, detect(verb), EntityType.PERSON)).contains("Tarquin");
  }

  @Test
  void aTitleInLowerCaseTextStillIntroducesAName() {
    String text = "dr. clay suurmeijer prescribed antibiotics and asked the patient to return on the 21st.";
    assertThat(found(text, detect(text), EntityType.PERSON)).containsExactly("clay suurmeijer");
  }


  @Test
  void capitalisedWordsNoDictionaryKnowsAreProperNounsWhenAsked() {
    String text = "The address of Persint is on file. She spent a year at Poweradvocate with Maria Lopez. "
        + "Persint ships the FAQ to Chicago.";
    List<Finding> on = new ArrayList<>();
    new NerDetector(0.5, true).detect(text, TextFeatures.of(text), DetectionContext.NONE, on);
    assertThat(found(text, on, EntityType.PROPER_NOUN)).contains("Persint", "Poweradvocate")
        .doesNotContain("The", "She", "FAQ", "Maria", "Lopez", "Chicago"); // opening words, acronyms, found names
    assertThat(on).filteredOn(f -> f.type().equals(EntityType.PROPER_NOUN))
        .allSatisfy(f -> assertThat(f.reason()).isEqualTo("ner unknown proper noun"));
    assertThat(found(text, detect(text), EntityType.PROPER_NOUN)).isEmpty(); // off unless asked
    List<Finding> strict = new ArrayList<>();
    new NerDetector(0.6, true).detect(text, TextFeatures.of(text), DetectionContext.NONE, strict);
    assertThat(found(text, strict, EntityType.PROPER_NOUN)).isEmpty(); // confidence 0.5 is under 0.6
    String lower = "the address of persint is on file";
    List<Finding> caseless = new ArrayList<>();
    new NerDetector(0.5, true).detect(lower, TextFeatures.of(lower), DetectionContext.NONE, caseless);
    assertThat(found(lower, caseless, EntityType.PROPER_NOUN)).isEmpty();
  }


  @Test
  void chatMentionsAreNamesButAddressesAreNot() {
    String text = "@Rahul can you take a look at ticket 4411? Kwame and Priya will be OOO next week.";
    assertThat(found(text, detect(text), EntityType.PERSON)).contains("Rahul", "Priya").doesNotContain("OOO");
    String mail = "write to rahul@Example.org or Priya@example.org";
    assertThat(found(mail, detect(mail), EntityType.PERSON)).isEmpty();
  }

}
