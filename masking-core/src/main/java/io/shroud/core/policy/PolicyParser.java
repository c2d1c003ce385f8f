package io.shroud.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.detect.NerSettings;
import io.shroud.core.keys.KeySpec;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a YAML policy strictly into a {@link Policy}: unknown keys, wrong types, bad values and
 * dangling key references are errors that name the file, line and key. See {@code conf/README.md}.
 */
public final class PolicyParser {
  // In the order they are read; extensions' top-level sections are read (and listed) before 'utility'.
  private static final List<String> CORE_KEYS = List.of(
      "version", "input", "output", "columns", "unlistedColumns", "operators", "detection", "audit", "keys", "anonymity");
  private static final List<String> LAST_KEYS = List.of("utility");
  private static final List<String> DETECTION_KEYS = List.of(
      "sampleSize", "minConfidence", "classifyThreshold", "phoneRegions", "allowList", "denyList", "customDetectors", "ner");

  private final YAMLFactory factory;
  private final ObjectMapper mapper;
  private final List<PolicyExtension<?>> extensions;

  /** A parser of the core sections only: an extension's key (such as {@code aws}) is an unknown key. */
  public PolicyParser() {
    this(List.of());
  }

  /** A parser that also reads the given extensions' sections, in this order. */
  public PolicyParser(List<? extends PolicyExtension<?>> extensions) {
    this.factory = YamlSafety.factory();
    this.mapper = new ObjectMapper(factory);
    this.extensions = List.copyOf(extensions);
    Set<String> seen = new HashSet<>();
    for (PolicyExtension<?> extension : this.extensions) {
      List<String> core = extension.placement() == PolicyExtension.Placement.TOP_LEVEL
          ? concat(CORE_KEYS, LAST_KEYS) : DETECTION_KEYS;
      if (core.contains(extension.key()) || !seen.add(extension.placement() + "/" + extension.key())) {
        throw new IllegalArgumentException("Invalid policy extension " + extension.type().getName() + ": key '"
            + extension.key() + "' is already taken");
      }
    }
  }

  public Policy parse(Path file, PolicyOverrides overrides) {
    String text;
    try {
      if (Files.size(file) > YamlSafety.MAX_CODE_POINTS * 4L) {
        throw new InvalidPolicyException("Invalid policy " + file + ": " + Files.size(file) + " bytes; a policy is "
            + "at most " + YamlSafety.MAX_CODE_POINTS + " characters (is this the right file?)");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidPolicyException("Cannot read policy " + file + ": file does not exist");
    } catch (CharacterCodingException e) {
      throw new InvalidPolicyException("Invalid policy " + file + ": not UTF-8 text (save it as UTF-8)");
    } catch (IOException e) {
      throw new InvalidPolicyException("Cannot read policy " + file + ": " + e.getMessage(), e);
    }
    // A byte order mark is an editor's habit, not content.
    return parse(text.startsWith("\uFEFF") ? text.substring(1) : text, file.toString(), overrides);
  }

  public Policy parse(String yaml, String sourceName, PolicyOverrides overrides) {
    if (yaml.length() > YamlSafety.MAX_CODE_POINTS) {
      throw new InvalidPolicyException("Invalid policy " + sourceName + ": " + yaml.length() + " characters; a policy "
          + "is at most " + YamlSafety.MAX_CODE_POINTS + " characters (is this the right file?)");
    }
    JsonNode root;
    SourceLocations locations;
    try {
      YamlSafety.requirePlain(factory, yaml, PolicySource.builtIn(sourceName));
      root = mapper.readTree(yaml);
      locations = SourceLocations.index(factory, yaml);
    } catch (JsonProcessingException e) {
      int tabLine = YamlSafety.firstTabIndentedLine(yaml);
      if (tabLine > 0) {
        throw new InvalidPolicyException("Invalid policy " + sourceName + ", line " + tabLine
            + ": a tab indents this line; YAML indents with spaces only", e);
      }
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      String where = line > 0 ? sourceName + ", line " + line : sourceName;
      throw new InvalidPolicyException("Invalid policy " + where + ": "
          + YamlSafety.explain(e, yaml).orElseGet(() -> "malformed YAML: " + firstLine(e)), e);
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
    top.allowOnly(concat(CORE_KEYS, extensionKeys(PolicyExtension.Placement.TOP_LEVEL), LAST_KEYS)
        .toArray(String[]::new));
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
    PolicyExtensions parsed = PolicyExtensions.NONE;
    Optional<YamlObject> detectionSection = top.object("detection");
    DetectionSettings detection = parseDetection(detectionSection);
    if (detectionSection.isPresent()) {
      parsed = parseExtensions(PolicyExtension.Placement.DETECTION, detectionSection.get(),
          PolicyExtension.CoreSections.beforeAudit(input, output), parsed);
    }
    AuditSettings audit = parseAudit(top, keys);
    if (output.table().isPresent() && audit.path().isEmpty()) {
      throw top.error("output", "a table output needs 'audit.path': the directory (local, hdfs:// or s3a://) where "
          + "the run's audit record, report and manifest go");
    }
    String digest = Digests.sha256Hex(yaml + "\n--overrides--\n" + overrides);
    AnonymitySettings anonymity = AnonymityParser.parse(top).orElse(null);
    parsed = parseExtensions(PolicyExtension.Placement.TOP_LEVEL, top,
        PolicyExtension.CoreSections.withAudit(input, output, audit), parsed);
    UtilitySettings utility = UtilityParser.parse(top, anonymity);
    return new Policy(source, digest, input, output, columns, unlisted, entityOperators, detection, audit, keys, anonymity,
        utility, parsed);
  }

  private PolicyExtensions parseExtensions(PolicyExtension.Placement placement, YamlObject parent,
      PolicyExtension.CoreSections core, PolicyExtensions parsed) {
    PolicyExtensions result = parsed;
    for (PolicyExtension<?> extension : extensions) {
      if (extension.placement() == placement) {
        result = add(result, extension, parent, core);
      }
    }
    return result;
  }

  private static <T> PolicyExtensions add(PolicyExtensions parsed, PolicyExtension<T> extension, YamlObject parent,
      PolicyExtension.CoreSections core) {
    Optional<T> settings = extension.parse(parent, core);
    return settings.isPresent() ? parsed.with(extension.type(), settings.get()) : parsed;
  }

  private List<String> extensionKeys(PolicyExtension.Placement placement) {
    return extensions.stream().filter(e -> e.placement() == placement).map(PolicyExtension::key).toList();
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> all = new ArrayList<>();
    for (List<String> list : lists) {
      all.addAll(list);
    }
    return all;
  }

  private static InputSpec parseInput(YamlObject top, PolicyOverrides overrides) {
    Optional<YamlObject> section = top.object("input");
    section.ifPresent(s -> s.allowOnly("path", "format", "options", "onMalformed", "tagSanitized", "table", "catalog",
        "snapshot", "asOf"));
    Optional<TableSpec> table = section.flatMap(TableParser::input);
    if (table.isPresent()) {
      if (overrides.inputPath().isPresent() || overrides.inputFormat().isPresent()) {
        throw top.error("input", "the policy reads table " + table.get().identifier()
            + "; --input and --input-format apply to a path input (remove 'input.table' to read a path)");
      }
      return InputSpec.ofTable(table.get(), section.get().scalarMap("options"));
    }
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
    boolean tagSanitized = section.flatMap(s -> s.bool("tagSanitized")).orElse(false);
    return new InputSpec(path.get(), resolved, options, onMalformed, tagSanitized);
  }

  private static OutputSpec parseOutput(YamlObject top, InputSpec input, PolicyOverrides overrides) {
    Optional<YamlObject> section = top.object("output");
    section.ifPresent(s -> s.allowOnly("path", "format", "mode", "options", "tags", "table", "catalog"));
    Optional<TableSpec> table = section.flatMap(TableParser::output);
    if (table.isPresent()) {
      if (overrides.outputPath().isPresent() || overrides.outputFormat().isPresent()) {
        throw top.error("output", "the policy writes table " + table.get().identifier()
            + "; --output and --output-format apply to a path output (remove 'output.table' to write a path)");
      }
      WriteMode mode = overrides.overwrite() ? WriteMode.OVERWRITE
          : section.get().enumValue("mode", WriteMode.TABLE_MODES, WriteMode::yamlName).orElse(WriteMode.CREATE);
      // Tags go on the run's audit objects on S3; the table's own files are written by Iceberg.
      Map<String, String> tags = parseTags(section.get());
      return OutputSpec.ofTable(table.get(), mode, section.get().scalarMap("options"), tags);
    }
    Optional<String> path = overrides.outputPath().or(() -> section.flatMap(s -> s.string("path")));
    if (path.isEmpty() || path.get().isBlank()) {
      throw top.error(section.isPresent() ? "output" : null,
          "missing 'output.path' (set it in the policy or pass --output)");
    }
    DataFormat format = overrides.outputFormat()
        .or(() -> section.flatMap(s -> format(s, "format")))
        // A table's rows are typed and may be nested: Parquet keeps them so.
        .orElse(input.format() == DataFormat.ICEBERG ? DataFormat.PARQUET : input.format());
    WriteMode mode = overrides.overwrite()
        ? WriteMode.OVERWRITE
        : section.flatMap(s -> s.enumValue("mode", WriteMode.FILE_MODES, WriteMode::yamlName))
            .orElse(WriteMode.ERROR_IF_EXISTS);
    Map<String, String> options = section.map(s -> s.scalarMap("options")).orElseGet(LinkedHashMap::new);
    if (format == DataFormat.CSV) {
      options.putIfAbsent("header", "true");
    }
    Map<String, String> tags = section.map(PolicyParser::parseTags).orElseGet(LinkedHashMap::new);
    return new OutputSpec(path.get(), format, mode, options, tags);
  }

  /** {@code output.tags}: S3 object tags, checked against S3's limits with room left for Shroud's own. */
  private static Map<String, String> parseTags(YamlObject output) {
    Map<String, String> tags = output.scalarMap("tags");
    if (tags.isEmpty()) {
      return tags;
    }
    YamlObject section = output.object("tags").orElseThrow();
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      ObjectTagRules.keyProblem(tag.getKey()).ifPresent(problem -> {
        throw section.error(tag.getKey(), "invalid tag key '" + tag.getKey() + "' in 'output.tags': " + problem);
      });
      ObjectTagRules.valueProblem(tag.getValue()).ifPresent(problem -> {
        throw section.error(tag.getKey(), "invalid value for tag '" + tag.getKey() + "' in 'output.tags': " + problem);
      });
    }
    int total = tags.size() + ObjectTagRules.SHROUD_TAGS + (tags.containsKey(ObjectTagRules.CLASSIFICATION) ? 0 : 1);
    if (total > ObjectTagRules.MAX_TAGS_PER_OBJECT) {
      throw output.error("tags", "'output.tags' has " + tags.size() + " tags; S3 allows "
          + ObjectTagRules.MAX_TAGS_PER_OBJECT + " per object and Shroud adds " + ObjectTagRules.RUN_ID + ", "
          + ObjectTagRules.POLICY_SHA256 + " and a " + ObjectTagRules.CLASSIFICATION + " unless you set one: at most "
          + (ObjectTagRules.MAX_TAGS_PER_OBJECT - ObjectTagRules.SHROUD_TAGS) + " of your own, "
          + ObjectTagRules.CLASSIFICATION + " included");
    }
    return tags;
  }

  private static Optional<DataFormat> format(YamlObject section, String key) {
    return section.string(key).map(text -> {
      if (text.trim().equalsIgnoreCase("iceberg")) {
        throw section.error(key, "'" + section.dotted(key) + "' cannot be iceberg: name an Iceberg table with '"
            + section.dotted("table") + "' and a 'catalog' instead of a path and format (see conf/README.md)");
      }
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

  private DetectionSettings parseDetection(Optional<YamlObject> section) {
    if (section.isEmpty()) {
      return DetectionSettings.DEFAULTS;
    }
    YamlObject s = section.get();
    s.allowOnly(concat(DETECTION_KEYS, extensionKeys(PolicyExtension.Placement.DETECTION)).toArray(String[]::new));
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
        parseNer(s));
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
          + (keys.isEmpty() ? "" : " (defined: " + String.join(", ", new TreeSet<>(keys.keySet())) + ")"));
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
