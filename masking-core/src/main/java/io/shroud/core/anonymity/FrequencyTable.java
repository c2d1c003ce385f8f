package io.shroud.core.anonymity;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Distinct quasi-identifier tuples at level 0 with their record counts (and sensitive values).
 *
 * <p>This is all the search ever sees: raw rows are aggregated into it first (e.g. by a Spark
 * group-by), so search cost depends on the number of distinct tuples, not on the number of rows.
 * QI values may be null (treated as a value of their own, generalized to "*" at any level > 0).
 */
public final class FrequencyTable implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> attributes;
  private final Map<Tuple, Entry> entries = new LinkedHashMap<>();
  private long records;

  /** QI names, in order. */
  public FrequencyTable(List<String> attributes) {
    Objects.requireNonNull(attributes, "attributes");
    if (attributes.isEmpty()) {
      throw new IllegalArgumentException("Invalid frequency table: needs at least one quasi-identifier");
    }
    this.attributes = List.copyOf(attributes);
  }

  /** May be called repeatedly for the same tuple (counts add). */
  public void add(String[] qiValues, long count) {
    entryFor(qiValues, count).recordsWithoutSensitive += count;
    records += count;
  }

  /** With one sensitive attribute value (for l-diversity); the same tuple may come with several. */
  public void add(String[] qiValues, long count, String sensitiveValue) {
    Entry entry = entryFor(qiValues, count);
    if (sensitiveValue == null) {
      entry.recordsWithoutSensitive += count;
    } else {
      entry.sensitive.add(sensitiveValue);
    }
    if (sensitiveValue != null) {
      entry.recordsWithSensitive += count;
    }
    records += count;
  }

  /** Adds all tuples of another table with the same attributes (e.g. per-partition tables). */
  public void addAll(FrequencyTable other) {
    if (!attributes.equals(other.attributes)) {
      throw new IllegalArgumentException("Cannot merge frequency tables with attributes " + attributes
          + " and " + other.attributes);
    }
    other.entries.forEach((tuple, entry) -> {
      Entry mine = entries.computeIfAbsent(tuple, t -> new Entry());
      mine.recordsWithoutSensitive += entry.recordsWithoutSensitive;
      mine.recordsWithSensitive += entry.recordsWithSensitive;
      mine.sensitive.addAll(entry.sensitive);
    });
    records += other.records;
  }

  public long records() {
    return records;
  }

  public int distinctTuples() {
    return entries.size();
  }

  public List<String> attributes() {
    return attributes;
  }

  /** Records added without a sensitive value (they make l-diversity impossible to check). */
  long recordsWithoutSensitive() {
    long total = 0;
    for (Entry entry : entries.values()) {
      total += entry.recordsWithoutSensitive;
    }
    return total;
  }

  /** Visits each distinct tuple with its record count and distinct sensitive values. */
  void forEach(TupleVisitor visitor) {
    entries.forEach((tuple, entry) -> visitor.visit(tuple.values, entry.records(), entry.sensitive));
  }

  interface TupleVisitor {
    void visit(String[] qiValues, long count, Set<String> sensitiveValues);
  }

  private Entry entryFor(String[] qiValues, long count) {
    Objects.requireNonNull(qiValues, "qiValues");
    if (qiValues.length != attributes.size()) {
      throw new IllegalArgumentException("Invalid QI tuple: expected " + attributes.size() + " values "
          + attributes + ", got " + qiValues.length);
    }
    if (count < 1) {
      throw new IllegalArgumentException("Invalid count " + count + ": must be >= 1");
    }
    return entries.computeIfAbsent(new Tuple(qiValues.clone()), t -> new Entry());
  }

  /** A QI tuple as a hash key. */
  static final class Tuple implements Serializable {
    private static final long serialVersionUID = 1L;
    final String[] values;
    private final int hash;

    Tuple(String[] values) {
      this.values = values;
      this.hash = Arrays.hashCode(values);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Tuple tuple && hash == tuple.hash && Arrays.equals(values, tuple.values);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private static final class Entry implements Serializable {
    private static final long serialVersionUID = 1L;
    long recordsWithoutSensitive;
    long recordsWithSensitive;
    final Set<String> sensitive = new HashSet<>();

    long records() {
      return recordsWithoutSensitive + recordsWithSensitive;
    }
  }
}
