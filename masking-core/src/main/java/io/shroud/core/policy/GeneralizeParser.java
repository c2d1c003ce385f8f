package io.shroud.core.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code generalize} rules. Exactly one of: {@code width} or {@code bins} (numeric ranges),
 * {@code date: year|quarter|month}, {@code prefix: N}, or {@code hierarchy: FILE} with {@code level}.
 * Hierarchy files use ARX's format ({@code value;level1;level2;...;*}) and are read here, once.
 */
final class GeneralizeParser {
  private GeneralizeParser() {}

  static GeneralizeSpec parse(YamlObject spec) {
    spec.allowOnly("action", "width", "bins", "date", "prefix", "hierarchy", "level", "separator");
    List<String> present = java.util.stream.Stream.of("width", "bins", "date", "prefix", "hierarchy")
        .filter(spec::has).toList();
    if (present.size() != 1) {
      throw spec.error(null, "generalize needs exactly one of: width, bins, date, prefix, hierarchy"
          + (present.isEmpty() ? "" : " (got " + String.join(", ", present) + ")"));
    }
    switch (present.get(0)) {
      case "width" -> {
        double width = spec.number("width").orElseThrow();
        if (!(width > 0)) {
          throw spec.error("width", "'" + spec.dotted("width") + "' must be greater than 0, got " + width);
        }
        return GeneralizeSpec.range(width);
      }
      case "bins" -> {
        List<Double> bins = numbers(spec);
        return GeneralizeSpec.bins(bins);
      }
      case "date" -> {
        String unit = spec.string("date").orElseThrow();
        if (!List.of("year", "quarter", "month").contains(unit)) {
          throw spec.error("date", "invalid value '" + unit + "' for '" + spec.dotted("date") + "'; expected one of: year, quarter, month");
        }
        return GeneralizeSpec.date(unit);
      }
      case "prefix" -> {
        int length = spec.integer("prefix").orElseThrow();
        if (length < 0) {
          throw spec.error("prefix", "'" + spec.dotted("prefix") + "' must not be negative, got " + length);
        }
        return GeneralizeSpec.prefix(length);
      }
      default -> {
        String file = spec.string("hierarchy").orElseThrow();
        int level = spec.integer("level").orElseThrow(() -> spec.error(null, "generalize with a hierarchy needs 'level' (1 = first generalization)"));
        String separator = spec.string("separator").orElse(";");
        return GeneralizeSpec.hierarchy(file, level, load(spec, file, level, separator));
      }
    }
  }

  private static List<Double> numbers(YamlObject spec) {
    var raw = spec.raw("bins");
    if (!raw.isArray() || raw.size() < 2) {
      throw spec.error("bins", "'" + spec.dotted("bins") + "' must be a list of at least two ascending numbers");
    }
    List<Double> edges = new java.util.ArrayList<>();
    for (var item : raw) {
      if (!item.isNumber()) {
        throw spec.error("bins", "'" + spec.dotted("bins") + "' must be a list of at least two ascending numbers");
      }
      double edge = item.doubleValue();
      if (!edges.isEmpty() && edge <= edges.get(edges.size() - 1)) {
        throw spec.error("bins", "'" + spec.dotted("bins") + "' must be strictly ascending");
      }
      edges.add(edge);
    }
    return edges;
  }

  static Map<String, String> load(YamlObject spec, String file, int level, String separator) {
    List<String> lines = SideFiles.lines(spec, "hierarchy", "hierarchy", file);
    Map<String, String> mapping = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] levels = line.split(java.util.regex.Pattern.quote(separator), -1);
      if (level < 1 || level >= levels.length) {
        throw spec.error("level", "hierarchy " + file + " line " + (i + 1) + " has levels 0.." + (levels.length - 1)
            + "; 'level' " + level + " is out of range");
      }
      mapping.put(levels[0], levels[level]);
    }
    return mapping;
  }
}
