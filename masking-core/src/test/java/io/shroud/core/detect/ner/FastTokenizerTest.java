package io.shroud.core.detect.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class FastTokenizerTest {
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String PUNCTUATION = ".-_+@:/?=&;#%'\"()[],!";

  /** Unique pieces of the kinds whose cuts the window memory answers: addresses, handles, links, codes. */
  private static List<String> pieces() {
    Random random = new Random(20261207L);
    List<String> pieces = new ArrayList<>();
    String[] domains = {"example.com", "mail.example.net", "corp.example.co.uk", "example.org."};
    for (int i = 0; i < 1_500; i++) {
      String user = word(random, 3 + random.nextInt(9)) + (random.nextBoolean() ? "." + word(random, 2 + random.nextInt(7)) : "")
          + (random.nextInt(3) == 0 ? Integer.toString(random.nextInt(100)) : "");
      String domain = domains[random.nextInt(domains.length)];
      pieces.add(switch (i % 6) {
        case 0 -> user + "@" + domain;
        case 1 -> "<" + user + "@" + domain + ">,";
        case 2 -> "@" + user + (random.nextBoolean() ? ":" : "");
        case 3 -> "https://" + domain + "/" + word(random, 5) + "?id=" + random.nextInt(100_000);
        case 4 -> "&" + word(random, 2 + random.nextInt(5)) + ";";
        default -> mixed(random, 4 + random.nextInt(30));
      });
    }
    // Non-ASCII characters in and next to the window, and U+0080 (one past the memory's ASCII range).
    pieces.addAll(List.of("josé.núñez@example.es", "müller@example.de.", "\u0080a@b.c\u0080", "a\u0080b",
        "ÆØÅ-code@ex.no", "x@y", "ab", "a.", "(a)", "&amp;", "&#160;"));
    return pieces;
  }

  private static String word(Random random, int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append(LETTERS.charAt(random.nextInt(26 + (i == 0 ? 26 : 10))));
    }
    return sb.toString();
  }

  private static String mixed(Random random, int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append(random.nextInt(4) == 0 ? PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length()))
          : LETTERS.charAt(random.nextInt(LETTERS.length())));
    }
    return sb.toString();
  }

  private static int[] cutsOf(Span[] spans, int length) {
    if (spans.length == 1 && spans[0].getStart() == 0 && spans[0].getEnd() == length) {
      return TokenSplitter.WHOLE;
    }
    int[] cuts = new int[2 * spans.length];
    for (int i = 0; i < spans.length; i++) {
      cuts[2 * i] = spans[i].getStart();
      cuts[2 * i + 1] = spans[i].getEnd();
    }
    return cuts;
  }

  @Test
  void cutsExactlyAsTokenizerMEWithDecisionsRememberedPerWindow() {
    TokenizerME reference = new TokenizerME(NerModels.tokens());
    FastTokenizer fast = new FastTokenizer();
    List<String> pieces = pieces();
    for (int round = 0; round < 2; round++) { // the second round answers mostly from the window memory
      for (String piece : pieces) {
        assertThat(fast.cuts(piece)).as(piece).containsExactly(cutsOf(reference.tokenizePos(piece), piece.length()));
      }
    }
    assertThat(fast.rememberedWindows()).isBetween(500, WindowMemo.CAPACITY);
  }

  @Test
  void aWindowWithACharacterBeyondAsciiIsNeverRemembered() {
    assertThat(WindowMemo.key("ab\u0080d", 2, false)).isEqualTo(-1);
    assertThat(WindowMemo.key("a\u0080", 1, false)).isEqualTo(-1);
    assertThat(WindowMemo.key("\u0080bcd", 2, false)).isEqualTo(-1);
    assertThat(WindowMemo.key("ébcd", 3, false)).isNotEqualTo(-1); // é is outside this window
    // The edges of the piece are not characters: "ab" at 1 differs from "xab" at 2 and "abx" at 1.
    assertThat(WindowMemo.key("ab", 1, false)).isNotEqualTo(WindowMemo.key("xab", 2, false))
        .isNotEqualTo(WindowMemo.key("abx", 1, false)).isNotEqualTo(WindowMemo.key("ab", 1, true));
  }

  @Test
  void aFullMemoryStillAnswersButTakesNoMore() {
    WindowMemo memo = new WindowMemo();
    for (long key = 0; key < WindowMemo.CAPACITY; key++) {
      memo.put(key, key % 3 == 0);
    }
    assertThat(memo.size()).isEqualTo(WindowMemo.CAPACITY / 4 * 3);
    assertThat(memo.get(0)).isEqualTo(1);
    assertThat(memo.get(1)).isEqualTo(0);
    assertThat(memo.get(WindowMemo.CAPACITY - 1)).isEqualTo(-1);
  }
}
