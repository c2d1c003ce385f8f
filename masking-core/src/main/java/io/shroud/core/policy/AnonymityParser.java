package io.shroud.core.policy;

import io.shroud.core.anonymity.Hierarchy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Parses the {@code anonymity} section (keys fixed by contract: k, maxSuppression, metric, ...). */
final class AnonymityParser {
  private AnonymityParser() {}

  static Optional<AnonymitySettings> parse(YamlObject top) {
    Optional<YamlObject> section = top.object("anonymity");
    if (section.isEmpty()) {
      return Optional.empty();
    }
    YamlObject a = section.get();
    a.allowOnly("k", "maxSuppression", "metric", "onFailure", "suppressed", "quasiIdentifiers", "sensitive");
    int k = a.integer("k").orElseThrow(() -> a.error(null, "'anonymity.k' is required (the smallest allowed group)"));
    if (k < 1) {
      throw a.error("k", "'anonymity.k' must be at least 1, got " + k);
    }
    double maxSuppression = a.number("maxSuppression").orElse(0.0);
    if (!(maxSuppression >= 0 && maxSuppression <= 1)) {
      throw a.error("maxSuppression", "'anonymity.maxSuppression' must be between 0 and 1, got " + maxSuppression);
    }
    String metric = a.string("metric").orElse("entropy");
    if (!AnonymitySettings.METRICS.contains(metric)) {
      throw a.error("metric", "invalid value '" + metric + "' for 'anonymity.metric'; expected one of: "
          + String.join(", ", AnonymitySettings.METRICS));
    }
    AnonymitySettings.OnFailure onFailure = a.enumValue("onFailure", AnonymitySettings.OnFailure.class,
        AnonymitySettings.OnFailure::yamlName).orElse(AnonymitySettings.OnFailure.FAIL);
    String suppressed = a.string("suppressed").orElse("mask");
    if (!suppressed.equals("mask") && !suppressed.equals("drop")) {
      throw a.error("suppressed", "invalid value '" + suppressed + "' for 'anonymity.suppressed'; expected one of: mask, drop");
    }
    YamlObject qis = a.object("quasiIdentifiers").orElseThrow(() -> a.error(null,
        "'anonymity.quasiIdentifiers' is required: the columns that together could re-identify someone"));
    List<AnonymitySettings.QuasiIdentifier> list = new ArrayList<>();
    for (String column : qis.keys()) {
      list.add(quasiIdentifier(qis, column));
    }
    if (list.isEmpty()) {
      throw qis.error(null, "'anonymity.quasiIdentifiers' must name at least one column");
    }
    Map<String, Integer> sensitive = new LinkedHashMap<>();
    a.object("sensitive").ifPresent(s -> {
      for (String column : s.keys()) {
        YamlObject spec = s.object(column).orElseThrow(() -> s.error(column, "'" + s.dotted(column) + "' needs { l: N }"));
        spec.allowOnly("l");
        int l = spec.integer("l").orElseThrow(() -> spec.error(null, "'" + spec.dotted("l") + "' is required"));
        if (l < 1) {
          throw spec.error("l", "'" + spec.dotted("l") + "' must be at least 1, got " + l);
        }
        sensitive.put(column, l);
      }
      if (sensitive.size() > 1) {
        throw s.error(null, "'anonymity.sensitive' supports one column for now, got " + sensitive.size());
      }
    });
    return Optional.of(new AnonymitySettings(k, maxSuppression, metric, onFailure, suppressed.equals("drop"), list, sensitive));
  }

  private static AnonymitySettings.QuasiIdentifier quasiIdentifier(YamlObject qis, String column) {
    YamlObject spec = qis.object(column).orElseThrow(() -> qis.error(column,
        "'" + qis.dotted(column) + "' needs { hierarchy: FILE } or { generalize: { prefix: N | ranges: [..] | dates: true } }"));
    spec.allowOnly("hierarchy", "separator", "generalize");
    if (spec.has("hierarchy") == spec.has("generalize")) {
      throw spec.error(null, "quasi-identifier '" + column + "' needs exactly one of: hierarchy, generalize");
    }
    if (spec.has("hierarchy")) {
      String file = spec.string("hierarchy").orElseThrow();
      String separator = spec.string("separator").orElse(";");
      List<List<String>> rows = readRows(spec, file, separator);
      try {
        Hierarchy.fromRows(rows); // functional, rectangular, ends in "*"
      } catch (IllegalArgumentException e) {
        throw spec.error("hierarchy", e.getMessage().replace("(in memory)", file));
      }
      return new AnonymitySettings.QuasiIdentifier(column, AnonymitySettings.QuasiIdentifier.Kind.HIERARCHY, file,
          rows, 0, List.of());
    }
    YamlObject g = spec.object("generalize").orElseThrow();
    g.allowOnly("prefix", "ranges", "dates");
    List<String> kinds = Stream.of("prefix", "ranges", "dates").filter(g::has).toList();
    if (kinds.size() != 1) {
      throw g.error(null, "'" + PolicySource.dotted(g.pointer()) + "' needs exactly one of: prefix, ranges, dates");
    }
    switch (kinds.get(0)) {
      case "prefix" -> {
        var raw = g.raw("prefix");
        int levels = raw.isBoolean() ? (raw.booleanValue() ? 5 : 0) : g.integer("prefix").orElseThrow();
        if (levels < 1) {
          throw g.error("prefix", "'" + g.dotted("prefix") + "' must be true or the number of trailing characters to mask (1 or more)");
        }
        return new AnonymitySettings.QuasiIdentifier(column, AnonymitySettings.QuasiIdentifier.Kind.PREFIX, null, List.of(),
            levels, List.of());
      }
      case "ranges" -> {
        var raw = g.raw("ranges");
        List<Double> widths = new ArrayList<>();
        if (raw.isArray()) {
          raw.forEach(n -> widths.add(n.isNumber() ? n.doubleValue() : Double.NaN));
        }
        if (widths.isEmpty() || widths.stream().anyMatch(w -> !(w > 0))) {
          throw g.error("ranges", "'" + g.dotted("ranges") + "' must be a list of positive widths, one per level, such as [5, 10, 20]");
        }
        for (int i = 1; i < widths.size(); i++) {
          double ratio = widths.get(i) / widths.get(i - 1);
          if (ratio < 1 || Math.abs(ratio - Math.rint(ratio)) > 1e-9) {
            throw g.error("ranges", "'" + g.dotted("ranges") + "' must nest: each width a multiple of the one before ("
                + widths.get(i) + " is not a multiple of " + widths.get(i - 1) + "), so each range falls in one wider range");
          }
        }
        return new AnonymitySettings.QuasiIdentifier(column, AnonymitySettings.QuasiIdentifier.Kind.RANGES, null, List.of(), 0,
            widths);
      }
      default -> {
        return new AnonymitySettings.QuasiIdentifier(column, AnonymitySettings.QuasiIdentifier.Kind.DATES, null, List.of(), 0,
            List.of());
      }
    }
  }

  private static List<List<String>> readRows(YamlObject spec, String file, String separator) {
    List<List<String>> rows = new ArrayList<>();
    for (String line : SideFiles.lines(spec, "hierarchy", file)) {
      if (!line.isBlank()) {
        rows.add(List.of(line.split(Pattern.quote(separator), -1)));
      }
    }
    return rows;
  }
}
