package io.shroud.core.report;

import java.util.Locale;
import java.util.Map;

/**
 * Renders a scan report as one self-contained HTML page (no scripts, no external resources): a
 * per-column table and a bar chart of findings by type in inline SVG. Everything is escaped.
 */
public final class ReportHtml {
  private ReportHtml() {}

  public static String render(ScanReport report) {
    StringBuilder html = new StringBuilder(8192);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Shroud scan: ")
        .append(escape(report.input())).append("</title>\n<style>")
        .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1f24}")
        .append("table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccd;padding:.35rem .6rem;text-align:left;vertical-align:top}")
        .append("th{background:#eef}td.num{text-align:right}.pii{background:#fff1f0}.muted{color:#667}code{font-size:.9em}")
        .append("</style></head><body>\n");
    html.append("<h1>Shroud scan</h1>\n<p>Input <code>").append(escape(report.input())).append("</code> (")
        .append(escape(report.format())).append("): ").append(report.rowsScanned()).append(" rows sampled in ")
        .append(report.durationMillis()).append(" ms, ").append(escape(report.generatedAt()))
        .append(". Examples are masked; raw values are never shown.</p>\n");
    html.append("<h2>Findings by type</h2>\n").append(chart(report.findingsByType()));
    html.append("<h2>Columns</h2>\n<table id=\"columns\"><thead><tr><th>Column</th><th>Type</th><th>Classification</th>")
        .append("<th>Confidence</th><th>Values with findings</th><th>Findings</th><th>Masked examples</th><th>Suggested action</th>")
        .append("</tr></thead><tbody>\n");
    for (ScanReport.ColumnReport c : report.columns()) {
      boolean pii = c.classification() != null || !c.findings().isEmpty();
      html.append("<tr").append(pii ? " class=\"pii\"" : "").append("><td><code>").append(escape(c.name()))
          .append("</code></td><td>").append(escape(c.type())).append("</td><td>")
          .append(c.classification() == null ? "<span class=\"muted\">—</span>" : escape(c.classification()))
          .append("</td><td class=\"num\">").append(percent(c.confidence())).append("</td><td class=\"num\">")
          .append(percent(c.shareWithFindings())).append(" of ").append(c.nonEmpty()).append("</td><td>");
      c.findings().forEach((type, n) -> html.append(escape(type)).append(": ").append(n).append("<br>"));
      html.append("</td><td>");
      for (String example : c.maskedExamples()) {
        html.append("<code>").append(escape(example)).append("</code><br>");
      }
      html.append("</td><td>").append(escape(c.suggestedAction())).append("</td></tr>\n");
    }
    html.append("</tbody></table>\n</body></html>\n");
    return html.toString();
  }

  static String chart(Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return "<p id=\"chart\">No findings.</p>\n";
    }
    long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
    int rowHeight = 24;
    int width = 640;
    int labelWidth = 200;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg id=\"chart\" role=\"img\" aria-label=\"Findings by type\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width).append("\" height=\"").append(counts.size() * rowHeight + 10).append("\">\n");
    int y = 5;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      int bar = (int) Math.max(2, Math.round((width - labelWidth - 80) * (double) e.getValue() / max));
      svg.append("<text x=\"0\" y=\"").append(y + 16).append("\" font-size=\"13\">").append(escape(e.getKey())).append("</text>")
          .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"").append(bar)
          .append("\" height=\"").append(rowHeight - 8).append("\" fill=\"#c0392b\"/>")
          .append("<text x=\"").append(labelWidth + bar + 6).append("\" y=\"").append(y + 16).append("\" font-size=\"13\">")
          .append(e.getValue()).append("</text>\n");
      y += rowHeight;
    }
    return svg.append("</svg>\n").toString();
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
