package io.shroud.core.utility;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The comparison on a synthetic sample masked by hand: kinds, shares, distributions, text, noise,
 * correlations; partitions merge to the same result; and no rare value reaches the result.
 */
class UtilityAccumulatorTest {
  private static final UtilityLayout LAYOUT = UtilityFixtures.LAYOUT;
  private static final String RARE_NAME = UtilityFixtures.RARE_NAME;
  private static final String OUTLIER = UtilityFixtures.OUTLIER;
  private static final int ROWS = UtilityFixtures.ROWS;

  private static String[][][] row(int i, Random random) {
    return UtilityFixtures.row(i, random);
  }

  private static UtilityFinisher.Result finish(int partitions) {
    return UtilityFixtures.finish(partitions);
  }

  private static Map<String, ColumnUtility> byName(UtilityFinisher.Result result) {
    return result.columns().stream().collect(Collectors.toMap(ColumnUtility::name, Function.identity()));
  }

  @Test
  void columnsAreComparedByKind() {
    UtilityFinisher.Result result = finish(1);
    Map<String, ColumnUtility> c = byName(result);
    assertThat(result.rows()).isEqualTo(new UtilityReport.RowPairs(ROWS - 1, 1, 0));
    assertThat(c.get("id").kind()).isEqualTo("category");
    assertThat(c.get("id").changedShare()).isEqualTo(1.0);
    assertThat(c.get("id").before().distinctApprox()).isBetween(1950L, 2050L);
    assertThat(c.get("id").categories().shown()).isEmpty();
    assertThat(c.get("name").categories().shown()).extracting(ColumnUtility.CategoryCount::value).containsExactly("<PERSON>");
    assertThat(c.get("name").categories().totalVariationDistance()).isEqualTo(1.0);

    ColumnUtility country = c.get("country");
    assertThat(country.changedShare()).isEqualTo(0.0);
    assertThat(country.categories().totalVariationDistance()).as("one row dropped after").isLessThan(0.001);
    assertThat(country.categories().topKOverlap()).isEqualTo(1.0);
    assertThat(country.categories().shown()).extracting(ColumnUtility.CategoryCount::value)
        .containsExactlyInAnyOrder("US", "GB", "DE");
    assertThat(country.categories().hiddenBefore()).as("Tuvalu: 4 rows, fewer than k").isEqualTo(1);

    ColumnUtility salary = c.get("salary");
    assertThat(salary.kind()).isEqualTo("number");
    assertThat(salary.numbers().before().mean()).isBetween(60_000.0, 70_000.0);
    assertThat(salary.numbers().before().quantiles()).containsOnlyKeys("p5", "p25", "p50", "p75", "p95");
    assertThat(salary.numbers().histogram().before().stream().mapToLong(Long::longValue).sum()).isEqualTo(ROWS);
    assertThat(salary.numbers().histogram().after().stream().mapToLong(Long::longValue).sum()).isEqualTo(ROWS - 1);
    assertThat(salary.numbers().histogramDistance()).isLessThan(0.1);
    assertThat(salary.paired().meanAbsoluteError()).isBetween(300.0, 500.0); // |N(0, 500)| has mean 399
    assertThat(salary.paired().correlation()).isGreaterThan(0.9);
    assertThat(c.get("bonus").paired()).as("unchanged: no noise to report").isNull();

    ColumnUtility signup = c.get("signup");
    assertThat(signup.kind()).isEqualTo("date");
    assertThat(signup.dates().resolutionKept()).isEqualTo("day -> quarter");
    assertThat(signup.dates().rangeBefore()).matches("2020-0[12] \\.\\. 202[34]-\\d\\d");
    assertThat(signup.paired().unit()).isEqualTo("days");
    assertThat(signup.paired().meanAbsoluteError()).isBetween(30.0, 60.0);

    ColumnUtility note = c.get("note");
    assertThat(note.kind()).isEqualTo("text");
    assertThat(note.text().untouchedShare()).isCloseTo(0.75, Offset.offset(0.001));
    assertThat(note.text().spansPer1000Tokens()).containsOnlyKeys("PERSON");
    assertThat(note.text().charactersMasked()).isBetween(0.05, 0.2);
    assertThat(note.text().lengths().before().stream().mapToLong(Long::longValue).sum()).isEqualTo(ROWS);

    assertThat(c.get("tags[]").before().values()).isEqualTo(2L * ROWS);
    assertThat(c.get("tags[]").before().nulls()).isEqualTo(ROWS / 2);
    assertThat(c.get("dropped_col").presence()).isEqualTo("before-only");
    assertThat(c.get("added_col").presence()).isEqualTo("after-only");

    UtilityReport.Correlations corr = result.correlations();
    assertThat(corr.columns()).containsExactly("salary", "bonus");
    assertThat(corr.before().get(0).get(0)).isEqualTo(1.0);
    assertThat(corr.before().get(0).get(1)).isEqualTo(corr.before().get(1).get(0));
    assertThat(corr.after().get(0).get(1)).as("small noise keeps it")
        .isCloseTo(corr.before().get(0).get(1), Offset.offset(0.05));
  }

  @Test
  void partitionsMergeToTheSameResult() {
    UtilityFinisher.Result one = finish(1);
    UtilityFinisher.Result seven = finish(7);
    assertThat(seven.columns()).usingRecursiveComparison().ignoringFieldsMatchingRegexes(".*distinctApprox")
        .isEqualTo(one.columns());
    assertThat(seven.correlations()).isEqualTo(one.correlations());
  }

  @Test
  void aRareValueNeverReachesTheResult() throws Exception {
    String json = new ObjectMapper().writeValueAsString(finish(3));
    assertThat(json).contains("<PERSON>").contains("\"US\"");
    assertThat(json).doesNotContain(RARE_NAME).doesNotContain("Zebulon").doesNotContain("Tuvalu")
        .doesNotContain("9876543").doesNotContain("9.876543").doesNotContain("9877000").doesNotContain("C100007");
  }

  @Test
  void partialResultsSurviveJavaSerialization() throws Exception {
    UtilityAccumulator acc = new UtilityAccumulator(LAYOUT);
    Random random = new Random(5);
    for (int i = 0; i < 50; i++) {
      String[][][] r = row(i, random);
      acc.addPair(r[0], r[1]);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(acc);
    }
    UtilityAccumulator copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (UtilityAccumulator) in.readObject();
    }
    assertThat(UtilityFinisher.finish(copy, 10, 5, true)).usingRecursiveComparison()
        .isEqualTo(UtilityFinisher.finish(acc, 10, 5, true));
  }

  @Test
  void unpairedSidesGiveDistributionsOnly() {
    UtilityAccumulator acc = new UtilityAccumulator(LAYOUT);
    Random random = new Random(5);
    for (int i = 0; i < 300; i++) {
      String[][][] r = row(i, random);
      acc.addSide(0, r[0]);
      acc.addSide(1, r[1]);
    }
    UtilityFinisher.Result result = UtilityFinisher.finish(acc, 10, 5, false);
    Map<String, ColumnUtility> c = byName(result);
    assertThat(result.rows()).isNull();
    assertThat(c.get("country").changedShare()).isNull();
    assertThat(c.get("country").categories().totalVariationDistance()).isEqualTo(0.0);
    assertThat(c.get("note").text().untouchedShare()).isNull();
    assertThat(c.get("note").text().spansPer1000Tokens()).containsKey("PERSON");
  }
}
