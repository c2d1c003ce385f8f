package io.shroud.jobs.cli;

import io.shroud.core.policy.Policy;
import io.shroud.core.policy.PolicyOverrides;
import io.shroud.core.policy.PolicyParser;
import io.shroud.jobs.sanitize.PreviewJob;
import io.shroud.jobs.spark.SparkSessions;
import java.io.PrintWriter;
import java.nio.file.Path;
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
    description = "Print the first rows after masking as a table, with the entity types found in each cell. "
        + "Masked values only: originals are never printed.")
public final class PreviewCommand implements Callable<Integer> {
  private static final int MAX_WIDTH = 32;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Policy YAML (default: the auto policy)")
  String config;

  @Option(names = "--input", paramLabel = "PATH", description = "Input path (overrides input.path)")
  String input;

  @Option(names = "--rows", paramLabel = "N", defaultValue = "10", description = "Rows to show (default: ${DEFAULT-VALUE})")
  int rows;

  @Override
  public Integer call() {
    if (rows < 1 || rows > 10_000) {
      throw new io.shroud.core.UsageException("Invalid --rows " + rows + ": expected 1 to 10000");
    }
    Policy policy;
    if (config == null) {
      if (input == null) {
        throw new io.shroud.core.UsageException("Invalid arguments: preview needs --config or --input");
      }
      policy = Policy.auto(input, Optional.empty(), "unused-preview-output", Optional.empty(), false);
    } else {
      policy = PolicyLoader.load(config, new PolicyOverrides(Optional.ofNullable(input), Optional.empty(),
          Optional.of("unused-preview-output"), Optional.empty(), false));
    }
    BeforeSpark.checkRead(policy, common.master());
    PreviewJob.Preview preview = new PreviewJob(SparkSessions.getOrCreate(common.master())).run(policy, rows);
    print(preview, spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  static void print(PreviewJob.Preview preview, PrintWriter out) {
    List<List<String>> table = new ArrayList<>();
    table.add(preview.columns());
    for (List<PreviewJob.Cell> row : preview.rows()) {
      table.add(row.stream().map(c -> {
        String value = c.value() == null ? "null" : c.value();
        return c.types().isEmpty() ? value : value + " [" + String.join(",", c.types()) + "]";
      }).map(PreviewCommand::clip).toList());
    }
    int[] widths = new int[preview.columns().size()];
    for (List<String> row : table) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], clip(row.get(i)).length());
      }
    }
    for (int r = 0; r < table.size(); r++) {
      StringBuilder line = new StringBuilder("|");
      for (int i = 0; i < widths.length; i++) {
        line.append(' ').append(String.format("%-" + widths[i] + "s", clip(table.get(r).get(i)))).append(" |");
      }
      out.println(line);
      if (r == 0) {
        StringBuilder rule = new StringBuilder("|");
        for (int w : widths) {
          rule.append("-".repeat(w + 2)).append('|');
        }
        out.println(rule);
      }
    }
    out.flush();
  }

  private static String clip(String s) {
    String flat = s.replace('\n', ' ').replace('\r', ' ');
    return flat.length() <= MAX_WIDTH ? flat : flat.substring(0, MAX_WIDTH - 1) + "…";
  }
}
