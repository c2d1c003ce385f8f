package io.shroud.core.report;

import io.shroud.core.audit.AuditRecord;
import io.shroud.core.audit.ColumnAudit;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sanitize run report: one self-contained HTML page rendered from the audit record (so it holds
 * nothing the audit does not: decisions and counts, never values). Per column: action, detected
 * type, findings before masking and residual findings after; anonymity results; a chart of findings;
 * the utility section (what masking cost the data) when the run computed one.
 */
public final class RunReportHtml {
  private RunReportHtml() {}

  /** A path, or a table with the snapshot read or published. */
  private static String located(Map<String, String> place) {
    String path = ReportHtml.escape(place.get("path"));
    String snapshot = place.get("snapshotId");
    return snapshot == null ? path : path + "</code> snapshot <code>" + ReportHtml.escape(snapshot);
  }

  @SuppressWarnings("unchecked")
  public static String render(AuditRecord audit) {
    StringBuilder html = new StringBuilder(8192);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Shroud run ")
        .append(ReportHtml.escape(audit.runId())).append("</title>\n<style>")
        .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1f24}")
        .append("table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccd;padding:.35rem .6rem;text-align:left;vertical-align:top}")
        .append("th{background:#eef}td.num{text-align:right}.bad{background:#fff1f0}.ok{color:#1a7f37}code{font-size:.9em}")
        .append("</style></head><body>\n<h1>Shroud run ").append(ReportHtml.escape(audit.runId())).append("</h1>\n<p>")
        .append(ReportHtml.escape(audit.status())).append(": ").append(audit.rowsRead()).append(" rows read, ")
        .append(audit.rowsWritten()).append(" written, ").append(audit.durationMillis()).append(" ms. Input <code>")
        .append(located(audit.input())).append("</code>, output <code>")
        .append(located(audit.output())).append("</code>, policy <code>")
        .append(ReportHtml.escape(String.valueOf(audit.policy().source()))).append("</code>.</p>\n");
    if (audit.error() != null) {
      html.append("<p class=\"bad\">").append(ReportHtml.escape(audit.error())).append("</p>\n");
    }
    html.append("<h2>Findings by type</h2>\n").append(ReportHtml.chart(new TreeMap<>(audit.findingsByType())));
    Map<String, Map<String, Long>> residual = audit.residual() == null ? Map.of() : audit.residual().findings();
    html.append("<h2>Columns</h2>\n<table id=\"columns\"><thead><tr><th>Column</th><th>Type in → out</th><th>Treatment</th>")
        .append("<th>Action</th><th>Detected as</th><th>Findings before</th><th>Cells changed</th><th>Residual after</th>")
        .append("<th>Reason</th></tr></thead><tbody>\n");
    for (ColumnAudit c : audit.columns()) {
      Map<String, Long> left = residual.getOrDefault(c.name(), Map.of());
      html.append("<tr").append(left.isEmpty() ? "" : " class=\"bad\"").append("><td><code>").append(ReportHtml.escape(c.name()))
          .append("</code></td><td>").append(ReportHtml.escape(c.inputType())).append(" → ").append(ReportHtml.escape(c.outputType()))
          .append("</td><td>").append(ReportHtml.escape(c.treatment())).append("</td><td>")
          .append(c.operator() == null ? "—" : ReportHtml.escape(String.valueOf(c.operator().action())
              + (c.operator().parameters().containsKey("meaning") ? " (" + c.operator().parameters().get("meaning") + ")" : "")))
          .append("</td><td>").append(ReportHtml.escape(detectedAs(c))).append("</td><td>");
      c.findings().forEach((type, n) -> html.append(ReportHtml.escape(type)).append(": ").append(n).append("<br>"));
      if (c.findings().isEmpty() && c.sample() != null) {
        // A rule masks the column without scanning it: what the profiling sample held.
        c.sample().findings().forEach((type, n) -> html.append(ReportHtml.escape(type)).append(": ").append(n).append("<br>"));
        html.append("<small>").append(c.sample().findings().isEmpty() ? "none " : "").append("in ")
            .append(c.sample().values()).append(" sampled values</small>");
      }
      html.append("</td><td class=\"num\">").append(c.maskedCells()).append("</td><td>");
      if (left.isEmpty()) {
        html.append("<span class=\"ok\">none</span>");
      } else {
        left.forEach((type, n) -> html.append(ReportHtml.escape(type)).append(": ").append(n).append("<br>"));
      }
      html.append("</td><td>").append(ReportHtml.escape(c.reason())).append("</td></tr>\n");
    }
    html.append("</tbody></table>\n");
    if (audit.anonymity() != null) {
      html.append("<h2>Anonymity</h2>\n<table id=\"anonymity\"><tbody>\n");
      audit.anonymity().reportRows().forEach((key, value) -> html.append("<tr><th>").append(ReportHtml.escape(key))
          .append("</th><td>").append(ReportHtml.escape(value)).append("</td></tr>\n"));
      html.append("</tbody></table>\n");
    }
    if (audit.utility() != null) {
      html.append(UtilityHtml.section(audit.utility()));
    }
    return html.append("</body></html>\n").toString();
  }

  /** The column's classification, else what kind of scan it had. */
  static String detectedAs(ColumnAudit c) {
    if (c.entityType() != null) {
      return c.entityType();
    }
    return switch (c.treatment()) {
      case "SCAN_TEXT" -> "free text (spans)";
      case "SCAN_NUMBER" -> "numbers (spans)";
      case "QUASI_IDENTIFIER" -> "quasi-identifier";
      default -> c.sample() != null ? "no type in the sample" : "—";
    };
  }
}
