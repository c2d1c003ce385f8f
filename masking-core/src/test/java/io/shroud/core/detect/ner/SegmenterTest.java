package io.shroud.core.detect.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterTest {
  private final Segmenter segmenter = new Segmenter();

  private List<List<String>> sentences(String text) {
    List<List<String>> out = new ArrayList<>();
    segmenter.segment(text, (tokens, starts, ends) -> {
      for (int i = 0; i < tokens.length; i++) {
        assertThat(text.substring(starts[i], ends[i])).isEqualTo(tokens[i]); // offsets stay exact
      }
      out.add(List.of(tokens));
    });
    return out;
  }

  @Test
  void quotesMarkersAndPossessivesAreSplitFromNames() {
    assertThat(sentences("Heather:\"I'm Daniel's daughter\".").get(0))
        .containsSubsequence("Heather", "\"", "I'm", "Daniel", "'s", "daughter");
    assertThat(sentences(">Marta Palermo >Cityscan").get(0)).containsExactly(">", "Marta", "Palermo", ">", "Cityscan");
    assertThat(sentences("It is Ana\u2019s car.").get(0)).containsSubsequence("Ana", "\u2019s", "car");
  }

  @Test
  void contractionsStayWholeAndCommasComeOff() {
    assertThat(sentences("It's Al's turn, don't wait.").get(0)).contains("Al", "don't").doesNotContain("n't");
    assertThat(sentences("The tenant, Hijnekamp, reported a leak.").get(0)).contains("Hijnekamp", ",");
  }

  @Test
  void aTitleOrAnInitialDoesNotEndTheSentence() {
    assertThat(sentences("Please ask Prof. Graef to sign the form.")).hasSize(1);
    assertThat(sentences("The report by J. Smith was late.")).hasSize(1);
    assertThat(sentences("The parcel arrived. Maria signed for it.")).hasSize(2);
  }

  @Test
  void fieldSeparatorsAreSentenceBoundaries() {
    assertThat(sentences("Sara Schwarz\n28245 Puruntie 82 Apt. 595    LAPPEENRANTA\tSK")).hasSizeGreaterThanOrEqualTo(4);
  }
}
