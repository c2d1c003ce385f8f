package io.shroud.core.utility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** A synthetic sample masked by hand, with a rare name, a rare country and an outlier salary. */
public final class UtilityFixtures {
  static final List<String> NAMES = List.of("id", "name", "salary", "bonus", "country", "signup", "note",
      "tags[]", "dropped_col", "added_col");
  static final UtilityLayout LAYOUT = new UtilityLayout(NAMES,
      List.of(true, true, true, true, true, true, true, false, true, true),
      List.of(true, true, true, true, true, true, true, true, true, false),
      List.of(true, true, true, true, true, true, true, true, false, true));
  static final String RARE_NAME = "Zebulon Quaxworth";
  static final String OUTLIER = "9876543.21";
  static final int ROWS = 2000;

  /** Row i before and after masking: ids hashed, names redacted, salary perturbed, dates generalized, notes masked. */
  static String[][][] row(int i, Random random) {
    String name = i == 7 ? RARE_NAME : List.of("Ann Lee", "Bo Chen", "Cy Diaz").get(i % 3);
    double base = 30_000 + random.nextInt(60_000);
    String salary = i == 11 ? OUTLIER : String.format(Locale.ROOT, "%.2f", base);
    String bonus = String.valueOf((long) (base / 10) + random.nextInt(100));
    String country = i % 500 == 3 ? "Tuvalu" : List.of("US", "GB", "DE").get(i % 3);
    LocalDate day = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1500));
    String note = i % 4 == 0 ? "Spoke with " + name + " about order " + (1000 + i) : "No personal data in this note";
    String[][] before = {
      {"C" + (100_000 + i)}, {name}, {salary}, {bonus}, {country}, {day.toString()}, {note},
      {"red", i % 2 == 0 ? "blue" : null}, {"x"}, null};
    String maskedSalary = i == 11 ? OUTLIER : String.format(Locale.ROOT, "%.2f", base + random.nextGaussian() * 500);
    String quarter = day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    String[][] after = {
      {Integer.toHexString(("C" + i).hashCode())}, {"<PERSON>"}, {maskedSalary}, {bonus}, {country}, {quarter},
      {note.replace(name, "<PERSON>")}, {"red", i % 2 == 0 ? "blue" : null}, null, {"y"}};
    return new String[][][] {before, after};
  }

  static UtilityFinisher.Result finish(int partitions) {
    List<UtilityAccumulator> parts = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      parts.add(new UtilityAccumulator(LAYOUT));
    }
    Random random = new Random(5);
    for (int i = 0; i < ROWS; i++) {
      String[][][] r = row(i, random);
      parts.get(i * partitions / ROWS).addPair(r[0], i == 5 ? null : r[1]); // row 5: suppressed and dropped
    }
    UtilityAccumulator merged = new UtilityAccumulator(LAYOUT);
    parts.forEach(merged::merge);
    return UtilityFinisher.finish(merged, 10, 5, true);
  }

  /** A computed report over the fixture, as a sanitize run would build it. */
  public static UtilityReport report() {
    UtilityFinisher.Result r = finish(2);
    return new UtilityReport(UtilityReport.COMPUTED, null, "sanitize", 40_000L, r.rowsBefore(), r.rowsAfter(),
        "uniform random sample", "paired", 10, "default", 1234L, r.rows(), r.columns(), r.correlations(),
        new UtilityReport.QuasiIdentifierUtility("the search", "entropy", 1234.5, Map.of("entropy", 1234.5),
            10, 1, 2000, 40, "quasi-identifiers set to *", 60, 12,
            List.of(new UtilityReport.Level("age", 2, 4, "ranges of width 10")),
            ClassSizes.bucket(Map.of(12L, 30L, 25L, 20L, 70L, 10L), 10)),
        List.of("a note with <angle> brackets"));
  }

  private UtilityFixtures() {}
}
