package io.shroud.core.policy;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The policy's {@code anonymity} section: k-anonymity (and optionally distinct l-diversity) of the
 * quasi-identifiers, enforced with the least information loss by full-domain generalization plus
 * suppression of at most {@code maxSuppression} of the records.
 *
 * @param k smallest allowed equivalence class
 * @param maxSuppression fraction of records that may be suppressed (0..1)
 * @param metric entropy, loss, discernibility or height
 * @param onFailure when no transformation satisfies the requirements: fail (exit 1, nothing
 *     published) or report (nothing published either, but the run ends with exit 0 and the audit
 *     and report say why; for exploratory runs)
 * @param dropSuppressed drop suppressed records instead of keeping them with every QI set to "*"
 * @param quasiIdentifiers QI columns in policy order
 * @param sensitive sensitive columns and their l
 */
public record AnonymitySettings(
    int k,
    double maxSuppression,
    String metric,
    OnFailure onFailure,
    boolean dropSuppressed,
    List<QuasiIdentifier> quasiIdentifiers,
    Map<String, Integer> sensitive) implements Serializable {

  public static final List<String> METRICS = List.of("entropy", "loss", "discernibility", "height");

  public AnonymitySettings {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(onFailure, "onFailure");
    quasiIdentifiers = List.copyOf(quasiIdentifiers);
    sensitive = Map.copyOf(sensitive);
  }

  public List<String> quasiIdentifierNames() {
    return quasiIdentifiers.stream().map(QuasiIdentifier::column).toList();
  }

  /** The largest l over the sensitive columns (1 when there are none). */
  public int l() {
    return sensitive.values().stream().mapToInt(Integer::intValue).max().orElse(1);
  }

  /** What to do when no transformation satisfies the requirements. */
  public enum OnFailure {
    FAIL("fail"),
    REPORT("report");

    private final String yamlName;

    OnFailure(String yamlName) {
      this.yamlName = yamlName;
    }

    public String yamlName() {
      return yamlName;
    }
  }

  /**
   * How one quasi-identifier generalizes.
   *
   * @param column the column
   * @param kind hierarchy file, prefixes, numeric ranges or dates
   * @param hierarchyFile the file, for the audit (HIERARCHY)
   * @param hierarchyRows the file's rows, read when the policy loads (HIERARCHY)
   * @param prefixLevels characters masked at the deepest prefix level (PREFIX)
   * @param widths range widths, one per level (RANGES)
   */
  public record QuasiIdentifier(String column, Kind kind, String hierarchyFile, List<List<String>> hierarchyRows,
      int prefixLevels, List<Double> widths) implements Serializable {
    public QuasiIdentifier {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(kind, "kind");
      hierarchyRows = hierarchyRows.stream().map(List::copyOf).toList();
      widths = List.copyOf(widths);
    }

    /** Generalization kinds. */
    public enum Kind {
      HIERARCHY,
      PREFIX,
      RANGES,
      DATES
    }
  }
}
