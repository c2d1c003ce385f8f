package io.shroud.core.detect.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.ext.ExtensionLoader;

/**
 * The OpenNLP models, each loaded once per JVM on first use (class-holder idiom: lazy and
 * thread-safe without locks) and shared by all threads; the models are immutable, only the *ME
 * taggers built from them hold per-thread state. Never serialized: Spark tasks carry settings, and
 * each executor JVM loads the models from the classpath.
 */
public final class NerModels {
  /** Apache OpenNLP UD English EWT models, from Maven Central (opennlp-models-*-en 1.3.0). */
  static final String SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
  static final String TOKEN_MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
  static final String POS_MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
  /** Shroud's own name finder (scripts/train-ner); the version is part of the name. */
  public static final String NAME_MODEL = Gazetteer.RESOURCES + "shroud-ner-en-1.bin";

  private NerModels() {}

  public static SentenceModel sentences() {
    return Sentences.MODEL;
  }

  public static TokenizerModel tokens() {
    return Tokens.MODEL;
  }

  public static POSModel partsOfSpeech() {
    return PartsOfSpeech.MODEL;
  }

  public static TokenNameFinderModel names() {
    return Names.MODEL;
  }

  private static final class Sentences {
    static final SentenceModel MODEL = load(SENTENCE_MODEL, SentenceModel::new);
  }

  private static final class Tokens {
    static final TokenizerModel MODEL = load(TOKEN_MODEL, TokenizerModel::new);
  }

  private static final class PartsOfSpeech {
    static final POSModel MODEL = load(POS_MODEL, POSModel::new);
  }

  private static final class Names {
    static {
      allowShroudFeatures();
    }

    static final TokenNameFinderModel MODEL = load(NAME_MODEL, TokenNameFinderModel::new);
  }

  /**
   * OpenNLP instantiates feature generators named in a model only from allowed packages; the
   * shipped model names {@link GazetteerFeatureGeneratorFactory}.
   */
  public static void allowShroudFeatures() {
    ExtensionLoader.registerAllowedPackage(GazetteerFeatureGeneratorFactory.class.getPackageName());
  }

  private interface Reader<T> {
    T read(InputStream in) throws IOException;
  }

  private static <T> T load(String resource, Reader<T> reader) {
    try (InputStream in = NerModels.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Cannot find NER model " + resource + " on the classpath");
      }
      return reader.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load NER model " + resource, e);
    }
  }
}
