package io.shroud.core.utility;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;

/** Approximate distinct count (DataSketches HyperLogLog, about 1.6% error), mergeable and serializable. */
final class Distinct implements Serializable {
  private static final int LG_K = 12;
  private transient Union union = new Union(LG_K);

  void add(String value) {
    union.update(value);
  }

  void merge(Distinct other) {
    union.update(other.union.getResult());
  }

  long estimate() {
    return Math.round(union.getEstimate());
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    byte[] bytes = union.getResult().toCompactByteArray();
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    union = new Union(LG_K);
    union.update(HllSketch.heapify(bytes));
  }
}
