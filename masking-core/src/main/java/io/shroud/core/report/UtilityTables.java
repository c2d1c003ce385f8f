package io.shroud.core.report;

import static io.shroud.core.report.ReportHtml.escape;
import static io.shroud.core.report.UtilityHtml.percent;

import io.shroud.core.utility.ColumnUtility;
import io.shroud.core.utility.ColumnUtility.NumericUtility;
import io.shroud.core.utility.ColumnUtility.SideStats;
import io.shroud.core.utility.UtilityReport;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** The utility section's tables. */
final class UtilityTables {
  private UtilityTables() {}

  static String columns(List<ColumnUtility> columns) {
    StringBuilder html = new StringBuilder("<table id=\"utility-columns\"><thead><tr><th>Column</th><th>Kind</th>"
        + "<th>Treatment</th><th>Values before → after</th><th>Nulls before → after</th>"
        + "<th>Distinct ≈ before → after</th><th>Changed</th><th>Distance</th></tr></thead><tbody>\n");
    for (ColumnUtility c : columns) {
      html.append("<tr><td><code>").append(escape(c.name())).append("</code>")
          .append("both".equals(c.presence()) ? "" : " (" + escape(c.presence()) + ")").append("</td><td>")
          .append(escape(c.kind())).append("</td><td>").append(c.treatment() == null ? "—" : escape(c.treatment()))
          .append("</td><td class=\"num\">").append(side(c.before(), s -> String.valueOf(s.values()))).append(" → ")
          .append(side(c.after(), s -> String.valueOf(s.values()))).append("</td><td class=\"num\">")
          .append(side(c.before(), s -> percent(s.nullShare()))).append(" → ")
          .append(side(c.after(), s -> percent(s.nullShare()))).append("</td><td class=\"num\">")
          .append(side(c.before(), s -> String.valueOf(s.distinctApprox()))).append(" → ")
          .append(side(c.after(), s -> String.valueOf(s.distinctApprox()))).append("</td><td class=\"num\">")
          .append(percent(c.changedShare())).append("</td><td class=\"num\">").append(distance(c)).append("</td></tr>\n");
    }
    return html.append("</tbody></table>\n<p>Changed: share of paired values that differ after masking. Distance: ")
        .append("total variation distance between the value distributions (numbers: between their histograms), ")
        .append("0 = same, 1 = nothing in common.</p>\n").toString();
  }

  private static String side(SideStats stats, Function<SideStats, String> show) {
    return stats == null ? "—" : show.apply(stats);
  }

  private static String distance(ColumnUtility c) {
    if (c.categories() != null && c.categories().totalVariationDistance() != null) {
      return fixed(c.categories().totalVariationDistance());
    }
    if (c.numbers() != null && c.numbers().histogramDistance() != null) {
      return fixed(c.numbers().histogramDistance());
    }
    return "—";
  }

  static String summaries(NumericUtility n) {
    StringBuilder html = new StringBuilder("<table class=\"summary\"><thead><tr><th></th><th>before</th><th>after</th>"
        + "</tr></thead><tbody>");
    html.append(row("numbers", n.before() == null ? null : (double) n.before().count(),
        n.after() == null ? null : (double) n.after().count()));
    html.append(row("mean", n.before() == null ? null : n.before().mean(), n.after() == null ? null : n.after().mean()));
    html.append(row("std", n.before() == null ? null : n.before().std(), n.after() == null ? null : n.after().std()));
    Set<String> levels = new TreeSet<>((a, b) -> Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1))));
    if (n.before() != null && n.before().quantiles() != null) {
      levels.addAll(n.before().quantiles().keySet());
    }
    if (n.after() != null && n.after().quantiles() != null) {
      levels.addAll(n.after().quantiles().keySet());
    }
    for (String level : levels) {
      html.append(row(level, quantile(n.before(), level), quantile(n.after(), level)));
    }
    return html.append("</tbody></table>").toString();
  }

  private static Double quantile(ColumnUtility.Summary s, String level) {
    return s == null || s.quantiles() == null ? null : s.quantiles().get(level);
  }

  private static String row(String label, Double before, Double after) {
    return "<tr><th>" + escape(label) + "</th><td class=\"num\">" + number(before) + "</td><td class=\"num\">"
        + number(after) + "</td></tr>";
  }

  static String categories(List<ColumnUtility> columns) {
    List<ColumnUtility> cats = columns.stream().filter(c -> c.categories() != null).toList();
    if (cats.isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<h3>Categories</h3>\n<div id=\"utility-categories\">\n");
    StringBuilder unnamed = new StringBuilder();
    for (ColumnUtility c : cats) {
      var u = c.categories();
      String summary = "top-" + u.topK() + " overlap " + percent(u.topKOverlap()) + ", distance "
          + (u.totalVariationDistance() == null ? "—" : fixed(u.totalVariationDistance()));
      if (u.shown().isEmpty()) {
        // Nothing to name (ids, masked values, rare values): one line instead of an empty table.
        unnamed.append("<li><code>").append(escape(c.name())).append("</code>: ").append(summary).append("</li>");
        continue;
      }
      html.append("<table class=\"categories\"><caption><code>").append(escape(c.name())).append("</code>: ")
          .append(summary).append("</caption><thead><tr><th>value</th><th>before</th><th>after</th></tr></thead><tbody>");
      for (ColumnUtility.CategoryCount shown : u.shown()) {
        html.append("<tr><td><code>").append(escape(shown.value())).append("</code></td><td class=\"num\">")
            .append(shown.before()).append("</td><td class=\"num\">").append(shown.after()).append("</td></tr>");
      }
      if (u.hiddenBefore() > 0 || u.hiddenAfter() > 0) {
        html.append("<tr><td colspan=\"3\"><em>not shown: ").append(u.hiddenBefore()).append(" of the top ")
            .append(u.topK()).append(" before, ").append(u.hiddenAfter()).append(" after (fewer than k output rows, ")
            .append("or not in the output)</em></td></tr>");
      }
      html.append("</tbody></table>\n");
    }
    if (unnamed.length() > 0) {
      html.append("<p>No value of these columns is held by k or more sampled output rows, so none is named:</p>")
          .append("<ul id=\"utility-unnamed\">").append(unnamed).append("</ul>\n");
    }
    return html.append("</div>\n").toString();
  }

  static String dates(List<ColumnUtility> columns) {
    List<ColumnUtility> dates = columns.stream().filter(c -> c.dates() != null).toList();
    if (dates.isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<h3>Dates</h3>\n<table id=\"utility-dates\"><thead><tr><th>Column</th>"
        + "<th>Range before</th><th>Range after</th><th>Resolution before</th><th>Resolution after</th><th>Kept</th>"
        + "</tr></thead><tbody>\n");
    for (ColumnUtility c : dates) {
      var d = c.dates();
      html.append("<tr><td><code>").append(escape(c.name())).append("</code></td><td>").append(dash(d.rangeBefore()))
          .append("</td><td>").append(dash(d.rangeAfter())).append("</td><td>").append(shares(d.resolutionBefore()))
          .append("</td><td>").append(shares(d.resolutionAfter())).append("</td><td>").append(dash(d.resolutionKept()))
          .append("</td></tr>\n");
    }
    return html.append("</tbody></table>\n").toString();
  }

  static String text(List<ColumnUtility> texts) {
    StringBuilder html = new StringBuilder("<table id=\"utility-text\"><thead><tr><th>Column</th><th>Texts</th>"
        + "<th>Untouched</th><th>Characters masked</th><th>Tokens masked</th><th>Spans per 1,000 tokens</th>"
        + "<th>Mean length before → after</th></tr></thead><tbody>\n");
    for (ColumnUtility c : texts) {
      var t = c.text();
      html.append("<tr><td><code>").append(escape(c.name())).append("</code></td><td class=\"num\">").append(t.values())
          .append("</td><td class=\"num\">").append(percent(t.untouchedShare())).append("</td><td class=\"num\">")
          .append(percent(t.charactersMasked())).append("</td><td class=\"num\">").append(percent(t.tokensMasked()))
          .append("</td><td>").append(t.spansPer1000Tokens() == null || t.spansPer1000Tokens().isEmpty() ? "none"
              : UtilityHtml.rates(t.spansPer1000Tokens()))
          .append(t.spansSource() == null ? "" : " <small>(" + escape(t.spansSource()) + ")</small>")
          .append("</td><td class=\"num\">").append(number(t.meanLengthBefore())).append(" → ")
          .append(number(t.meanLengthAfter())).append("</td></tr>\n");
    }
    return html.append("</tbody></table>\n").toString();
  }

  static String paired(List<ColumnUtility> columns) {
    List<ColumnUtility> paired = columns.stream().filter(c -> c.paired() != null && c.paired().pairs() > 0).toList();
    if (paired.isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<h3>Perturbation and other changed numbers</h3>\n<p>Numbers and dates ")
        .append("paired row by row: the realised change (for a perturbation, its noise).</p>\n<table id=\"utility-paired\">")
        .append("<thead><tr><th>Column</th><th>Treatment</th><th>Pairs</th><th>Mean absolute error</th>")
        .append("<th>Correlation before/after</th></tr></thead><tbody>\n");
    for (ColumnUtility c : paired) {
      var p = c.paired();
      html.append("<tr><td><code>").append(escape(c.name())).append("</code></td><td>")
          .append(c.treatment() == null ? "—" : escape(c.treatment())).append("</td><td class=\"num\">").append(p.pairs())
          .append("</td><td class=\"num\">").append(number(p.meanAbsoluteError())).append(" ").append(escape(p.unit()))
          .append("</td><td class=\"num\">").append(p.correlation() == null ? "—" : fixed(p.correlation()))
          .append("</td></tr>\n");
    }
    return html.append("</tbody></table>\n").toString();
  }

  static String quasiIdentifiers(UtilityReport.QuasiIdentifierUtility q) {
    StringBuilder html = new StringBuilder("<h3>Quasi-identifiers (k-anonymity)</h3>\n<p id=\"utility-qi\">");
    html.append("k = ").append(q.k()).append(q.l() > 1 ? ", l = " + q.l() : "").append(", ").append(q.records())
        .append(" records, ").append(q.suppressedRecords()).append(" suppressed")
        .append(q.suppressedHandling() == null ? "" : " (" + escape(q.suppressedHandling()) + ")").append(", ")
        .append(q.classes()).append(" equivalence classes, smallest ").append(q.smallestClass()).append(".");
    if (q.metric() != null) {
      html.append(" Information loss (").append(escape(q.metric())).append(", the metric the search minimised): ")
          .append(number(q.metricValue())).append(".");
    }
    html.append(" Source: ").append(escape(q.source())).append(".</p>\n");
    if (q.levels() != null && !q.levels().isEmpty()) {
      html.append("<table id=\"utility-levels\"><thead><tr><th>Quasi-identifier</th><th>Level</th><th>Meaning</th></tr>")
          .append("</thead><tbody>\n");
      for (UtilityReport.Level level : q.levels()) {
        html.append("<tr><td><code>").append(escape(level.column())).append("</code></td><td class=\"num\">")
            .append(level.level()).append(" of ").append(level.topLevel()).append("</td><td>")
            .append(escape(level.meaning())).append("</td></tr>\n");
      }
      html.append("</tbody></table>\n");
    }
    if (q.metrics() != null && !q.metrics().isEmpty()) {
      html.append("<p>All metrics for this transformation: ").append(UtilityHtml.rates(q.metrics())).append("</p>\n");
    }
    return html.toString();
  }

  private static String shares(Map<String, Double> shares) {
    if (shares == null || shares.isEmpty()) {
      return "—";
    }
    StringBuilder out = new StringBuilder();
    shares.forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ").append(escape(k)).append(" ").append(percent(v)));
    return out.toString();
  }

  private static String dash(String text) {
    return text == null ? "—" : escape(text);
  }

  /** Up to four significant digits, without exponent. */
  static String number(Double value) {
    if (value == null) {
      return "—";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format(Locale.ROOT, "%,d", value.longValue());
    }
    return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  static String fixed(Double value) {
    return value == null ? "—" : String.format(Locale.ROOT, "%.3f", value);
  }
}
