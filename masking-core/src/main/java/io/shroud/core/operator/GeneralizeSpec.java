package io.shroud.core.operator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

  /**
   * Exactly one of: {@code width} or {@code bins} (numeric ranges), {@code date: year|quarter|month},
   * {@code prefix: N}, or {@code hierarchy: FILE} with {@code level}. Hierarchy files use ARX's format
   * ({@code value;level1;level2;...;*}) and are read here, once, when the policy loads.
   */
  static GeneralizeSpec parse(OperatorParams params) {
    params.allowOnly("action", "width", "bins", "date", "prefix", "hierarchy", "level", "separator");
    List<String> present = Stream.of("width", "bins", "date", "prefix", "hierarchy").filter(params::has).toList();
    if (present.size() != 1) {
      throw params.error(null, "generalize needs exactly one of: width, bins, date, prefix, hierarchy"
          + (present.isEmpty() ? "" : " (got " + String.join(", ", present) + ")"));
    }
    switch (present.get(0)) {
      case "width" -> {
        double width = params.number("width").orElseThrow();
        if (!(width > 0)) {
          throw params.error("width", "'" + params.dotted("width") + "' must be greater than 0, got " + width);
        }
        return range(width);
      }
      case "bins" -> {
        return bins(edges(params));
      }
      case "date" -> {
        String unit = params.string("date").orElseThrow();
        if (!List.of("year", "quarter", "month").contains(unit)) {
          throw params.error("date", "invalid value '" + unit + "' for '" + params.dotted("date")
              + "'; expected one of: year, quarter, month");
        }
        return date(unit);
      }
      case "prefix" -> {
        int length = params.integer("prefix").orElseThrow();
        if (length < 0) {
          throw params.error("prefix", "'" + params.dotted("prefix") + "' must not be negative, got " + length);
        }
        return prefix(length);
      }
      default -> {
        String file = params.string("hierarchy").orElseThrow();
        int level = params.integer("level").orElseThrow(() -> params.error(null,
            "generalize with a hierarchy needs 'level' (1 = first generalization)"));
        String separator = params.string("separator").orElse(";");
        return hierarchy(file, level, levelOf(params, file, level, separator));
      }
    }
  }

  private static List<Double> edges(OperatorParams params) {
    JsonNode raw = params.raw("bins");
    String notAscending = "'" + params.dotted("bins") + "' must be a list of at least two ascending numbers";
    if (!raw.isArray() || raw.size() < 2) {
      throw params.error("bins", notAscending);
    }
    List<Double> edges = new ArrayList<>();
    for (JsonNode item : raw) {
      if (!item.isNumber()) {
        throw params.error("bins", notAscending);
      }
      double edge = item.doubleValue();
      if (!edges.isEmpty() && edge <= edges.get(edges.size() - 1)) {
        throw params.error("bins", "'" + params.dotted("bins") + "' must be strictly ascending");
      }
      edges.add(edge);
    }
    return edges;
  }

  /** Each value of the hierarchy file to its generalization at {@code level}. */
  private static Map<String, String> levelOf(OperatorParams params, String file, int level, String separator) {
    List<String> lines = params.fileLines("hierarchy", file);
    Map<String, String> mapping = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] levels = line.split(Pattern.quote(separator), -1);
      if (level < 1 || level >= levels.length) {
        throw params.error("level", "hierarchy " + file + " line " + (i + 1) + " has levels 0.." + (levels.length - 1)
            + "; 'level' " + level + " is out of range");
      }
      mapping.put(levels[0], levels[level]);
    }
    return mapping;
  }

  @Override
  public String action() {
    return "generalize";
  }

  @Override
  public Map<String, Object> auditParameters() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("kind", kind.name().toLowerCase(Locale.ROOT));
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

  @Override
  public Traits traits() {
    return Traits.OPAQUE;
  }

  @Override
  public MaskingOperator build(KeyResolver keys) {
    return new Generalizer(this);
  }

  /** Generalization kinds. */
  public enum Kind {
    RANGE,
    DATE,
    PREFIX,
    HIERARCHY
  }
}
