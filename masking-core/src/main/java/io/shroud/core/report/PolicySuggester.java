package io.shroud.core.report;

import java.util.Locale;

/**
 * Writes a starter policy from a scan: classified columns get their type's usual operator, columns
 * with findings in free text get {@code detect}, and columns without findings also get
 * {@code detect} (fail closed) with a comment saying nothing was found, so the engineer decides.
 */
public final class PolicySuggester {
  private PolicySuggester() {}

  /** The action a starter policy uses for a column, as YAML flow text. */
  public static String actionFor(String classification, boolean hasFindings) {
    if (classification == null) {
      return "detect";
    }
    return switch (classification) {
      case "EMAIL" -> "{ action: partial-mask, keepFirst: 2 }";
      case "US_SSN", "CREDIT_CARD", "PHONE", "IBAN" -> "{ action: partial-mask, keepLast: 4 }";
      case "PERSON" -> "{ action: redact, replacement: \"<PERSON>\" }";
      case "IP_ADDRESS", "POSTAL_CODE" -> "{ action: generalize, prefix: 3 }";
      case "DATE_OF_BIRTH" -> "{ action: generalize, date: year }";
      default -> "redact";
    };
  }

  public static String suggest(ScanReport report, String outputPath) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("# Starter policy suggested by 'shroud scan' from ").append(report.rowsScanned())
        .append(" sampled rows of ").append(report.input()).append(".\n")
        .append("# Review every rule before use; see conf/README.md for all actions.\n")
        .append("version: 1\n\ninput:\n  path: ").append(quote(report.input())).append("\n  format: ")
        .append(report.format()).append("\n\noutput:\n  path: ").append(quote(outputPath))
        .append("\n  mode: error-if-exists\n\ncolumns:\n");
    for (ScanReport.ColumnReport c : report.columns()) {
      yaml.append("  ").append(quote(c.name())).append(": ").append(c.suggestedAction());
      if (c.classification() != null) {
        yaml.append(String.format(Locale.ROOT, "   # %s in %.0f%% of %d sampled values", c.classification(),
            c.confidence() * 100, c.nonEmpty()));
      } else if (!c.findings().isEmpty()) {
        yaml.append("   # free text with ").append(String.join(", ", c.findings().keySet()));
      } else {
        yaml.append("   # nothing found in the sample: keep with a reason if you are sure");
      }
      yaml.append('\n');
    }
    yaml.append("\nunlistedColumns: detect\n");
    return yaml.toString();
  }

  /** Quotes a YAML scalar when it could be misread. */
  static String quote(String value) {
    if (value.matches("[A-Za-z0-9_./-]+") && !value.matches("(?i)true|false|yes|no|null|on|off|~|[0-9.]+")) {
      return value;
    }
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
