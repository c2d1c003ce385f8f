package io.shroud.core.detect.ner;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the NER pipeline knows about one token string, worked out once and reused wherever the same
 * word appears again: its lower-case form, its dictionary flags and, on first use by the name finder,
 * the model's features for it already resolved to weight indices ({@link FastNameFinder}).
 */
final class TokenInfo {
  final String text;
  /** {@code text.toLowerCase(Locale.ROOT)}: the form the dictionaries use. */
  final String lower;
  final int flags;
  /**
   * The name model's weights of the features that depend on this token alone, summed per outcome for
   * each place it can take around a scored position (see {@link FastNameFinder}); null until needed.
   */
  double[] roles;
  /** Index of the token's OpenNLP word class, set with {@link #roles}. */
  int wordClass;
  /** The POS model's context indices of this token's features ({@link CompiledPosTagger}); null until needed. */
  int[] posFeatures;

  TokenInfo(String text, Gazetteer gazetteer) {
    this.text = text;
    this.lower = Gazetteer.plainAscii(text) ? text : text.toLowerCase(Locale.ROOT);
    this.flags = gazetteer.flags(lower);
  }

  /**
   * Token strings to their info, per detector instance (so per thread and task) and bounded: words of
   * cell text are kept only while the task that scans them runs, and never leave the JVM.
   */
  static final class Table {
    static final int MAX_ENTRIES = 20_000;

    private final Gazetteer gazetteer;
    private final Map<String, TokenInfo> known = new HashMap<>();

    Table(Gazetteer gazetteer) {
      this.gazetteer = gazetteer;
    }

    TokenInfo get(String token) {
      TokenInfo info = known.get(token);
      if (info == null) {
        info = new TokenInfo(token, gazetteer);
        if (known.size() < MAX_ENTRIES && TokenSplitter.worthRemembering(token)) {
          known.put(token, info);
        }
      }
      return info;
    }

    TokenInfo[] of(String[] tokens) {
      TokenInfo[] infos = new TokenInfo[tokens.length];
      for (int i = 0; i < tokens.length; i++) {
        infos[i] = get(tokens[i]);
      }
      return infos;
    }
  }
}
