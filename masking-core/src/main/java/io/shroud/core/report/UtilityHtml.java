package io.shroud.core.report;

import static io.shroud.core.report.ReportHtml.escape;

import io.shroud.core.utility.ColumnUtility;
import io.shroud.core.utility.UtilityReport;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The utility section of a report as HTML: a table per aspect and inline SVG charts (histograms
 * before/after, a class-size chart, correlation heat maps). Rendered from the {@link UtilityReport}
 * only, so it holds nothing the report does not: aggregates, never values. Everything is escaped.
 */
public final class UtilityHtml {
  static final String BEFORE = "#4c78a8";
  static final String AFTER = "#f58518";

  private UtilityHtml() {}

  /** A whole page for {@code shroud compare}. */
  public static String page(String title, String intro, UtilityReport report) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>" + escape(title) + "</title>\n<style>"
        + "body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1f24}"
        + "table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccd;padding:.35rem .6rem;text-align:left;"
        + "vertical-align:top}th{background:#eef}td.num{text-align:right}code{font-size:.9em}</style></head><body>\n<h1>"
        + escape(title) + "</h1>\n<p>" + escape(intro) + "</p>\n" + section(report) + "</body></html>\n";
  }

  /** The section for a run report (or a compare page). */
  public static String section(UtilityReport report) {
    StringBuilder html = new StringBuilder(16384);
    html.append("<section id=\"utility\">\n<style>.legend span{display:inline-block;width:.8em;height:.8em;margin:0 .3em}")
        .append("figure{display:inline-block;margin:.5rem 1.5rem .5rem 0;vertical-align:top}")
        .append("figcaption{font-size:.9em}</style>\n<h2>Utility: what masking cost the data</h2>\n");
    if (!UtilityReport.COMPUTED.equals(report.status())) {
      return html.append("<p id=\"utility-status\">Not computed (").append(escape(report.status())).append("): ")
          .append(escape(report.reason())).append("</p>\n</section>\n").toString();
    }
    intro(report, html);
    html.append(UtilityTables.columns(report.columns()));
    numbers(report.columns(), html);
    html.append(UtilityTables.categories(report.columns()));
    html.append(UtilityTables.dates(report.columns()));
    text(report.columns(), html);
    html.append(UtilityTables.paired(report.columns()));
    if (report.quasiIdentifiers() != null) {
      html.append(UtilityTables.quasiIdentifiers(report.quasiIdentifiers()));
      html.append(UtilityCharts.classSizes(report.quasiIdentifiers().classSizes()));
    }
    if (report.correlations() != null && report.correlations().columns().size() >= 2) {
      html.append("<h3>Correlations between number columns</h3>\n<p>Pearson correlation of each pair in the sample, ")
          .append("before and after masking: relationships that masking weakened show as paler cells.</p>\n")
          .append(UtilityCharts.heatMap("corr-before", "Before masking", report.correlations().columns(),
              report.correlations().before()))
          .append(UtilityCharts.heatMap("corr-after", "After masking", report.correlations().columns(),
              report.correlations().after()));
    }
    if (report.notes() != null && !report.notes().isEmpty()) {
      html.append("<h3>Notes</h3>\n<ul id=\"utility-notes\">");
      report.notes().forEach(n -> html.append("<li>").append(escape(n)).append("</li>"));
      html.append("</ul>\n");
    }
    return html.append("</section>\n").toString();
  }

  private static void intro(UtilityReport r, StringBuilder html) {
    html.append("<p id=\"utility-summary\">Measured on a sample of ").append(r.sampleRows()).append(" row(s)")
        .append(r.rowsTotal() == null ? "" : " of " + r.rowsTotal()).append(" (").append(escape(r.sampling()))
        .append("); ").append(escape(r.alignment())).append(". ");
    if (r.rows() != null) {
      html.append(r.rows().pairs()).append(" row(s) paired, ").append(r.rows().beforeOnly())
          .append(" only before (suppressed, dropped or missing after), ").append(r.rows().afterOnly())
          .append(" only after. ");
    }
    html.append("Took ").append(r.millis()).append(" ms.</p>\n<p id=\"utility-privacy\">No value from the data appears ")
        .append("here: a value is named only when at least <strong>k = ").append(r.k()).append("</strong> (")
        .append(escape(r.kOrigin())).append(") sampled output rows hold it; a quantile only with at least k rows on ")
        .append("each side; never a minimum or maximum; histogram edges lie on a round grid between such quantiles; ")
        .append("date ranges are shown by month. Distinct counts are approximate (HyperLogLog, about 2% error). ")
        .append("<span class=\"legend\"><span style=\"background:").append(BEFORE).append("\"></span>before")
        .append("<span style=\"background:").append(AFTER).append("\"></span>after</span></p>\n");
  }

  private static void numbers(List<ColumnUtility> columns, StringBuilder html) {
    List<ColumnUtility> numeric = columns.stream().filter(c -> c.numbers() != null).toList();
    if (numeric.isEmpty()) {
      return;
    }
    html.append("<h3>Numbers</h3>\n<div id=\"utility-numbers\">\n");
    for (ColumnUtility c : numeric) {
      html.append("<figure>");
      if (c.numbers().histogram() != null) {
        html.append(UtilityCharts.histogram(c.name(), c.numbers().histogram()));
      }
      html.append("<figcaption><code>").append(escape(c.name())).append("</code>")
          .append(c.numbers().histogramDistance() == null ? ""
              : ", distance between histograms " + UtilityTables.fixed(c.numbers().histogramDistance()))
          .append(UtilityTables.summaries(c.numbers())).append("</figcaption></figure>\n");
    }
    html.append("</div>\n");
  }

  private static void text(List<ColumnUtility> columns, StringBuilder html) {
    List<ColumnUtility> texts = columns.stream().filter(c -> c.text() != null).toList();
    if (texts.isEmpty()) {
      return;
    }
    html.append("<h3>Free text</h3>\n").append(UtilityTables.text(texts)).append("<div id=\"utility-lengths\">\n");
    for (ColumnUtility c : texts) {
      if (c.text().lengths() != null) {
        html.append("<figure>").append(UtilityCharts.histogram(c.name() + " length", c.text().lengths()))
            .append("<figcaption>length of <code>").append(escape(c.name())).append("</code> in characters</figcaption>")
            .append("</figure>\n");
      }
    }
    html.append("</div>\n");
  }

  /** Types and rates: {@code EMAIL 3.1, PERSON 12}. */
  static String rates(Map<String, Double> rates) {
    return rates.entrySet().stream().map(e -> escape(e.getKey()) + " " + UtilityTables.number(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  static String percent(Double share) {
    return share == null ? "—" : String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}
