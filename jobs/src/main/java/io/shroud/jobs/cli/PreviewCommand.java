package io.shroud.jobs.cli;

import io.shroud.core.UsageException;
import io.shroud.core.policy.DataFormat;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.PolicyOverrides;
import io.shroud.jobs.sanitize.PreviewJob;
import io.shroud.jobs.spark.SparkSessions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shroud preview}: the first rows after masking, with the entity types found per cell. */
@Command(name = "preview", mixinStandardHelpOptions = true,
    description = {"Print the first rows after masking as a table, with the entity types found in each cell "
        + "(in brackets). Masked values only: originals are never printed.",
        "Long values wrap within their column (--width); nothing is cut off."})
public final class PreviewCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Policy YAML (default: the auto policy)")
  String config;

  @Option(names = "--input", paramLabel = "PATH", description = "Input path (overrides input.path)")
  String input;

  @Option(names = "--input-format", paramLabel = "F", converter = FormatConverter.class,
      description = "csv, parquet or json (default: the policy's, else from the input: a directory of part files "
          + "such as a sanitize output is read in their format)")
  DataFormat inputFormat;

  @Option(names = "--rows", paramLabel = "N", defaultValue = "10", description = "Rows to show (default: ${DEFAULT-VALUE})")
  int rows;

  @Option(names = "--width", paramLabel = "N", defaultValue = "40",
      description = "Widest a column gets before its values wrap onto more lines (default: ${DEFAULT-VALUE}; 0: no limit)")
  int width;

  @Override
  public Integer call() {
    if (rows < 1 || rows > 10_000) {
      throw new UsageException("Invalid --rows " + rows + ": expected 1 to 10000");
    }
    if (width < 0 || width > 0 && width < 8) {
      throw new UsageException("Invalid --width " + width + ": expected 0 (no limit) or 8 and more");
    }
    Policy policy;
    if (config == null) {
      if (input == null) {
        throw new UsageException("Invalid arguments: preview needs --config or --input");
      }
      policy = Policy.auto(input, Optional.ofNullable(inputFormat).or(() -> InputFormats.guess(input)),
          "unused-preview-output", Optional.empty(), false);
    } else {
      policy = PolicyLoader.load(config, new PolicyOverrides(Optional.ofNullable(input), Optional.ofNullable(inputFormat),
          Optional.of("unused-preview-output"), Optional.empty(), false));
    }
    BeforeSpark.checkRead(policy, common.master());
    PreviewJob.Preview preview = new PreviewJob(SparkSessions.getOrCreate(common.master())).run(policy, rows);
    print(preview, width, spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  static void print(PreviewJob.Preview preview, int width, PrintWriter out) {
    List<List<String>> cells = new ArrayList<>();
    for (List<PreviewJob.Cell> row : preview.rows()) {
      cells.add(row.stream().map(c -> {
        String value = c.value() == null ? "null" : c.value();
        return c.types().isEmpty() ? value : value + " [" + String.join(",", c.types()) + "]";
      }).toList());
    }
    PreviewTable.print(preview.columns(), cells, width, out);
  }
}
