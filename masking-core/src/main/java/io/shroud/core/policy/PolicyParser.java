package io.shroud.core.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a YAML policy strictly into a {@link Policy}: unknown keys, wrong types, bad values and
 * dangling key references are errors that name the file, line and key. See {@code conf/README.md}.
 */
public final class PolicyParser {
  private static final String[] TOP_LEVEL_KEYS = {
    "version", "input", "output", "columns", "unlistedColumns", "operators", "detection", "audit", "keys", "anonymity", "aws",
    "utility"
  };

  private final YAMLFactory factory;
  private final ObjectMapper mapper;

  public PolicyParser() {
    this.factory = new YAMLFactory();
    factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    this.mapper = new ObjectMapper(factory);
  }

  public Policy parse(Path file, PolicyOverrides overrides) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidPolicyException("Cannot read policy " + file + ": file does not exist");
    } catch (IOException e) {
      throw new InvalidPolicyException("Cannot read policy " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toString(), overrides);
  }

  public Policy parse(String yaml, String sourceName, PolicyOverrides overrides) {
    JsonNode root;
    SourceLocations locations;
    try {
      root = mapper.readTree(yaml);
      locations = SourceLocations.index(factory, yaml);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      String where = line > 0 ? sourceName + ", line " + line : sourceName;
      throw new InvalidPolicyException("Invalid policy " + where + ": malformed YAML: " + firstLine(e), e);
    } catch (IOException e) {
      throw new InvalidPolicyException("Cannot read policy " + sourceName + ": " + e.getMessage(), e);
    }
    PolicySource source = new PolicySource(sourceName, locations);
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw source.error("", "the file is empty; expected a mapping with 'input', 'output' and 'columns'");
    }
    if (!root.isObject()) {
      throw source.error("", "expected a mapping at the top level");
    }
    YamlObject top = new YamlObject((ObjectNode) root, "", source);
    top.allowOnly(TOP_LEVEL_KEYS);
    top.integer("version").filter(v -> v != 1).ifPresent(v -> {
      throw top.error("version", "unsupported policy version " + v + "; this Shroud reads version 1");
    });

    Map<String, KeySpec> keys = parseKeys(top);
    OperatorParser operators = new OperatorParser(keys.keySet());
    InputSpec input = parseInput(top, overrides);
    OutputSpec output = parseOutput(top, input, overrides);
    Map<String, ColumnRule> columns = parseColumns(top, operators);
    UnlistedColumns unlisted = top.enumValue("unlistedColumns", UnlistedColumns.class, UnlistedColumns::yamlName)
        .orElse(UnlistedColumns.DETECT);
    EntityOperators entityOperators = parseEntityOperators(top, operators);
    DetectionSettings detection = parseDetection(top);
    AuditSettings audit = parseAudit(top, keys);
    String digest = Digests.sha256Hex(yaml + "\n--overrides--\n" + overrides);
    AnonymitySettings anonymity = AnonymityParser.parse(top).orElse(null);
    AwsSettings aws = AwsParser.parse(top, output, audit).orElse(null);
    UtilitySettings utility = UtilityParser.parse(top, anonymity);
    return new Policy(source, digest, input, output, columns, unlisted, entityOperators, detection, audit, keys, anonymity,
        aws, utility);
  }

  private static InputSpec parseInput(YamlObject top, PolicyOverrides overrides) {
    Optional<YamlObject> section = top.object("input");
    section.ifPresent(s -> s.allowOnly("path", "format", "options", "onMalformed"));
    Optional<String> path = overrides.inputPath().or(() -> section.flatMap(s -> s.string("path")));
    if (path.isEmpty() || path.get().isBlank()) {
      throw top.error(section.isPresent() ? "input" : null,
          "missing 'input.path' (set it in the policy or pass --input)");
    }
    Optional<DataFormat> format = overrides.inputFormat()
        .or(() -> section.flatMap(s -> format(s, "format")));
    Map<String, String> options = section.map(s -> s.scalarMap("options")).orElseGet(LinkedHashMap::new);
    DataFormat resolved = format.orElseGet(() -> DataFormat.fromPath(path.get()));
    if (resolved == DataFormat.CSV) {
      options.putIfAbsent("header", "true");
    }
    OnMalformed onMalformed = section.flatMap(s -> s.enumValue("onMalformed", OnMalformed.class, OnMalformed::yamlName))
        .orElse(OnMalformed.FAIL);
    return new InputSpec(path.get(), resolved, options, onMalformed);
  }

  private static OutputSpec parseOutput(YamlObject top, InputSpec input, PolicyOverrides overrides) {
    Optional<YamlObject> section = top.object("output");
    section.ifPresent(s -> s.allowOnly("path", "format", "mode", "options"));
    Optional<String> path = overrides.outputPath().or(() -> section.flatMap(s -> s.string("path")));
    if (path.isEmpty() || path.get().isBlank()) {
      throw top.error(section.isPresent() ? "output" : null,
          "missing 'output.path' (set it in the policy or pass --output)");
    }
    DataFormat format = overrides.outputFormat()
        .or(() -> section.flatMap(s -> format(s, "format")))
        .orElse(input.format());
    WriteMode mode = overrides.overwrite()
        ? WriteMode.OVERWRITE
        : section.flatMap(s -> s.enumValue("mode", WriteMode.class, WriteMode::yamlName))
            .orElse(WriteMode.ERROR_IF_EXISTS);
    Map<String, String> options = section.map(s -> s.scalarMap("options")).orElseGet(LinkedHashMap::new);
    if (format == DataFormat.CSV) {
      options.putIfAbsent("header", "true");
    }
    return new OutputSpec(path.get(), format, mode, options);
  }

  private static Optional<DataFormat> format(YamlObject section, String key) {
    return section.string(key).map(text -> {
      try {
        return DataFormat.parse(text);
      } catch (IllegalArgumentException e) {
        throw section.error(key, "invalid value '" + text + "' for '" + section.dotted(key)
            + "'; expected one of: " + DataFormat.names());
      }
    });
  }

  private static Map<String, ColumnRule> parseColumns(YamlObject top, OperatorParser operators) {
    Map<String, ColumnRule> rules = new LinkedHashMap<>();
    Optional<YamlObject> section = top.object("columns");
    if (section.isEmpty()) {
      return rules;
    }
    for (String column : section.get().keys()) {
      rules.put(column, operators.parseRule(section.get(), column));
    }
    return rules;
  }

  private static EntityOperators parseEntityOperators(YamlObject top, OperatorParser operators) {
    Optional<YamlObject> section = top.object("operators");
    if (section.isEmpty()) {
      return EntityOperators.REDACT_ALL;
    }
    return operators.parseEntityOperators(section.get());
  }

  private static DetectionSettings parseDetection(YamlObject top) {
    Optional<YamlObject> section = top.object("detection");
    if (section.isEmpty()) {
      return DetectionSettings.DEFAULTS;
    }
    YamlObject s = section.get();
    s.allowOnly("sampleSize", "minConfidence", "classifyThreshold", "phoneRegions", "allowList", "denyList",
        "customDetectors", "ner", "comprehend", "macie");
    DetectionSettings d = DetectionSettings.DEFAULTS;
    int sampleSize = s.integer("sampleSize").orElse(d.sampleSize());
    if (sampleSize < 1) {
      throw s.error("sampleSize", "'detection.sampleSize' must be at least 1, got " + sampleSize);
    }
    double minConfidence = fraction(s, "minConfidence", d.minConfidence());
    double classifyThreshold = fraction(s, "classifyThreshold", d.classifyThreshold());
    List<String> regions = s.stringList("phoneRegions").orElse(d.phoneRegions());
    if (regions.isEmpty()) {
      throw s.error("phoneRegions", "'detection.phoneRegions' must name at least one region, such as US");
    }
    for (String region : regions) {
      if (!region.matches("[A-Z]{2}")) {
        throw s.error("phoneRegions", "invalid region '" + region
            + "' in 'detection.phoneRegions'; expected a two-letter ISO 3166 code such as US or GB");
      }
    }
    return new DetectionSettings(sampleSize, minConfidence, classifyThreshold, regions, ScanOptionsParser.parse(s),
        parseNer(s), ComprehendParser.parse(s), MacieParser.parse(s));
  }

  private static NerSettings parseNer(YamlObject detection) {
    Optional<YamlObject> section = detection.object("ner");
    if (section.isEmpty()) {
      return NerSettings.DEFAULTS;
    }
    YamlObject n = section.get();
    n.allowOnly("enabled", "threshold", "unknownProperNouns");
    boolean enabled = n.bool("enabled").orElse(NerSettings.DEFAULTS.enabled());
    double threshold = fraction(n, "threshold", NerSettings.DEFAULTS.threshold());
    boolean properNouns = n.bool("unknownProperNouns").orElse(NerSettings.DEFAULTS.unknownProperNouns());
    return new NerSettings(enabled, threshold, properNouns);
  }

  private static double fraction(YamlObject section, String key, double fallback) {
    double value = section.number(key).orElse(fallback);
    if (!(value >= 0.0 && value <= 1.0)) {
      throw section.error(key, "'" + section.dotted(key) + "' must be between 0 and 1, got " + value);
    }
    return value;
  }

  private static AuditSettings parseAudit(YamlObject top, Map<String, KeySpec> keys) {
    Optional<YamlObject> section = top.object("audit");
    if (section.isEmpty()) {
      return AuditSettings.DEFAULTS;
    }
    YamlObject audit = section.get();
    audit.allowOnly("path", "residualSampleSize", "failOnResidual", "signingKey");
    int sample = audit.integer("residualSampleSize").orElse(1000);
    if (sample < 0) {
      throw audit.error("residualSampleSize", "'audit.residualSampleSize' must not be negative (0 turns the rescan off), got " + sample);
    }
    String signingKey = audit.string("signingKey").orElse(null);
    if (signingKey != null && !keys.containsKey(signingKey)) {
      throw audit.error("signingKey", "'audit.signingKey' names key '" + signingKey + "', which is not defined under 'keys'"
          + (keys.isEmpty() ? "" : " (defined: " + String.join(", ", new java.util.TreeSet<>(keys.keySet())) + ")"));
    }
    return new AuditSettings(audit.string("path").orElse(null), sample, audit.bool("failOnResidual").orElse(false),
        signingKey);
  }

  private static Map<String, KeySpec> parseKeys(YamlObject top) {
    Map<String, KeySpec> keys = new LinkedHashMap<>();
    Optional<YamlObject> section = top.object("keys");
    if (section.isEmpty()) {
      return keys;
    }
    for (String name : section.get().keys()) {
      if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
        throw section.get().error(name, "invalid key name '" + name
            + "'; use letters, digits, '.', '_' and '-'");
      }
      YamlObject spec = section.get().object(name)
          .orElseThrow(() -> section.get().error(name, "key '" + name + "' needs a mapping such as { file: PATH }"));
      keys.put(name, KeySpecParser.parse(name, spec, true));
    }
    return keys;
  }

  private static String firstLine(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "unreadable document" : e.getOriginalMessage();
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }
}
