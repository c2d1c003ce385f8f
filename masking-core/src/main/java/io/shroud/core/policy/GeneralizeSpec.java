package io.shroud.core.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Coarsens a value: numbers to ranges ({@code 32 -> 30-39}), dates to a year, quarter or month,
 * codes to a prefix ({@code 94107 -> 941**}), or any value through an ARX-style hierarchy.
 *
 * @param kind which generalization
 * @param width range width for {@link Kind#RANGE} (0 when bins are given)
 * @param bins ascending bin edges for {@link Kind#RANGE} (empty when width is given)
 * @param dateUnit year, quarter or month for {@link Kind#DATE}
 * @param prefixLength characters kept for {@link Kind#PREFIX}
 * @param hierarchyFile the hierarchy's file for {@link Kind#HIERARCHY}, for the audit
 * @param level hierarchy level (1 = first generalization)
 * @param hierarchy value to generalized value at {@code level}, loaded once when the policy is parsed
 */
public record GeneralizeSpec(Kind kind, double width, List<Double> bins, String dateUnit, int prefixLength,
    String hierarchyFile, int level, Map<String, String> hierarchy) implements OperatorSpec {

  public GeneralizeSpec {
    Objects.requireNonNull(kind, "kind");
    bins = List.copyOf(bins);
    hierarchy = Map.copyOf(hierarchy);
  }

  public static GeneralizeSpec range(double width) {
    return new GeneralizeSpec(Kind.RANGE, width, List.of(), null, 0, null, 0, Map.of());
  }

  public static GeneralizeSpec bins(List<Double> bins) {
    return new GeneralizeSpec(Kind.RANGE, 0, bins, null, 0, null, 0, Map.of());
  }

  public static GeneralizeSpec date(String unit) {
    return new GeneralizeSpec(Kind.DATE, 0, List.of(), unit, 0, null, 0, Map.of());
  }

  public static GeneralizeSpec prefix(int length) {
    return new GeneralizeSpec(Kind.PREFIX, 0, List.of(), null, length, null, 0, Map.of());
  }

  public static GeneralizeSpec hierarchy(String file, int level, Map<String, String> mapping) {
    return new GeneralizeSpec(Kind.HIERARCHY, 0, List.of(), null, 0, file, level, mapping);
  }

  @Override
  public String action() {
    return "generalize";
  }

  @Override
  public Map<String, Object> auditParameters() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
    switch (kind) {
      case RANGE -> {
        if (bins.isEmpty()) {
          params.put("width", width);
        } else {
          params.put("bins", bins);
        }
      }
      case DATE -> params.put("unit", dateUnit);
      case PREFIX -> params.put("length", prefixLength);
      case HIERARCHY -> {
        params.put("file", hierarchyFile);
        params.put("level", level);
      }
    }
    return params;
  }

  /** Generalization kinds. */
  public enum Kind {
    RANGE,
    DATE,
    PREFIX,
    HIERARCHY
  }
}
