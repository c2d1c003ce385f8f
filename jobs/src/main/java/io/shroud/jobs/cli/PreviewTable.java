package io.shroud.jobs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table whose cells wrap instead of being cut: a cell longer than the column width
 * continues on the next lines of its row (at a space when there is one), and a line break in a value
 * starts a new line. Nothing a preview shows is ever truncated.
 */
final class PreviewTable {
  private PreviewTable() {}

  /**
   * @param width the widest a column gets before its cells wrap; 0 for no limit
   */
  static void print(List<String> header, List<List<String>> rows, int width, PrintWriter out) {
    List<List<List<String>>> table = new ArrayList<>();
    table.add(header.stream().map(h -> wrap(h, width)).toList());
    for (List<String> row : rows) {
      table.add(row.stream().map(c -> wrap(c, width)).toList());
    }
    int[] widths = new int[header.size()];
    for (List<List<String>> row : table) {
      for (int i = 0; i < widths.length; i++) {
        for (String line : row.get(i)) {
          widths[i] = Math.max(widths[i], line.length());
        }
      }
    }
    for (int r = 0; r < table.size(); r++) {
      List<List<String>> row = table.get(r);
      int height = row.stream().mapToInt(List::size).max().orElse(1);
      for (int l = 0; l < height; l++) {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
          List<String> cell = row.get(i);
          String text = l < cell.size() ? cell.get(l) : "";
          line.append(' ').append(text).append(" ".repeat(widths[i] - text.length())).append(" |");
        }
        out.println(line);
      }
      if (r == 0) {
        StringBuilder rule = new StringBuilder("|");
        for (int w : widths) {
          rule.append("-".repeat(w + 2)).append('|');
        }
        out.println(rule);
      }
    }
    out.flush();
  }

  /** The lines of one cell: its own line breaks kept, each line wrapped at {@code width}. */
  static List<String> wrap(String value, int width) {
    List<String> lines = new ArrayList<>();
    for (String part : value.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ').split("\n", -1)) {
      String rest = part;
      while (width > 0 && rest.length() > width) {
        int cut = rest.lastIndexOf(' ', width);
        if (cut <= 0) {
          lines.add(rest.substring(0, width));
          rest = rest.substring(width);
        } else {
          lines.add(rest.substring(0, cut));
          rest = rest.substring(cut + 1);
        }
      }
      lines.add(rest);
    }
    return lines;
  }
}
