package io.shroud.core.detect.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class GazetteerTest {
  private final Gazetteer gazetteer = Gazetteer.shared();

  private boolean has(String word, int flag) {
    return (gazetteer.flags(word) & flag) != 0;
  }

  @Test
  void ordinaryWordsAndTheirRegularInflectionsAreDictionaryWords() {
    for (String word : new String[] {"battery", "batteries", "discipline", "dimensions", "remembered", "orchestra",
        "weekly", "hobbits", "smith"}) {
      assertThat(has(word, Gazetteer.DICTIONARY_WORD)).as(word).isTrue();
    }
    for (String word : new String[] {"okonkwo", "kenosha", "priyanka", "lawdragon"}) {
      assertThat(has(word, Gazetteer.DICTIONARY_WORD)).as(word).isFalse();
    }
  }

  @Test
  void contractionsAndClosedClassWordsAreFunctionWords() {
    for (String word : new String[] {"don't", "we'll", "you're", "i'm", "c'mon", "since", "during", "oh"}) {
      assertThat(has(word, Gazetteer.FUNCTION_WORD)).as(word).isTrue();
    }
    assertThat(has("o'brien", Gazetteer.FUNCTION_WORD)).isFalse();
  }

  @Test
  void namesCanBeHiddenForTheHeldOutEvaluationOnly() {
    assertThat(has("maria", Gazetteer.FIRST_NAME)).isTrue();
    assertThat(gazetteer.placeTags(new String[] {"chicago"})[0]).isEqualTo((byte) 1);
    try {
      Gazetteer.hide(Set.of("maria", "chicago"));
      assertThat(has("maria", Gazetteer.FIRST_NAME)).isFalse();
      assertThat(gazetteer.placeTags(new String[] {"chicago"})[0]).isZero();
      assertThat(has("maria", Gazetteer.DICTIONARY_WORD)).isTrue(); // ordinary words are not hidden
    } finally {
      Gazetteer.hide(Set.of());
    }
    assertThat(has("maria", Gazetteer.FIRST_NAME)).isTrue();
  }

  /**
   * NerDetector decides on tokens whose letterless pieces ("123-45-6789") are still uncut; that is exact
   * only while no list entry is letterless (such a token could then be a name or a place).
   */
  @Test
  void noListedWordOrPlaceTokenIsWithoutALetter() {
    assertThat(gazetteer.entries().filter(w -> w.codePoints().noneMatch(Character::isLetter)))
        .as("entries without a letter").isEmpty();
    assertThat(gazetteer.entries().count()).isGreaterThan(100_000);
  }
  /** Numbers and punctuation skip the lookups; that is exact only while no list holds such a token. */
  @Test
  void plainAsciiTokensAreAnsweredWithoutLookupsAsTheListsWouldAnswer() {
    for (String token : new String[] {"2024", "555-0100", ".", "--", "#1", "(", "$9.99", "@", "[", "`", "{"}) {
      assertThat(Gazetteer.plainAscii(token)).as(token).isTrue();
      assertThat(gazetteer.flags(token)).as(token).isZero();
    }
    for (String token : new String[] {"a1", "Z", "3m", "é", "\u2160", "x-1", "ok"}) {
      assertThat(Gazetteer.plainAscii(token)).as(token).isFalse();
    }
    // A list entry that is plain ASCII would switch the shortcut off for every token: flags and places
    // are then looked up as before, so this checks that the shipped lists still let it apply.
    Gazetteer withPlain = new Gazetteer(Set.of("ana", "1234"), Set.of(), Set.of("42 street"));
    assertThat(withPlain.flags("1234") & Gazetteer.FIRST_NAME).isNotZero();
    assertThat(withPlain.placeTags(new String[] {"at", "42", "street"})).containsExactly(0, 1, 2);
    assertThat(gazetteer.placeTags(new String[] {"at", "2024", ".", "paris"})).containsExactly(0, 0, 0, 1);
  }
}
