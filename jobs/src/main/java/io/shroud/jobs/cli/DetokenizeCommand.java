package io.shroud.jobs.cli;

import io.shroud.core.UsageException;
import io.shroud.core.policy.DataFormat;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.PolicyOverrides;
import io.shroud.jobs.sanitize.DetokenizeJob;
import io.shroud.jobs.sanitize.KeyCheck;
import io.shroud.jobs.sanitize.RunInfo;
import io.shroud.jobs.sanitize.SanitizeResult;
import io.shroud.jobs.spark.SparkSessions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shroud detokenize}: reverse tokenize/encrypt columns of a sanitized output (authorized runs). */
@Command(name = "detokenize", mixinStandardHelpOptions = true,
    description = {
      "Reverse tokenized or encrypted columns of a sanitized output, with the policy that produced it.",
      "Needs the policy's keys; audited like sanitize. Only columns with a tokenize or encrypt rule.",
      "Before reading a row, the keys are checked against the key check values in the audit record of the",
      "sanitize run that wrote the input: a wrong key or key version is refused (exit 2), naming key and column."
    })
public final class DetokenizeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The policy used to sanitize")
  String config;

  @Option(names = "--input", required = true, paramLabel = "PATH", description = "The sanitized data")
  String input;

  @Option(names = "--output", required = true, paramLabel = "PATH", description = "Where to write the restored data")
  String output;

  @Option(names = "--columns", required = true, split = ",", paramLabel = "COL", description = "Columns to reverse")
  List<String> columns;

  @Option(names = "--input-format", paramLabel = "F", converter = FormatConverter.class,
      description = "Format of the sanitized data (default: the policy's output format)")
  DataFormat inputFormat;

  @Option(names = "--output-format", paramLabel = "F", converter = FormatConverter.class,
      description = "csv, parquet or json (default: the input format)")
  DataFormat outputFormat;

  @Option(names = "--overwrite", description = "Replace an existing output (default: refuse)")
  boolean overwrite;

  @Option(names = "--key-version", paramLabel = "NAME=N",
      description = "Use an older version of a rotated key (listed under the key's 'previous')")
  Map<String, Integer> keyVersions = new HashMap<>();

  @Option(names = "--audit", paramLabel = "FILE",
      description = "The audit record of the sanitize run that wrote the input (default: the newest one for the "
          + "input in its audit directory); its key check values must match this run's keys")
  String audit;

  @Option(names = "--no-key-check",
      description = "Reverse without checking the keys against the sanitize run's audit record (a wrong key then "
          + "gives wrong values, silently)")
  boolean noKeyCheck;

  @Override
  public Integer call() {
    Policy sanitizing = PolicyLoader.load(config, PolicyOverrides.NONE);
    DataFormat in = inputFormat != null ? inputFormat : sanitizing.output().format();
    PolicyOverrides overrides = new PolicyOverrides(Optional.of(input), Optional.of(in), Optional.of(output),
        Optional.of(outputFormat != null ? outputFormat : in), overwrite);
    Policy policy = PolicyLoader.load(config, overrides);
    BeforeSpark.checkWrite(policy, common.master());
    if (noKeyCheck && audit != null) {
      throw new UsageException("Invalid arguments: --audit and --no-key-check exclude each other");
    }
    SanitizeResult result = new DetokenizeJob(SparkSessions.getOrCreate(common.master()))
        .run(policy, columns, keyVersions, new KeyCheck.Request(Optional.ofNullable(audit), noKeyCheck),
            RunInfo.start("detokenize"));
    spec.commandLine().getOut().printf("Restored %s in %d rows from %s to %s%nAudit: %s%n", String.join(", ", columns),
        result.audit().rowsWritten(), input, output, result.auditLocation());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
