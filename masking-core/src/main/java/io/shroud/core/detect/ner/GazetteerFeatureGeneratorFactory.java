package io.shroud.core.detect.ner;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * Referenced by class name from the name finder model's feature descriptor, so the shipped model
 * computes the same dictionary features at run time as during training.
 */
public final class GazetteerFeatureGeneratorFactory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {
  /**
   * Set only by the trainer (its own JVM): hides the dictionary entries of a fixed 30% of names (chosen
   * by a hash of the word, so training stays deterministic). The model then also learns to find names
   * from context and shape, which is what it must do for names no dictionary holds.
   */
  private static volatile boolean trainingDropout;

  public static void enableTrainingDropout() {
    trainingDropout = true;
  }

  @Override
  public AdaptiveFeatureGenerator create() {
    return new GazetteerFeatures(Gazetteer.shared());
  }

  /**
   * Per token: dictionary membership of the token and of its neighbours (first name, last name,
   * title, organization word, common word, place begin/inside). One instance per name finder, so
   * the per-sentence cache needs no locking.
   */
  static final class GazetteerFeatures implements AdaptiveFeatureGenerator {
    private final Gazetteer gazetteer;
    private String[] cachedTokens;
    private int[] flags;
    private byte[] places;

    GazetteerFeatures(Gazetteer gazetteer) {
      this.gazetteer = gazetteer;
    }

    @Override
    public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
      if (tokens != cachedTokens) {
        String[] lower = new String[tokens.length];
        flags = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
          lower[i] = tokens[i].toLowerCase(Locale.ROOT);
          flags[i] = gazetteer.flags(lower[i]);
          if (trainingDropout && dropped(lower[i])) {
            flags[i] &= ~(Gazetteer.FIRST_NAME | Gazetteer.LAST_NAME);
          }
        }
        places = gazetteer.placeTags(lower);
        if (trainingDropout) {
          for (int i = 0; i < tokens.length; i++) {
            if (places[i] == 1 && dropped(lower[i])) {
              for (int j = i; j < tokens.length && (j == i || places[j] == 2); j++) {
                places[j] = 0;
              }
            }
          }
        }
        cachedTokens = tokens;
      }
      add(features, "g", index, tokens.length);
      add(features, "gp", index - 1, tokens.length);
      add(features, "gn", index + 1, tokens.length);
      add(features, "gpp", index - 2, tokens.length);
      features.add("gx=" + lexicalClass(flags[index]) + (places[index] != 0 ? "p" : "") + shape(tokens[index]));
    }

    /**
     * The token's dictionary memberships and shape as one value, so the model can weigh combinations:
     * "Smith" is an ordinary word and a last name, "Battery" an ordinary word only, a capitalised word
     * in no dictionary at all is most often a name.
     */
    /** C capitalised, U all capitals, l lower case, o anything else (digits, punctuation). */
    static char shape(String token) {
      int first = token.codePointAt(0);
      if (!Character.isLetter(first)) {
        return 'o';
      }
      if (Character.isLowerCase(first)) {
        return 'l';
      }
      for (int i = 1; i < token.length(); i++) {
        if (Character.isLowerCase(token.charAt(i))) {
          return 'C';
        }
      }
      return token.length() == 1 ? 'C' : 'U';
    }

    static String lexicalClass(int f) {
      return ((f & Gazetteer.FIRST_NAME) != 0 ? "f" : "") + ((f & Gazetteer.LAST_NAME) != 0 ? "l" : "")
          + ((f & Gazetteer.DICTIONARY_WORD) != 0 ? "d" : "") + ((f & Gazetteer.COMMON) != 0 ? "c" : "");
    }

    private static boolean dropped(String lowerToken) {
      CRC32 crc = new CRC32();
      crc.update(lowerToken.getBytes(StandardCharsets.UTF_8));
      return (crc.getValue() >>> 7) % 100 < 50;
    }

    private void add(List<String> features, String prefix, int i, int length) {
      if (i < 0 || i >= length) {
        return;
      }
      int f = flags[i];
      if ((f & Gazetteer.FIRST_NAME) != 0) {
        features.add(prefix + "=fn");
      }
      if ((f & Gazetteer.LAST_NAME) != 0) {
        features.add(prefix + "=ln");
      }
      if ((f & Gazetteer.TITLE) != 0) {
        features.add(prefix + "=ttl");
      }
      if ((f & Gazetteer.ORG_WORD) != 0) {
        features.add(prefix + "=org");
      }
      if ((f & Gazetteer.COMMON) != 0) {
        features.add(prefix + "=cw");
      }
      if ((f & Gazetteer.DICTIONARY_WORD) != 0) {
        features.add(prefix + "=dw");
      }
      if (places[i] == 1) {
        features.add(prefix + "=plb");
      } else if (places[i] == 2) {
        features.add(prefix + "=pli");
      }
    }
  }
}
