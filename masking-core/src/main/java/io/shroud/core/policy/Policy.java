package io.shroud.core.policy;

import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.keys.KeySpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed, validated description of one sanitization job. Immutable; built once by
 * {@link PolicyParser} (or {@link #auto}) before Spark starts.
 *
 * @param source file name and line index, for errors found when the policy meets the data
 * @param digest SHA-256 of the policy text plus command-line overrides, for the audit
 * @param input what to read
 * @param output what to write
 * @param columns rules per column name, in file order
 * @param unlistedColumns what to do with columns the policy does not name
 * @param operators operator per entity type for detected findings
 * @param detection profiling and confidence settings
 * @param audit where the audit record goes
 * @param keys named keys
 * @param anonymityOrNull the k-anonymity requirements, or null
 * @param utility the utility report's sample and disclosure threshold
 * @param extensions the sections other modules read ({@link PolicyExtension}), such as the AWS settings
 */
public record Policy(
    PolicySource source,
    String digest,
    InputSpec input,
    OutputSpec output,
    Map<String, ColumnRule> columns,
    UnlistedColumns unlistedColumns,
    EntityOperators operators,
    DetectionSettings detection,
    AuditSettings audit,
    Map<String, KeySpec> keys,
    AnonymitySettings anonymityOrNull,
    UtilitySettings utility,
    PolicyExtensions extensions) {

  public static final String AUTO_POLICY_NAME = "built-in auto policy";

  public Policy {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(unlistedColumns, "unlistedColumns");
    Objects.requireNonNull(operators, "operators");
    Objects.requireNonNull(detection, "detection");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(utility, "utility");
    Objects.requireNonNull(extensions, "extensions");
    columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    keys = Map.copyOf(keys);
  }

  /**
   * The no-config contract: every column is detected, every finding is redacted to its label, and
   * every other value, row and column name passes through unchanged. CSV input and output have a
   * header row.
   */
  public static Policy auto(String inputPath, Optional<DataFormat> inputFormat, String outputPath,
      Optional<DataFormat> outputFormat, boolean overwrite) {
    DataFormat inFormat = inputFormat.orElseGet(() -> DataFormat.fromPath(inputPath));
    DataFormat outFormat = outputFormat.orElse(inFormat);
    Map<String, String> csvHeader = Map.of("header", "true");
    InputSpec in = new InputSpec(inputPath, inFormat, inFormat == DataFormat.CSV ? csvHeader : Map.of());
    OutputSpec out = new OutputSpec(outputPath, outFormat,
        overwrite ? WriteMode.OVERWRITE : WriteMode.ERROR_IF_EXISTS,
        outFormat == DataFormat.CSV ? csvHeader : Map.of());
    String digest = Digests.sha256Hex(AUTO_POLICY_NAME + "\n" + in + "\n" + out);
    return new Policy(PolicySource.builtIn(AUTO_POLICY_NAME), digest, in, out, Map.of(),
        UnlistedColumns.DETECT, EntityOperators.REDACT_ALL, DetectionSettings.DEFAULTS,
        AuditSettings.DEFAULTS, Map.of(), null, UtilitySettings.DEFAULTS, PolicyExtensions.NONE);
  }

  /** The same policy with other detection settings. */
  public Policy withDetection(DetectionSettings newDetection) {
    return new Policy(source, digest, input, output, columns, unlistedColumns, operators, newDetection, audit, keys,
        anonymityOrNull, utility, extensions);
  }

  /** The same policy with other utility settings (benchmarks time a run with and without the section). */
  public Policy withUtility(UtilitySettings newUtility) {
    return new Policy(source, digest, input, output, columns, unlistedColumns, operators, detection, audit, keys,
        anonymityOrNull, newUtility, extensions);
  }

  /** The settings an extension read from its section, if the section is present and on. */
  public <T> Optional<T> extension(Class<T> type) {
    return extensions.get(type);
  }

  public Optional<AnonymitySettings> anonymity() {
    return Optional.ofNullable(anonymityOrNull);
  }

  public boolean isAuto() {
    return source.name().equals(AUTO_POLICY_NAME);
  }
}
