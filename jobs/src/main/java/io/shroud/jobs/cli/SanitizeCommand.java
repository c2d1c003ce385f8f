package io.shroud.jobs.cli;

import io.shroud.core.UsageException;
import io.shroud.core.audit.AuditRecord.Status;
import io.shroud.core.policy.DataFormat;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.PolicyOverrides;
import io.shroud.jobs.sanitize.RunInfo;
import io.shroud.jobs.sanitize.SanitizeJob;
import io.shroud.jobs.sanitize.SanitizeResult;
import io.shroud.jobs.spark.SparkSessions;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shroud sanitize}: detect and mask PII, write the masked copy and an audit record. */
@Command(name = "sanitize", mixinStandardHelpOptions = true,
    description = {
      "Detect and mask personal data, writing a masked copy and an audit record.",
      "Without --config the built-in auto policy runs: every column is scanned, every finding is",
      "replaced by its type label (<EMAIL>), and all other values, rows and column names are kept."
    })
public final class SanitizeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Policy YAML: a file, or a URI such as s3a://bucket/policy.yaml (see conf/README.md)")
  String config;

  @Option(names = "--input", paramLabel = "PATH", description = "Input path (overrides input.path)")
  String input;

  @Option(names = "--output", paramLabel = "PATH", description = "Output path (overrides output.path)")
  String output;

  @Option(names = "--input-format", paramLabel = "F", converter = FormatConverter.class,
      description = "csv, parquet or json (default: from the policy or the input's extension)")
  DataFormat inputFormat;

  @Option(names = "--output-format", paramLabel = "F", converter = FormatConverter.class,
      description = "csv, parquet or json (default: the input format)")
  DataFormat outputFormat;

  @Option(names = "--overwrite", description = "Replace an existing output (default: refuse)")
  boolean overwrite;

  @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr")
  boolean quiet;

  @Override
  public Integer call() {
    Policy policy = loadPolicy();
    BeforeSpark.checkWrite(policy, common.master());
    RunInfo run = RunInfo.start("sanitize");
    SanitizeResult result = new SanitizeJob(SparkSessions.getOrCreate(common.master()), !quiet).run(policy, run);
    PrintWriter out = spec.commandLine().getOut();
    if (result.audit().ended(Status.NOT_ANONYMIZED)) {
      out.printf("Not anonymized: %s%nAudit: %s%n", result.audit().error(), result.auditLocation());
      out.flush();
      return ExitCodes.OK;
    }
    out.printf(Locale.ROOT, "Sanitized %d rows from %s to %s in %.1f s%n", result.audit().rowsWritten(),
        policy.input().path(), policy.output().path(), result.audit().durationMillis() / 1000.0);
    String csvReader = result.audit().input().get("csvReader");
    if (csvReader != null) {
      out.printf("Input: %s%n", csvReader);
    }
    out.printf("Findings: %s%n", result.audit().findingsByType().isEmpty() ? "none" : result.audit().findingsByType());
    AnonymitySummary.lines(result.audit().anonymity()).forEach(out::println);
    String snapshot = result.audit().output().get("snapshotId");
    if (snapshot != null) {
      out.printf("Snapshot: %s of table %s (%s)%n", snapshot, result.audit().output().get("table"),
          result.audit().output().get("mode"));
    }
    out.printf("Audit: %s%n", result.auditLocation());
    result.manifestLocation().ifPresent(m -> out.printf("Manifest: %s%n", m));
    out.flush();
    return ExitCodes.OK;
  }

  Policy loadPolicy() {
    if (config == null) {
      if (input == null || output == null) {
        throw new UsageException("Invalid arguments: without --config, both --input and --output are required");
      }
      return Policy.auto(input, Optional.ofNullable(inputFormat).or(() -> InputFormats.guess(input)), output, Optional.ofNullable(outputFormat), overwrite);
    }
    PolicyOverrides overrides = new PolicyOverrides(Optional.ofNullable(input), Optional.ofNullable(inputFormat),
        Optional.ofNullable(output), Optional.ofNullable(outputFormat), overwrite);
    return PolicyLoader.load(config, overrides);
  }
}
