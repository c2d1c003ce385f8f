package io.shroud.core.detect.ner;

/**
 * A 64-bit hash of a feature string fed piece by piece, so a feature such as {@code "p1w=" + word}
 * is looked up without ever being built as a {@link String}. FNV-1a over UTF-16 units, finished with
 * MurmurHash3's 64-bit mixer. Hashing the pieces of a string equals hashing the whole string, which
 * is how the model's own feature names are indexed at load time.
 */
final class FeatureHash {
  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private FeatureHash() {}

  static long start() {
    return OFFSET;
  }

  static long add(long h, char c) {
    return (h ^ c) * PRIME;
  }

  static long add(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * PRIME;
    }
    return h;
  }

  static long add(long h, String s, int from, int to) {
    for (int i = from; i < to; i++) {
      h = (h ^ s.charAt(i)) * PRIME;
    }
    return h;
  }

  static long finish(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  static long of(String s) {
    return finish(add(start(), s));
  }
}
