package io.shroud.jobs.spark;

import java.util.function.Predicate;
import org.apache.spark.sql.Row;
import scala.Tuple2;
import scala.collection.Iterator;
import scala.collection.Map;
import scala.collection.Seq;

/**
 * Walks the leaf values of a row as Spark hands it over: through nested structs, arrays and maps (Scala
 * ones, and Java ones a row built in code may hold), in place, without copying a collection per row.
 */
final class RowLeaves {
  private RowLeaves() {}

  /**
   * Offers every leaf (strings, numbers, binary values, nulls; map keys too) to {@code stop} until it
   * answers true; whether it did.
   */
  static boolean anyLeaf(Object value, Predicate<Object> stop) {
    if (value == null || value instanceof String) {
      // Most leaves: one class compare instead of five interface checks that a string fails one by one.
      return stop.test(value);
    }
    if (value instanceof Row row) {
      for (int i = 0; i < row.length(); i++) {
        if (anyLeaf(row.get(i), stop)) {
          return true;
        }
      }
      return false;
    }
    if (value instanceof Map<?, ?> map) {
      Iterator<? extends Tuple2<?, ?>> entries = map.iterator();
      while (entries.hasNext()) {
        Tuple2<?, ?> entry = entries.next();
        if (anyLeaf(entry._1(), stop) || anyLeaf(entry._2(), stop)) {
          return true;
        }
      }
      return false;
    }
    if (value instanceof Seq<?> seq) {
      Iterator<?> elements = seq.iterator();
      while (elements.hasNext()) {
        if (anyLeaf(elements.next(), stop)) {
          return true;
        }
      }
      return false;
    }
    if (value instanceof java.util.Map<?, ?> map) {
      for (java.util.Map.Entry<?, ?> entry : map.entrySet()) {
        if (anyLeaf(entry.getKey(), stop) || anyLeaf(entry.getValue(), stop)) {
          return true;
        }
      }
      return false;
    }
    if (value instanceof Iterable<?> elements) {
      for (Object element : elements) {
        if (anyLeaf(element, stop)) {
          return true;
        }
      }
      return false;
    }
    return stop.test(value);
  }
}
