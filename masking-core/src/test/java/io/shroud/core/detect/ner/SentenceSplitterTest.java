package io.shroud.core.detect.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.sentdetect.SDContextGenerator;
import opennlp.tools.sentdetect.SentenceDetectorFactory;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.SentenceSample;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.Span;
import opennlp.tools.util.StringList;
import opennlp.tools.util.TrainingParameters;
import org.junit.jupiter.api.Test;

/**
 * The sentence splitter against OpenNLP's sentence detector on the shipped model: the same spans, always;
 * and its compiled form ({@link CompiledSentenceDetector}) against the detector's model and context
 * generator: the same probabilities, bit for bit, at every end character.
 */
class SentenceSplitterTest {
  private static final List<String> PIECES = List.of(
      "Hello", "world", "the", "parcel", "Maria", "signed", "it", "Dr.", "Prof.", "e.g.", "U.S.", "J.", "a.m.", "ok",
      "x", "I", "3.14", "v2.0", "555-0100", "a.b@c.com", "example.com", "https://x.org/a.b?c=d", ".", "?", "!", "...",
      "?!", ".)", ".\"", "\"Yes.\"", "(see", "above).", "end.", "Done!", "Why?", "...and", "ok..", "Gedanken.Bek.",
      "z.B.", "A.B.C", "—", "…", "。", "Çà.", "ﬁne.", ";", ":", ",");
  private static final List<String> SPACES = List.of(" ", " ", " ", " ", "  ", "\u00a0", "\t", "\n", " \u2009");

  private final SentenceSplitter splitter = new SentenceSplitter(NerModels.sentences());
  private final SentenceDetectorME reference = new SentenceDetectorME(NerModels.sentences());

  @Test
  void givesTheDetectorsSpansOnGeneratedBlocks() {
    Random random = new Random(20_261_207L);
    int withoutModel = 0;
    for (int n = 0; n < 30_000; n++) {
      String block = block(random);
      assertThat(bounds(splitter.sentences(block))).as("%s", block).isEqualTo(bounds(reference.sentPosDetect(block)));
      withoutModel += onlyTheLastTokenEnds(block) ? 1 : 0;
    }
    assertThat(withoutModel).as("blocks answered without the model").isBetween(3_000, 27_000);
  }

  @Test
  void theCompiledDetectorGivesTheModelsProbabilitiesAtEveryEndCharacter() {
    SentenceModel model = NerModels.sentences();
    CompiledSentenceDetector compiled = CompiledSentenceDetector.of(model);
    assertThat(compiled).as("the shipped model is of the plain kind").isNotNull();
    SDContextGenerator generator = model.getFactory().getSDContextGenerator();
    MaxentModel maxent = model.getMaxentModel();
    Random random = new Random(7L);
    int positions = 0;
    int splits = 0;
    for (int n = 0; n < 20_000; n++) {
      String block = n % 3 == 0 ? longBlock(random) : block(random);
      for (int i = 0; i < block.length(); i++) {
        char c = block.charAt(i);
        if (c == '.' || c == '!' || c == '?') {
          double[] expected = maxent.eval(generator.getContext(block, i));
          assertThat(compiled.probabilities(block, i)).as("%s at %d", block, i).isEqualTo(expected);
          positions++;
          splits += compiled.splitsAt(block, i) ? 1 : 0;
        }
      }
    }
    assertThat(positions).isGreaterThan(30_000);
    assertThat(splits).as("both answers occur").isBetween(positions / 20, positions - positions / 20);
  }

  @Test
  void theCompiledDetectorGivesTheDetectorsSpansWhereTheShortcutDoesNotApply() {
    CompiledSentenceDetector compiled = CompiledSentenceDetector.of(NerModels.sentences());
    Random random = new Random(11L);
    for (int n = 0; n < 20_000; n++) {
      String block = n % 2 == 0 ? longBlock(random) : block(random);
      assertThat(bounds(compiled.sentPosDetect(block))).as("%s", block)
          .isEqualTo(bounds(reference.sentPosDetect(block)));
    }
  }

  @Test
  void aModelWithAnAbbreviationDictionaryIsLeftToOpenNlp() throws IOException {
    Dictionary abbreviations = new Dictionary(false);
    abbreviations.put(new StringList("approx."));
    List<SentenceSample> samples = new ArrayList<>();
    for (String text : List.of("It costs approx. ten euros. We paid.", "She left. He stayed approx. an hour.",
        "Call me. Write to us. It is approx. done.")) {
      samples.add(new SentenceSample(text, sentencesOf(text)));
    }
    TrainingParameters parameters = TrainingParameters.defaultParams();
    parameters.put(TrainingParameters.ITERATIONS_PARAM, 5);
    parameters.put(TrainingParameters.CUTOFF_PARAM, 0);
    SentenceModel model = SentenceDetectorME.train("en", new CollectionObjectStream<>(samples),
        new SentenceDetectorFactory("en", true, abbreviations, null), parameters);

    assertThat(CompiledSentenceDetector.of(model)).isNull();
    SentenceSplitter split = new SentenceSplitter(model);
    SentenceDetectorME own = new SentenceDetectorME(model);
    for (String text : List.of("It costs approx. ten euros. We paid.", "Call me. Write to us.", "ok. fine? yes!")) {
      assertThat(bounds(split.sentences(text))).as("%s", text).isEqualTo(bounds(own.sentPosDetect(text)));
    }
  }

  private static Span[] sentencesOf(String text) {
    List<Span> spans = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '.' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')
          && !text.substring(start, i + 1).endsWith("approx.")) {
        spans.add(new Span(start, i + 1));
        start = i + 2;
      }
    }
    return spans.toArray(new Span[0]);
  }

  @Test
  void givesTheDetectorsSpansOnWrittenText() {
    for (String text : List.of("The parcel arrived. Maria signed for it.", "Please email me at a.b@example.com about it.",
        "Verified identity with SSN 489-49-8314 before closing the account.", "  ok  ", "Done!", ".", "...", "?!",
        "no full stop at all", "Ask Prof. Graef", "Ask Prof. Graef.", "Is it U.S.A.?", "He said \"stop.\"  ",
        "Wait... what?", "x.", "   .", "\u00a0Hi.\u00a0", "a. b. c.", "Total: 3.50 USD.", "")) {
      assertThat(bounds(splitter.sentences(text))).as("%s", text).isEqualTo(bounds(reference.sentPosDetect(text)));
    }
  }

  @Test
  void aBlockEndingInItsOnlyFullStopIsOneSentenceFromOutsideTheModel() {
    assertThat(onlyTheLastTokenEnds("Verified identity before closing the account.")).isTrue();
    assertThat(bounds(splitter.sentences(" Verified identity before closing the account. ")))
        .isEqualTo(List.of(List.of(1, 46)));
  }

  private static boolean onlyTheLastTokenEnds(String block) {
    String trimmed = block.strip();
    int lastSpace = Math.max(trimmed.lastIndexOf(' '), Math.max(trimmed.lastIndexOf('\u00a0'),
        Math.max(trimmed.lastIndexOf('\t'), trimmed.lastIndexOf('\n'))));
    String before = trimmed.substring(0, Math.max(0, lastSpace));
    return before.chars().noneMatch(c -> c == '.' || c == '!' || c == '?');
  }

  /** Several blocks' worth of pieces, capitals after end characters, long and non-ASCII tokens. */
  private static String longBlock(Random random) {
    StringBuilder b = new StringBuilder();
    int parts = 2 + random.nextInt(6);
    for (int p = 0; p < parts; p++) {
      b.append(block(random));
      b.append(List.of(".", "!", "?", ". ", ".A", "?B", "!!", "", "..", "a".repeat(70) + ".").get(random.nextInt(10)));
      if (random.nextBoolean()) {
        b.append(List.of("The", "É", "x", "(Then", "ÅB.", "\u00a0Ok", "  ", "Mr.").get(random.nextInt(8)));
      }
    }
    return b.toString();
  }

  private static String block(Random random) {
    StringBuilder b = new StringBuilder();
    if (random.nextInt(8) == 0) {
      b.append(SPACES.get(random.nextInt(SPACES.size())));
    }
    int words = 1 + random.nextInt(random.nextBoolean() ? 4 : 14);
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        b.append(SPACES.get(random.nextInt(SPACES.size())));
      }
      // Mostly words: many blocks then hold no end character before their last token.
      String piece = random.nextInt(3) > 0 ? PIECES.get(random.nextInt(7)) : PIECES.get(random.nextInt(PIECES.size()));
      b.append(piece);
    }
    if (random.nextBoolean()) {
      b.append(List.of(".", "!", "?", "...", ".)", "").get(random.nextInt(6)));
    }
    if (random.nextInt(6) == 0) {
      b.append(SPACES.get(random.nextInt(SPACES.size())));
    }
    return b.toString();
  }

  private static List<List<Integer>> bounds(Span[] spans) {
    return Arrays.stream(spans).map(s -> List.of(s.getStart(), s.getEnd())).toList();
  }
}
