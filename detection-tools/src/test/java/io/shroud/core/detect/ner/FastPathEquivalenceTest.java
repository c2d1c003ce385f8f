package io.shroud.core.detect.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.ner.train.NameLists;
import io.shroud.core.detect.ner.train.NerCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fast NER path against OpenNLP itself: {@link TokenSplitter} must cut exactly as TokenizerME,
 * {@link FastNameFinder} must find the same spans with the same probabilities as NameFinderME on the
 * shipped model (the sums differ only in the order of floating-point additions), and
 * {@link CompiledPosTagger} must tag as POSTaggerME. Texts: generated
 * training-style and held-out sentences as written, lower-cased and upper-cased, plus hand-written
 * awkward ones (numbers, codes, e-mail addresses, other scripts, ligatures, no-break spaces).
 */
class FastPathEquivalenceTest {
  private static final List<String> TEXTS = new ArrayList<>();

  @BeforeAll
  static void texts() {
    NameLists names = NameLists.fromDatafaker();
    for (NerCorpus.Sample s : new NerCorpus(names, false, 31L).generate(600)) {
      TEXTS.add(s.text());
    }
    for (NerCorpus.Sample s : new NerCorpus(names, true, 32L).generate(300)) {
      TEXTS.add(s.text());
      TEXTS.add(s.text().toLowerCase(Locale.ROOT));
      TEXTS.add(s.text().toUpperCase(Locale.ROOT));
    }
    TEXTS.addAll(List.of(
        "Call me on (555) 123-4567 or +1 415-555-0100 ext. 12, ssn 078-05-1120, card 4111 1111 1111 1111.",
        "mail jo.o'neil+test@example.co.uk re: INV-2024/77; see https://example.com/a?b=c&d=e.",
        "Dr. Ana-María Núñez-Øberg (née Ødegård) met Ł. Żółkiewski in São Paulo — “really”?",
        "İstanbul'daki ΣΊΣΥΦΟΣ met 李小龙 and the ﬁnance team at 10:30am\u00a0on 3/4/21 &amp; 4.5% off!!",
        "don't can't won't y'all gonna wanna I'm you're O'Brien D'Angelo McDonald's 90s '90s",
        "A", "..", "x.y.z", "-- -- --", "\"Quoted\" (bracketed) [square] {curly} <angled> *starred*"));
  }

  @Test
  void tokenSplitterCutsExactlyAsTokenizerME() {
    TokenizerME reference = new TokenizerME(NerModels.tokens());
    TokenSplitter fast = new TokenSplitter();
    for (int round = 0; round < 2; round++) { // the second round answers from the splitter's memory
      for (String text : TEXTS) {
        assertThat(fast.tokenizePos(text)).as(text).containsExactly(reference.tokenizePos(text));
      }
    }
  }

  @Test
  void fastNameFinderFindsWhatNameFinderMEFinds() {
    NameFinderME reference = new NameFinderME(NerModels.names());
    FastNameFinder fast = new FastNameFinder();
    Gazetteer gazetteer = Gazetteer.shared();
    TokenInfo.Table table = new TokenInfo.Table(gazetteer);
    Segmenter segmenter = new Segmenter();
    int[] windows = {0};
    int[] named = {0};
    for (String text : TEXTS) {
      segmenter.segment(text, (tokens, starts, ends) -> {
        windows[0]++;
        Span[] expected = reference.find(tokens);
        double[] probs = reference.probs(expected);
        TokenInfo[] infos = table.of(tokens);
        Span[] actual = fast.find(new Sentence(tokens, infos, gazetteer), infos);
        assertThat(actual).as(String.join(" ", tokens)).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
          assertThat(actual[i].getStart()).isEqualTo(expected[i].getStart());
          assertThat(actual[i].getEnd()).isEqualTo(expected[i].getEnd());
          assertThat(actual[i].getType()).isEqualTo(expected[i].getType());
          assertThat(actual[i].getProb()).as(String.join(" ", tokens)).isCloseTo(probs[i],
              Offset.offset(1e-9));
        }
        named[0] += expected.length;
      });
    }
    assertThat(windows[0]).isGreaterThan(1_500);
    assertThat(named[0]).isGreaterThan(1_000); // the comparison covers many names, not only empty sentences
  }

  @Test
  void compiledPosTaggerTagsAsPosTaggerME() {
    POSTaggerME reference = new POSTaggerME(NerModels.partsOfSpeech());
    CompiledPosTagger fast = new CompiledPosTagger();
    TokenInfo.Table table = new TokenInfo.Table(Gazetteer.shared());
    Segmenter segmenter = new Segmenter();
    int[] tokensTagged = {0};
    for (String text : TEXTS) {
      segmenter.segment(text, (tokens, starts, ends) -> {
        assertThat(fast.tag(table.of(tokens))).as(String.join(" ", tokens)).containsExactly(reference.tag(tokens));
        tokensTagged[0] += tokens.length;
      });
    }
    assertThat(tokensTagged[0]).isGreaterThan(15_000);
  }

  @Test
  void theFastPathImplementsTheShippedFeatureDescriptor() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/io/shroud/core/detect/ner/train/ner-features.xml")) {
      assertThat(CompiledNameModel.sha256(in.readAllBytes())).isEqualTo(CompiledNameModel.DESCRIPTOR_SHA256);
    }
  }

  @Test
  void aModelWithOtherFeaturesIsRefused() {
    Map<String, byte[]> entries = new HashMap<>(CompiledMaxent.entries(NerModels.NAME_MODEL));
    assertThat(Arrays.asList(CompiledNameModel.fromEntries("shipped", entries).outcomes))
        .contains("other", "person-start", "person-cont");
    entries.put("generator.featuregen", "<featureGenerators/>".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> CompiledNameModel.fromEntries("retrained.bin", entries))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Cannot use NER model retrained.bin: its feature descriptor (sha256 ")
        .hasMessageEndingWith("is not the one the fast name finder implements (" + CompiledNameModel.DESCRIPTOR_SHA256 + ")");
  }

  /**
   * A detector that has seen sentences before (its sentence memory, token tables and tokenizer memory
   * warm) reports exactly what a fresh detector reports, including a sentence that is a town field
   * after an address line in one text and plain text in another.
   */
  @Test
  void aWarmDetectorReportsWhatAFreshOneReports() {
    NerDetector warm = new NerDetector(0.5, true);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String text = TEXTS.get(i % TEXTS.size());
      texts.add(text);
      texts.add("Thanks. " + text + " Thanks.");
    }
    texts.add("Rua do Arenque 1634\nGoiânia\nBrazil");
    texts.add("Goiânia\nBrazil");
    texts.add("Suite 501\nRiisa\nEstonia 62488");
    texts.add("Riisa\nEstonia 62488");
    for (String text : texts) {
      assertThat(detect(warm, text)).as(text).isEqualTo(detect(new NerDetector(0.5, true), text));
    }
  }

  private static List<Finding> detect(NerDetector detector, String text) {
    List<Finding> out = new ArrayList<>();
    detector.detect(text, TextFeatures.of(text), DetectionContext.NONE, out);
    return out;
  }
}
