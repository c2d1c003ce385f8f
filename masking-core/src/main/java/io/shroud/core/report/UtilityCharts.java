package io.shroud.core.report;

import static io.shroud.core.report.ReportHtml.escape;

import io.shroud.core.utility.ClassSizes;
import io.shroud.core.utility.ColumnUtility.Histogram;
import java.util.List;
import java.util.Locale;

/** Inline SVG charts for the utility section: no scripts, no external resources. */
final class UtilityCharts {
  private static final int CHART_WIDTH = 380;
  private static final int CHART_HEIGHT = 150;
  private static final int AXIS = 34;

  private UtilityCharts() {}

  /** Before and after bars side by side per bin; bins labelled by their edges only. */
  static String histogram(String name, Histogram h) {
    int bins = h.before().size();
    long max = 1;
    for (int i = 0; i < bins; i++) {
      max = Math.max(max, Math.max(h.before().get(i), h.after().get(i)));
    }
    double slot = (double) (CHART_WIDTH - 10) / bins;
    double bar = Math.max(1, slot / 2 - 1);
    int plot = CHART_HEIGHT - AXIS;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"histogram\" role=\"img\" aria-label=\"Histogram of ").append(escape(name))
        .append(" before and after\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(CHART_WIDTH)
        .append("\" height=\"").append(CHART_HEIGHT).append("\">");
    for (int i = 0; i < bins; i++) {
      double x = 5 + i * slot;
      svg.append(bar(x, bar, plot, h.before().get(i), max, UtilityHtml.BEFORE))
          .append(bar(x + bar, bar, plot, h.after().get(i), max, UtilityHtml.AFTER));
    }
    svg.append("<line x1=\"5\" y1=\"").append(plot).append("\" x2=\"").append(CHART_WIDTH - 5).append("\" y2=\"")
        .append(plot).append("\" stroke=\"#667\"/>");
    List<Double> edges = h.edges();
    int[] labelled = edges.size() <= 2 ? new int[] {0, edges.size() - 1} : new int[] {0, edges.size() / 2, edges.size() - 1};
    for (int e : labelled) {
      double x = 5 + (e + 1) * slot;
      svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(plot + 14)
          .append("\" font-size=\"11\" text-anchor=\"middle\">").append(escape(UtilityTables.number(edges.get(e))))
          .append("</text>");
    }
    svg.append("<text x=\"5\" y=\"").append(plot + 28).append("\" font-size=\"10\" fill=\"#556\">")
        .append("first and last bins are open-ended; tallest bar ").append(max).append("</text>");
    return svg.append("</svg>").toString();
  }

  private static String bar(double x, double width, int plot, long count, long max, String color) {
    if (count == 0) {
      return "";
    }
    double height = Math.max(1, (plot - 6) * (double) count / max);
    return "<rect x=\"" + fmt(x) + "\" y=\"" + fmt(plot - height) + "\" width=\"" + fmt(width) + "\" height=\""
        + fmt(height) + "\" fill=\"" + color + "\"><title>" + count + "</title></rect>";
  }

  /** Classes per size bucket, horizontal bars. */
  static String classSizes(List<ClassSizes.Bucket> buckets) {
    if (buckets == null || buckets.isEmpty()) {
      return "";
    }
    long max = buckets.stream().mapToLong(ClassSizes.Bucket::classes).max().orElse(1);
    int row = 22;
    StringBuilder svg = new StringBuilder("<figure><svg id=\"class-sizes\" role=\"img\" aria-label=\"Equivalence classes "
        + "by size\" xmlns=\"http://www.w3.org/2000/svg\" width=\"520\" height=\"" + (buckets.size() * row + 8) + "\">");
    int y = 4;
    for (ClassSizes.Bucket b : buckets) {
      int width = b.classes() == 0 ? 0 : (int) Math.max(2, Math.round(300.0 * b.classes() / Math.max(1, max)));
      svg.append("<text x=\"0\" y=\"").append(y + 15).append("\" font-size=\"12\">size ").append(b.from()).append("–")
          .append(b.to()).append("</text><rect x=\"120\" y=\"").append(y + 3).append("\" width=\"").append(width)
          .append("\" height=\"").append(row - 8).append("\" fill=\"").append(UtilityHtml.AFTER).append("\"/>")
          .append("<text x=\"").append(126 + width).append("\" y=\"").append(y + 15).append("\" font-size=\"12\">")
          .append(b.classes()).append(" classes, ").append(b.records()).append(" records</text>");
      y += row;
    }
    return svg.append("</svg><figcaption>Equivalence classes by size</figcaption></figure>\n").toString();
  }

  /** A correlation matrix as coloured cells, blue (-1) through white (0) to red (+1). */
  static String heatMap(String id, String title, List<String> columns, List<List<Double>> matrix) {
    int n = columns.size();
    int cell = Math.max(22, Math.min(40, 320 / Math.max(1, n)));
    int label = 130;
    int size = label + n * cell + 10;
    StringBuilder svg = new StringBuilder("<figure><svg id=\"").append(escape(id))
        .append("\" class=\"heatmap\" role=\"img\" aria-label=\"").append(escape(title))
        .append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(size).append("\" height=\"").append(size)
        .append("\">");
    for (int i = 0; i < n; i++) {
      svg.append("<text x=\"").append(label - 4).append("\" y=\"").append(label + i * cell + cell / 2 + 4)
          .append("\" font-size=\"11\" text-anchor=\"end\">").append(escape(shorten(columns.get(i)))).append("</text>")
          .append("<text transform=\"translate(").append(label + i * cell + cell / 2 + 4).append(",").append(label - 4)
          .append(") rotate(-60)\" font-size=\"11\">").append(escape(shorten(columns.get(i)))).append("</text>");
      for (int j = 0; j < n; j++) {
        Double r = matrix.get(i).get(j);
        svg.append("<rect x=\"").append(label + j * cell).append("\" y=\"").append(label + i * cell).append("\" width=\"")
            .append(cell - 1).append("\" height=\"").append(cell - 1).append("\" fill=\"").append(color(r))
            .append("\"><title>").append(r == null ? "undefined" : String.format(Locale.ROOT, "%.2f", r))
            .append("</title></rect>");
        if (r != null && cell >= 28) {
          svg.append("<text x=\"").append(label + j * cell + cell / 2).append("\" y=\"").append(label + i * cell + cell / 2 + 4)
              .append("\" font-size=\"10\" text-anchor=\"middle\">").append(String.format(Locale.ROOT, "%.1f", r))
              .append("</text>");
        }
      }
    }
    return svg.append("</svg><figcaption>").append(escape(title)).append("</figcaption></figure>\n").toString();
  }

  /** Diverging colour for a correlation; grey when undefined. */
  static String color(Double r) {
    if (r == null) {
      return "#d0d0d0";
    }
    double t = Math.max(-1, Math.min(1, r));
    int[] end = t >= 0 ? new int[] {0xb2, 0x18, 0x2b} : new int[] {0x21, 0x66, 0xac};
    double a = Math.abs(t);
    int red = (int) Math.round(255 + (end[0] - 255) * a);
    int green = (int) Math.round(255 + (end[1] - 255) * a);
    int blue = (int) Math.round(255 + (end[2] - 255) * a);
    return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
  }

  private static String shorten(String name) {
    return name.length() <= 18 ? name : name.substring(0, 17) + "…";
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
