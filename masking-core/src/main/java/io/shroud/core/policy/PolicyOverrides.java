package io.shroud.core.policy;

import java.util.Optional;

/**
 * Command-line flags that take precedence over the policy file.
 *
 * @param inputPath --input
 * @param inputFormat --input-format
 * @param outputPath --output
 * @param outputFormat --output-format
 * @param overwrite --overwrite
 */
public record PolicyOverrides(
    Optional<String> inputPath,
    Optional<DataFormat> inputFormat,
    Optional<String> outputPath,
    Optional<DataFormat> outputFormat,
    boolean overwrite) {

  public static final PolicyOverrides NONE =
      new PolicyOverrides(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);

  @Override
  public String toString() {
    return "input=" + inputPath.orElse("-") + ",inputFormat=" + inputFormat.map(Enum::name).orElse("-")
        + ",output=" + outputPath.orElse("-") + ",outputFormat=" + outputFormat.map(Enum::name).orElse("-")
        + ",overwrite=" + overwrite;
  }
}
