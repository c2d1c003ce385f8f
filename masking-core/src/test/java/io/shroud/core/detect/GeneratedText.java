package io.shroud.core.detect;

import java.util.Random;

/** Texts for the differential tests: a few pieces drawn at random and joined. */
public final class GeneratedText {
  private GeneratedText() {}

  /** One to {@code maxPieces} pieces of {@code pieces}, drawn with {@code random}, joined without separators. */
  public static String of(Random random, String[] pieces, int maxPieces) {
    StringBuilder text = new StringBuilder();
    for (int p = 1 + random.nextInt(maxPieces); p > 0; p--) {
      text.append(pieces[random.nextInt(pieces.length)]);
    }
    return text.toString();
  }
}
