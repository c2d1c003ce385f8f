package io.shroud.core.detect.ner;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Shroud's trained name finder (the maximum-entropy model inside {@code shroud-ner-en-1.bin}),
 * compiled ({@link CompiledMaxent}) with what {@link FastNameFinder} needs to know of its outcomes:
 * which are starts, continuations and "other", and of which entity type.
 *
 * <p>The model's feature descriptor is checked against the one {@link FastNameFinder} implements: a
 * retrained model with other features fails loudly here instead of scoring with the wrong features.
 * Immutable, loaded once per JVM, shared by all threads.
 */
final class CompiledNameModel {
  /** SHA-256 of the feature descriptor (train/ner-features.xml) the fast path reproduces. */
  static final String DESCRIPTOR_SHA256 = "879ee85d1aa2288e0296adc8a096dcf4c0f0bf5b40ab0d1801d00404e00f0515";

  final CompiledMaxent maxent;
  final String[] outcomes;
  /** Per outcome: 0 other, 1 start, 2 continue. */
  final byte[] kind;
  /** Per outcome: the entity type name ("person", ...), null for other. */
  final String[] type;

  CompiledNameModel(CompiledMaxent maxent) {
    this.maxent = maxent;
    this.outcomes = maxent.outcomes;
    this.kind = new byte[outcomes.length];
    this.type = new String[outcomes.length];
    for (int o = 0; o < outcomes.length; o++) {
      String name = outcomes[o];
      kind[o] = (byte) (name.endsWith("start") ? 1 : name.endsWith("cont") ? 2 : 0);
      int dash = name.lastIndexOf('-');
      type[o] = kind[o] != 0 && dash > 0 ? name.substring(0, dash) : null;
    }
  }

  static CompiledNameModel shared() {
    return Holder.MODEL;
  }

  private static final class Holder {
    static final CompiledNameModel MODEL = load(NerModels.NAME_MODEL);
  }

  static CompiledNameModel load(String resource) {
    return fromEntries(resource, CompiledMaxent.entries(resource));
  }

  /** The model from the entries of its file; {@code resource} only names it in errors. */
  static CompiledNameModel fromEntries(String resource, Map<String, byte[]> entries) {
    byte[] descriptor = entries.get("generator.featuregen");
    String digest = descriptor == null ? "none" : sha256(descriptor);
    if (!digest.equals(DESCRIPTOR_SHA256)) {
      throw new IllegalStateException("Cannot use NER model " + resource + ": its feature descriptor (sha256 "
          + digest + ") is not the one the fast name finder implements (" + DESCRIPTOR_SHA256 + ")");
    }
    return new CompiledNameModel(CompiledMaxent.fromEntry(resource, entries, "nameFinder.model"));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
