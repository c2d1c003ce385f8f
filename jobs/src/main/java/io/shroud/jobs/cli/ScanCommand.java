package io.shroud.jobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.shroud.core.UsageException;
import io.shroud.core.detect.DetectionSettings;
import io.shroud.core.policy.DataFormat;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.PolicyOverrides;
import io.shroud.core.report.PolicySuggester;
import io.shroud.core.report.ReportHtml;
import io.shroud.core.report.ScanReport;
import io.shroud.jobs.scan.ScanJob;
import io.shroud.jobs.spark.SparkSessions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shroud scan}: discovery only, a JSON and an HTML report, optionally a starter policy. */
@Command(name = "scan", mixinStandardHelpOptions = true,
    description = "Discover PII without writing any data: per column classification, counts per entity type, "
        + "share of sampled rows with findings, masked examples. Writes DIR/report.json and DIR/report.html.")
public final class ScanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--input", paramLabel = "PATH", description = "Input path (overrides input.path)")
  String input;

  @Option(names = "--input-format", paramLabel = "F", converter = FormatConverter.class,
      description = "csv, parquet or json (default: from the policy or the extension)")
  DataFormat inputFormat;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Policy YAML for reader options and detection settings")
  String config;

  @Option(names = "--report", required = true, paramLabel = "DIR", description = "Directory for report.json and report.html")
  Path report;

  @Option(names = "--suggest-policy", paramLabel = "FILE", description = "Also write a starter policy YAML (must not exist)")
  Path suggestPolicy;

  @Option(names = "--sample-size", paramLabel = "N", description = "Rows to sample (default: detection.sampleSize, 1000)")
  Integer sampleSize;

  @Override
  public Integer call() throws IOException {
    if (suggestPolicy != null && Files.exists(suggestPolicy)) {
      throw new UsageException("Cannot write suggested policy " + suggestPolicy + ": it already exists");
    }
    Policy policy = policy();
    BeforeSpark.checkRead(policy, common.master());
    ScanReport result = new ScanJob(SparkSessions.getOrCreate(common.master())).run(policy);
    Files.createDirectories(report);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Files.writeString(report.resolve("report.json"), json.writeValueAsString(result) + "\n", StandardCharsets.UTF_8);
    Files.writeString(report.resolve("report.html"), ReportHtml.render(result), StandardCharsets.UTF_8);
    var out = spec.commandLine().getOut();
    out.printf("Scanned %d rows of %s: %s%n", result.rowsScanned(), result.input(),
        result.findingsByType().isEmpty() ? "no findings" : result.findingsByType());
    out.printf("Reports: %s, %s%n", report.resolve("report.json"), report.resolve("report.html"));
    if (suggestPolicy != null) {
      String name = Path.of(policy.input().path().replaceAll("[/\\\\]+$", "")).getFileName().toString()
          .replaceFirst("\\.(csv|parquet|jsonl?|ndjson)$", "");
      Files.writeString(suggestPolicy, PolicySuggester.suggest(result, "out/" + name + "-masked"),
          StandardCharsets.UTF_8);
      out.printf("Suggested policy: %s%n", suggestPolicy);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private Policy policy() {
    Policy base = config == null
        ? Policy.auto(require(input), Optional.ofNullable(inputFormat).or(() -> InputFormats.guess(input)), "unused-scan-output", Optional.empty(), false)
        : PolicyLoader.load(config, new PolicyOverrides(Optional.ofNullable(input), Optional.ofNullable(inputFormat),
            Optional.of("unused-scan-output"), Optional.empty(), false));
    if (sampleSize == null) {
      return base;
    }
    if (sampleSize < 1) {
      throw new UsageException("Invalid --sample-size " + sampleSize + ": expected at least 1");
    }
    DetectionSettings d = base.detection();
    return base.withDetection(d.withSampleSize(sampleSize));
  }

  private static String require(String input) {
    if (input == null) {
      throw new UsageException("Invalid arguments: scan needs --input or --config");
    }
    return input;
  }
}
