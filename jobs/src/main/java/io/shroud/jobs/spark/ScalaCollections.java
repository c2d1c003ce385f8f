package io.shroud.jobs.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Bridges the Scala collections Spark's rows hold for arrays and maps. */
final class ScalaCollections {
  private ScalaCollections() {}

  static List<Object> elements(Object array) {
    if (array instanceof Seq<?> seq) {
      return new ArrayList<>(CollectionConverters.asJava(seq));
    }
    if (array instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    throw new IllegalStateException("Cannot read an array value of class " + array.getClass().getName());
  }

  static Iterable<Object> mapValues(Object map) {
    return asJava(map).values();
  }

  @SuppressWarnings("unchecked")
  static Map<Object, Object> asJava(Object map) {
    if (map instanceof scala.collection.Map<?, ?> scalaMap) {
      return new LinkedHashMap<>(CollectionConverters.asJava((scala.collection.Map<Object, Object>) scalaMap));
    }
    if (map instanceof Map<?, ?> javaMap) {
      return new LinkedHashMap<>((Map<Object, Object>) javaMap);
    }
    throw new IllegalStateException("Cannot read a map value of class " + map.getClass().getName());
  }

  /** A Scala view of {@code list} (no copy): Spark's row encoder takes any scala.collection.Seq. */
  static Seq<Object> toSeq(List<Object> list) {
    return CollectionConverters.asScala(list);
  }

  static scala.collection.Map<Object, Object> toMap(Map<Object, Object> map) {
    return CollectionConverters.asScala(map);
  }
}
