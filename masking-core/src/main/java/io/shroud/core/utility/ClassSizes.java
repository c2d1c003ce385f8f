package io.shroud.core.utility;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Equivalence-class sizes in doubling buckets from k ([k, 2k), [2k, 4k), ...), with classes below k
 * (which a check of foreign data may find) in a bucket of their own.
 */
public final class ClassSizes {
  private ClassSizes() {}

  /**
   * One bucket.
   *
   * @param from smallest class size in the bucket
   * @param to largest class size in the bucket
   * @param classes classes in the bucket
   * @param records records in those classes
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Bucket(long from, long to, long classes, long records) implements Serializable {}

  /** Buckets for a histogram of class size to number of classes. */
  public static List<Bucket> bucket(Map<Long, Long> histogram, int k) {
    long largest = histogram.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
    List<Bucket> buckets = new ArrayList<>();
    if (largest == 0) {
      return buckets;
    }
    if (k > 1 && histogram.keySet().stream().anyMatch(size -> size < k)) {
      buckets.add(sum(histogram, 1, k - 1));
    }
    for (long from = Math.max(1, k); from <= largest; from *= 2) {
      buckets.add(sum(histogram, from, from * 2 - 1));
    }
    return buckets;
  }

  private static Bucket sum(Map<Long, Long> histogram, long from, long to) {
    long classes = 0;
    long records = 0;
    for (Map.Entry<Long, Long> e : histogram.entrySet()) {
      if (e.getKey() >= from && e.getKey() <= to) {
        classes += e.getValue();
        records += e.getKey() * e.getValue();
      }
    }
    return new Bucket(from, to, classes, records);
  }
}
