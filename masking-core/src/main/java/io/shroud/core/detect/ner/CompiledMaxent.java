package io.shroud.core.detect.ner;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.GenericModelReader;

/**
 * An OpenNLP maximum-entropy (GIS) model compiled for evaluation without strings: every feature
 * name is replaced by its 64-bit {@link FeatureHash} in an open-addressing table, and the weights are
 * flat arrays. A caller that emits the same features as OpenNLP's context generator, as hashes and in
 * the same order, and sums them with {@link #add} gets OpenNLP's probabilities bit for bit
 * ({@link #normalise} is GISModel.eval's last step). Immutable; shared by all threads.
 */
final class CompiledMaxent {
  final String[] outcomes;
  final double logPrior;
  private final long[] keys;
  private final int[] values;
  private final int mask;
  /**
   * A Bloom filter of the model's feature hashes (two bits each, in one 64-bit word; 3–6% of unknown
   * features pass it with the shipped models): most features a text produces are unknown to the model
   * (rare words, numbers), and this small array, unlike the table, stays in the processor's caches, so an
   * unknown feature costs one memory access.
   */
  private final long[] bloom;
  private final int bloomMask;
  /** Context c's weights are outcomeIds/weights[offsets[c] .. offsets[c + 1]). */
  private final int[] offsets;
  private final int[] outcomeIds;
  private final double[] weights;

  CompiledMaxent(AbstractModel model) {
    Object[] data = model.getDataStructures();
    @SuppressWarnings("unchecked")
    Map<String, Context> pmap = (Map<String, Context>) data[1];
    this.outcomes = ((String[]) data[2]).clone();
    this.logPrior = StrictMath.log(1.0 / outcomes.length);
    int capacity = Integer.highestOneBit(Math.max(16, pmap.size() * 2)) << 1;
    this.keys = new long[capacity];
    this.values = new int[capacity];
    Arrays.fill(values, -1);
    this.mask = capacity - 1;
    int total = 0;
    for (Context c : pmap.values()) {
      total += c.getOutcomes().length;
    }
    int filterBits = Integer.highestOneBit(Math.max(1 << 10, pmap.size() * 6)) << 1;
    this.bloom = new long[filterBits / 64];
    this.bloomMask = bloom.length - 1;
    this.offsets = new int[pmap.size() + 1];
    this.outcomeIds = new int[total];
    this.weights = new double[total];
    int index = 0;
    int at = 0;
    for (Map.Entry<String, Context> e : pmap.entrySet()) {
      long key = FeatureHash.of(e.getKey());
      int slot = (int) key & mask;
      while (values[slot] >= 0) {
        if (keys[slot] == key) {
          throw new IllegalStateException("Cannot compile an NER model: two of its features share a hash");
        }
        slot = (slot + 1) & mask;
      }
      keys[slot] = key;
      values[slot] = index;
      bloom[bloomWord(key)] |= bloomBits(key);
      offsets[index] = at;
      int[] ids = e.getValue().getOutcomes();
      System.arraycopy(ids, 0, outcomeIds, at, ids.length);
      System.arraycopy(e.getValue().getParameters(), 0, weights, at, ids.length);
      at += ids.length;
      index++;
    }
    offsets[index] = at;
  }

  int outcomeCount() {
    return outcomes.length;
  }

  int outcome(String name) {
    for (int o = 0; o < outcomes.length; o++) {
      if (outcomes[o].equals(name)) {
        return o;
      }
    }
    throw new IllegalStateException("Cannot use an NER model without the outcome '" + name + "'");
  }

  /**
   * The filter's word for a hash: both of a hash's bits lie in one 64-bit word, so an unknown feature
   * costs one memory access, not two (the name model's filter is 512 KB, as large as a core's L2 cache).
   * Its bits come from the high end of the hash, the table's slot from the low end.
   */
  private int bloomWord(long key) {
    return (int) (key >>> 40) & bloomMask;
  }

  private static long bloomBits(long key) {
    return 1L << (key >>> 28) | 1L << (key >>> 34);
  }

  /** The context index of a feature hash, or -1 when the model has no such feature. */
  int lookup(long key) {
    long bits = bloomBits(key);
    if ((bloom[bloomWord(key)] & bits) != bits) {
      return -1;
    }
    int slot = (int) key & mask;
    while (true) {
      int v = values[slot];
      if (v < 0 || keys[slot] == key) {
        return v;
      }
      slot = (slot + 1) & mask;
    }
  }

  int lookup(String feature) {
    return lookup(FeatureHash.of(feature));
  }

  /** Starts a sum: every outcome at the uniform prior, as GISModel does. */
  void prior(double[] sum) {
    Arrays.fill(sum, 0, outcomes.length, logPrior);
  }

  /** Adds {@code vector} (a sum of features' weights per outcome) to the sum. */
  void addVector(double[] sum, double[] vector, int from) {
    for (int o = 0; o < outcomes.length; o++) {
      sum[o] += vector[from + o];
    }
  }

  /** Adds one feature's weights into {@code sum} starting at {@code from} (nothing for -1). */
  void add(double[] sum, int from, int context) {
    if (context < 0) {
      return;
    }
    for (int k = offsets[context], end = offsets[context + 1]; k < end; k++) {
      sum[from + outcomeIds[k]] += weights[k];
    }
  }

  /** Adds one feature's weights (nothing for -1, a feature the model does not know). */
  void add(double[] sum, int context) {
    if (context < 0) {
      return;
    }
    for (int k = offsets[context], end = offsets[context + 1]; k < end; k++) {
      sum[outcomeIds[k]] += weights[k];
    }
  }

  /** Exponentiates and normalises the sums into probabilities (GISModel.eval). */
  void normalise(double[] sum) {
    double normal = 0.0;
    for (int o = 0; o < outcomes.length; o++) {
      sum[o] = StrictMath.exp(sum[o]);
      normal += sum[o];
    }
    for (int o = 0; o < outcomes.length; o++) {
      sum[o] /= normal;
    }
  }

  /** The entries of an OpenNLP model file (a zip) read from the classpath, by name. */
  static Map<String, byte[]> entries(String resource) {
    try (InputStream in = CompiledMaxent.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Cannot find NER model " + resource + " on the classpath");
      }
      ZipInputStream zip = new ZipInputStream(in);
      Map<String, byte[]> entries = new HashMap<>();
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.put(entry.getName(), zip.readAllBytes());
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load NER model " + resource, e);
    }
  }

  /** Compiles the maxent model stored in entry {@code name} of an OpenNLP model file. */
  static CompiledMaxent fromEntry(String resource, Map<String, byte[]> entries, String name) {
    byte[] bytes = entries.get(name);
    if (bytes == null) {
      throw new IllegalStateException("Cannot load NER model " + resource + ": it has no " + name);
    }
    try {
      return new CompiledMaxent(new GenericModelReader(new BinaryFileDataReader(new ByteArrayInputStream(bytes)))
          .getModel());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load NER model " + resource, e);
    }
  }
}
