package io.shroud.core.detect.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

/** The sentence splitter against OpenNLP's sentence detector on the shipped model: the same spans, always. */
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
