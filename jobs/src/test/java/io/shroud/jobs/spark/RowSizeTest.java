package io.shroud.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/** What a masking batch counts a row as: its text at every depth, one more per value. */
class RowSizeTest {
  @Test
  void flatRowCountsItsStringsAndOnePerValue() {
    Row row = RowFactory.create("abc", null, 42, "");

    assertThat(RowSize.chars(row)).isEqualTo((3 + 1) + 1 + 1 + (0 + 1));
  }

  @Test
  void nestedStructsArraysAndMapsCountEveryString() {
    List<Object> turns = Arrays.asList(RowFactory.create("user", "hello there"), RowFactory.create("bot", "hi"), null);
    Map<Object, Object> meta = new LinkedHashMap<>();
    meta.put("lang", "en");
    meta.put("n", 7);
    Row row = RowFactory.create("c1", CollectionConverters.asScala(turns), CollectionConverters.asScala(meta));

    long turnChars = (4 + 1) + (11 + 1) + (3 + 1) + (2 + 1) + 1;
    long metaChars = (4 + 1) + (2 + 1) + (1 + 1) + 1;
    assertThat(RowSize.chars(row)).isEqualTo((2 + 1) + turnChars + metaChars);
  }

  @Test
  void binaryValuesCountHalfTheirBytes() {
    Row row = RowFactory.create("id", new byte[4_000_000]);

    assertThat(RowSize.chars(row)).isEqualTo((2 + 1) + 2_000_000 + 1);
  }

  @Test
  void javaCollectionsInARowCountLikeScalaOnes() {
    Row scala = RowFactory.create(CollectionConverters.asScala(List.<Object>of("a", "bb")));
    Row java = RowFactory.create(List.of("a", "bb"));

    assertThat(RowSize.chars(java)).isEqualTo(RowSize.chars(scala)).isEqualTo(5);
  }
}
