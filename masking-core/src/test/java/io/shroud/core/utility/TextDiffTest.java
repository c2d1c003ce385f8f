package io.shroud.core.utility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TextDiffTest {
  @Test
  void aRedactedSpanCountsItsTokensAndCharacters() {
    TextDiff.Change c = TextDiff.of("Spoke with Maria Lopez today.", "Spoke with <PERSON> today.");
    assertThat(c.tokens()).isEqualTo(5);
    assertThat(c.tokensMasked()).isEqualTo(2);
    assertThat(c.characters()).isEqualTo(25);
    assertThat(c.charactersMasked()).isEqualTo(10); // "Maria" + "Lopez"
  }

  @Test
  void charactersKeptAtTheSamePlaceCountAsKept() {
    TextDiff.Change prefix = TextDiff.of("contact email:jane@x.com now", "contact email:<EMAIL> now");
    assertThat(prefix.tokensMasked()).isEqualTo(1);
    assertThat(prefix.charactersMasked()).isEqualTo(10); // jane@x.com; "email:" survived
    TextDiff.Change partial = TextDiff.of("card 4111 1111 1111 1234", "card **** **** **** 1234");
    assertThat(partial.tokensMasked()).isEqualTo(3);
    assertThat(partial.charactersMasked()).isEqualTo(12); // the last four digits were kept
  }

  @Test
  void unchangedAndEmptiedTexts() {
    assertThat(TextDiff.of("nothing to mask here", "nothing to mask here"))
        .isEqualTo(new TextDiff.Change(4, 0, 17, 0));
    assertThat(TextDiff.of("jane@x.com", "")).isEqualTo(new TextDiff.Change(1, 1, 10, 10));
    assertThat(TextDiff.of("", "")).isEqualTo(new TextDiff.Change(0, 0, 0, 0));
  }

  @Test
  void aMaskedSpanInTheMiddleOfRepeatedWordsIsAlignedByTheLongestCommonSubsequence() {
    TextDiff.Change c = TextDiff.of("call me at 555 1234 or call me at home", "call me at <PHONE> or call me at home");
    assertThat(c.tokensMasked()).isEqualTo(2);
    assertThat(c.charactersMasked()).isEqualTo(7);
  }

  @Test
  void veryLongTextsFallBackToCommonEnds() {
    String words = "word ".repeat(600);
    TextDiff.Change c = TextDiff.of(words + "secret " + words, words + "<X> " + words);
    assertThat(c.tokens()).isEqualTo(1201);
    assertThat(c.tokensMasked()).isEqualTo(1);
  }

  @Test
  void labelsNewInTheOutputAreCountedPerType() {
    assertThat(TextDiff.newLabels("mail <EMAIL> to Bob", "mail <EMAIL> to <PERSON> or <EMAIL>"))
        .isEqualTo(Map.of("EMAIL", 1, "PERSON", 1));
    assertThat(TextDiff.labels("<a> <B2_C> <lower>")).containsOnlyKeys("B2_C");
  }
}
