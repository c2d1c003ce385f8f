package io.shroud.core.utility;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the merged {@link UtilityAccumulator} into aggregates, applying {@link Disclosure}'s rules:
 * each column's kind, summaries, histograms, top values, ranges, text shares and paired changes;
 * correlations between number columns. Runs where the sample's values are (one Spark task), so
 * only its {@link Result} travels.
 */
public final class UtilityFinisher {
  private static final int HISTOGRAM_BINS = 20;
  /** A column whose values average at least this many tokens is free text. */
  private static final double TEXT_TOKENS = 3;
  /** Share of values that must read as dates (or numbers) for the column to count as such. */
  private static final double KIND_SHARE = 0.95;
  /** A matrix of n columns has n(n-1)/2 cells per side; the first this many number columns are shown. */
  public static final int MAX_CORRELATION_COLUMNS = 12;

  private final UtilityAccumulator acc;
  private final int k;
  private final int top;
  private final Set<String> shuffled;

  private UtilityFinisher(UtilityAccumulator acc, int k, int top, Set<String> shuffled) {
    this.acc = acc;
    this.k = k;
    this.top = top;
    this.shuffled = shuffled;
  }

  /**
   * Aggregates only.
   *
   * @param columns per column
   * @param correlations number columns' correlations, or null with fewer than two
   * @param rows how rows paired, or null when they were not paired
   * @param rowsBefore sampled rows before
   * @param rowsAfter sampled rows after
   * @param notes limits the reader should know
   */
  public record Result(List<ColumnUtility> columns, UtilityReport.Correlations correlations, UtilityReport.RowPairs rows,
      long rowsBefore, long rowsAfter, List<String> notes) implements Serializable {}

  /** @param paired whether rows were paired (row-level results), or each side counted alone */
  public static Result finish(UtilityAccumulator acc, int k, int top, boolean paired) {
    return finish(acc, k, top, paired, Set.of());
  }

  /**
   * @param shuffled columns whose after values were seen before a shuffle across rows: their
   *     distribution is compared, their pairing is not (it is broken by design)
   */
  public static Result finish(UtilityAccumulator acc, int k, int top, boolean paired, Set<String> shuffled) {
    return new UtilityFinisher(acc, k, top, shuffled).result(paired);
  }

  private Result result(boolean paired) {
    UtilityLayout layout = acc.layout();
    List<ColumnUtility> columns = new ArrayList<>();
    List<Integer> numberColumns = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (int id = 0; id < layout.size(); id++) {
      SideAccumulator before = acc.sides[0][id];
      SideAccumulator after = acc.sides[1][id];
      SideAccumulator primary = before != null ? before : after;
      String kind = kind(primary);
      if (kind.equals("number") && before != null && layout.flat().get(id)) {
        if (numberColumns.size() < MAX_CORRELATION_COLUMNS) {
          numberColumns.add(id);
        } else if (numberColumns.size() == MAX_CORRELATION_COLUMNS) {
          notes.add("Correlations cover the first " + MAX_CORRELATION_COLUMNS + " number columns only.");
        }
      }
      if (kind.equals("category") && (before != null && before.counts == null || after != null && after.counts == null)) {
        notes.add("'" + layout.names().get(id) + "' has more than " + SideAccumulator.MAX_VALUES
            + " distinct values in the sample, or values longer than " + SideAccumulator.MAX_CATEGORY_LENGTH
            + " characters: compared by distinct count and changed share only.");
      }
      boolean permuted = shuffled.contains(layout.names().get(id));
      ColumnUtility column = column(id, kind, before, after, paired && !permuted ? acc.pairs[id] : null);
      columns.add(permuted && paired ? shuffledColumn(column, before) : column);
    }
    if (!shuffled.isEmpty()) {
      notes.add("Shuffled columns (" + String.join(", ", shuffled) + "): their changed share is the expected share "
          + "under a random permutation of the sample's values; their correlations after masking are not shown "
          + "(shuffling breaks them by design).");
    }
    UtilityReport.Correlations correlations = numberColumns.size() < 2 ? null : correlations(numberColumns);
    return new Result(columns, correlations,
        paired ? new UtilityReport.RowPairs(acc.paired, acc.beforeOnly, acc.afterOnly) : null, acc.rows[0], acc.rows[1],
        notes);
  }

  /** A shuffled column: changed share expected under a random permutation of its values. */
  private static ColumnUtility shuffledColumn(ColumnUtility c, SideAccumulator before) {
    Double expected = null;
    if (before != null && before.counts != null && before.nonNull > 1) {
      double same = 0;
      for (long n : before.counts.values()) {
        same += (double) n * (n - 1);
      }
      expected = Disclosure.share(1 - same / ((double) before.nonNull * (before.nonNull - 1)));
    }
    return new ColumnUtility(c.name(), c.kind(), c.presence(), c.treatment(), c.before(), c.after(), expected,
        c.numbers(), c.categories(), c.dates(), c.text(), null);
  }

  static String kind(SideAccumulator s) {
    if (s == null || s.nonNull == 0) {
      return "empty";
    }
    if (s.meanTokens() >= TEXT_TOKENS) {
      return "text";
    }
    if (s.dateShare() >= KIND_SHARE) {
      return "date";
    }
    return s.numberShare() >= KIND_SHARE ? "number" : "category";
  }

  private ColumnUtility column(int id, String kind, SideAccumulator before, SideAccumulator after, PairAccumulator pair) {
    Double changed = pair == null || pair.pairs == 0 ? null : Disclosure.share((double) pair.changed / pair.pairs);
    ColumnUtility.NumericUtility numbers = null;
    ColumnUtility.CategoryUtility categories = null;
    ColumnUtility.DateUtility dates = null;
    ColumnUtility.TextUtility text = null;
    ColumnUtility.PairedNumbers paired = null;
    switch (kind) {
      case "number" -> {
        numbers = NumberSummaries.of(before, after, k, HISTOGRAM_BINS);
        if (pair != null && pair.numbers.n() > 0 && pair.changed > 0) {
          paired = new ColumnUtility.PairedNumbers(pair.numbers.n(), Disclosure.round(pair.numbers.meanAbsoluteDifference()),
              correlation(pair.numbers.correlation()), "(column units)");
        }
      }
      case "date" -> {
        dates = new ColumnUtility.DateUtility(range(before), range(after), resolutions(before), resolutions(after),
            kept(before, after));
        if (pair != null && pair.days.n() > 0 && pair.changed > 0) {
          paired = new ColumnUtility.PairedNumbers(pair.days.n(), Disclosure.round(pair.days.meanAbsoluteDifference()),
              correlation(pair.days.correlation()), "days");
        }
      }
      case "category" -> categories = TopValues.of(before, after, k, top);
      case "text" -> text = text(id, before, after, pair);
      default -> { }
    }
    return new ColumnUtility(acc.layout().names().get(id), kind, acc.layout().presence(id), null, side(before),
        side(after), changed, numbers, categories, dates, text, paired);
  }

  private ColumnUtility.TextUtility text(int id, SideAccumulator before, SideAccumulator after, PairAccumulator pair) {
    long tokens = before == null ? 0 : before.tokens;
    Map<String, Double> rates = new TreeMap<>();
    if (acc.detectorSpans) {
      if (tokens > 0) {
        acc.spans[id].forEach((type, n) -> rates.put(type, Disclosure.round(n * 1000.0 / tokens)));
      }
    } else if (before != null && after != null && tokens > 0) {
      after.labels.forEach((type, n) -> {
        long added = n - before.labels.getOrDefault(type, 0L);
        if (added > 0) {
          rates.put(type, Disclosure.round(added * 1000.0 / tokens));
        }
      });
    }
    boolean hasPairs = pair != null && pair.texts > 0;
    return new ColumnUtility.TextUtility(before == null ? 0 : before.nonNull,
        hasPairs ? Disclosure.share((double) (pair.texts - pair.changedTexts) / pair.texts) : null,
        hasPairs && pair.characters > 0 ? Disclosure.share((double) pair.charactersMasked / pair.characters) : null,
        hasPairs && pair.tokens > 0 ? Disclosure.share((double) pair.tokensMasked / pair.tokens) : null,
        tokens, rates, acc.detectorSpans ? "detectors, on the sample" : "<TYPE> labels in the output",
        before == null ? null : Disclosure.round(before.meanLength()), after == null ? null : Disclosure.round(after.meanLength()),
        lengths(before, after));
  }

  private static ColumnUtility.Histogram lengths(SideAccumulator before, SideAccumulator after) {
    int last = 1;
    for (SideAccumulator s : new SideAccumulator[] {before, after}) {
      for (int i = 0; s != null && i < s.lengthBins.length; i++) {
        if (s.lengthBins[i] > 0) {
          last = Math.max(last, i);
        }
      }
    }
    List<Double> edges = new ArrayList<>();
    for (int i = 0; i < last; i++) {
      edges.add(Math.pow(2, i));
    }
    return new ColumnUtility.Histogram(edges, bins(before, last), bins(after, last));
  }

  private static List<Long> bins(SideAccumulator s, int last) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i <= last; i++) {
      out.add(s == null ? 0 : s.lengthBins[i]);
    }
    return out;
  }

  private static ColumnUtility.SideStats side(SideAccumulator s) {
    return s == null ? null : new ColumnUtility.SideStats(s.values, s.values - s.nonNull,
        Disclosure.share(s.values == 0 ? 0 : (double) (s.values - s.nonNull) / s.values), s.distinct.estimate());
  }

  /** From the month of the lowest to the month of the highest date with at least k dates beyond it. */
  private String range(SideAccumulator s) {
    if (s == null) {
      return null;
    }
    double[] days = s.days.sorted();
    int low = Disclosure.lowestAllowed(days.length, k);
    int high = Disclosure.highestAllowed(days.length, k);
    if (low < 0 || high < low) {
      return null;
    }
    return Disclosure.month((long) Quantiles.at(days, Disclosure.LEVELS[low])) + " .. "
        + Disclosure.month((long) Quantiles.at(days, Disclosure.LEVELS[high]));
  }

  private static Map<String, Double> resolutions(SideAccumulator s) {
    if (s == null || s.nonNull == 0) {
      return null;
    }
    Map<String, Double> shares = new LinkedHashMap<>();
    Map<String, Long> counts = s.resolutionCounts();
    counts.forEach((r, n) -> shares.put(r, Disclosure.share((double) n / s.nonNull)));
    long other = s.nonNull - counts.values().stream().mapToLong(Long::longValue).sum();
    if (other > 0) {
      shares.put("other", Disclosure.share((double) other / s.nonNull));
    }
    return shares;
  }

  private static String kept(SideAccumulator before, SideAccumulator after) {
    String b = typical(before);
    String a = typical(after);
    if (b == null || a == null) {
      return null;
    }
    return b.equals(a) ? b + " (kept)" : b + " -> " + a;
  }

  private static String typical(SideAccumulator s) {
    if (s == null) {
      return null;
    }
    return s.resolutionCounts().entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
  }

  private UtilityReport.Correlations correlations(List<Integer> ids) {
    List<String> names = ids.stream().map(id -> acc.layout().names().get(id)).toList();
    return new UtilityReport.Correlations(names, matrix(0, ids), matrix(1, ids));
  }

  private List<List<Double>> matrix(int side, List<Integer> ids) {
    List<List<Double>> m = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      List<Double> row = new ArrayList<>();
      for (int j = 0; j < ids.size(); j++) {
        boolean broken = side == 1 && i != j && (shuffled.contains(acc.layout().names().get(ids.get(i)))
            || shuffled.contains(acc.layout().names().get(ids.get(j))));
        row.add(broken ? null
            : correlation(pearson(acc.sides[side][ids.get(i)], acc.sides[side][ids.get(j)], acc.rows[side])));
      }
      m.add(row);
    }
    return m;
  }

  /** Pearson's r over the rows where both top-level columns hold numbers. */
  private static Double pearson(SideAccumulator x, SideAccumulator y, long rows) {
    if (x == null || y == null) {
      return null;
    }
    x.numbers.pad(rows);
    y.numbers.pad(rows);
    Moments moments = new Moments();
    for (int r = 0; r < rows; r++) {
      double a = x.numbers.get(r);
      double b = y.numbers.get(r);
      if (!Double.isNaN(a) && !Double.isNaN(b)) {
        moments.add(a, b);
      }
    }
    return moments.correlation();
  }

  private static Double correlation(Double r) {
    return r == null || r.isNaN() ? null : Math.round(r * 1000) / 1000.0;
  }

  /** Shown values sorted by their larger count. */
  static final Comparator<ColumnUtility.CategoryCount> BY_COUNT =
      Comparator.comparingLong((ColumnUtility.CategoryCount c) -> -Math.max(c.before(), c.after()))
          .thenComparing(ColumnUtility.CategoryCount::value);
}
