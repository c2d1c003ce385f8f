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

/**
 * What a masking batch learns of a row as it reads it: its size (text at every depth, one more per
 * value) and whether any of its text, at any depth, holds U+FFFD.
 */
class RowTallyTest {
  @Test
  void flatRowCountsItsStringsAndOnePerValue() {
    Row row = RowFactory.create("abc", null, 42, "");

    assertThat(chars(row)).isEqualTo((3 + 1) + 1 + 1 + (0 + 1));
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
    assertThat(chars(row)).isEqualTo((2 + 1) + turnChars + metaChars);
  }

  @Test
  void binaryValuesCountHalfTheirBytes() {
    Row row = RowFactory.create("id", new byte[4_000_000]);

    assertThat(chars(row)).isEqualTo((2 + 1) + 2_000_000 + 1);
  }

  @Test
  void javaCollectionsInARowCountLikeScalaOnes() {
    Row scala = RowFactory.create(CollectionConverters.asScala(List.<Object>of("a", "bb")));
    Row java = RowFactory.create(List.of("a", "bb"));

    assertThat(chars(java)).isEqualTo(chars(scala)).isEqualTo(5);
  }

  @Test
  void replacementCharacterAnywhereMarksTheRowUndecodable() {
    Row flat = RowFactory.create("ok", "M\uFFFDlaga", 3);
    Row nested = RowFactory.create("c1", CollectionConverters.asScala(
        List.<Object>of(RowFactory.create("user", "fine"), RowFactory.create("bot", "caf\uFFFD"))));
    Row mapKey = RowFactory.create(CollectionConverters.asScala(Map.<Object, Object>of("k\uFFFD", 1)));
    Row clean = RowFactory.create("M\u00e1laga", CollectionConverters.asScala(List.<Object>of("\u00fcber", "x")), null);
    RowTally tally = new RowTally(true);

    assertThat(tally.of(flat).undecodable()).isTrue();
    assertThat(tally.of(nested).undecodable()).isTrue();
    assertThat(tally.of(mapKey).undecodable()).isTrue();
    assertThat(tally.of(clean).undecodable()).isFalse();
    assertThat(tally.chars()).isEqualTo((6 + 1) + (4 + 1) + (1 + 1) + 1);
  }

  @Test
  void encodingIsNotCheckedWhenTheInputNamedItsOwn() {
    Row row = RowFactory.create("M\uFFFDlaga");

    assertThat(new RowTally(false).of(row).undecodable()).isFalse();
    assertThat(new RowTally(false).of(row).chars()).isEqualTo(6 + 1);
  }

  private static long chars(Row row) {
    return new RowTally(false).of(row).chars();
  }
}
