package io.shroud.jobs.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.shroud.connectors.aws.AwsSettings;
import io.shroud.core.UsageException;
import io.shroud.core.policy.DataFormat;
import io.shroud.core.policy.InputSpec;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.PolicyOverrides;
import io.shroud.core.policy.UtilitySettings;
import io.shroud.core.report.UtilityHtml;
import io.shroud.core.utility.UtilityReport;
import io.shroud.jobs.spark.SparkSessions;
import io.shroud.jobs.utility.CompareJob;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shroud compare}: the utility report for a data set and its masked copy, produced elsewhere. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"What masking cost the data, for two data sets produced elsewhere: the utility section of a",
        "sanitize run report. Columns are matched by name; rows only by --key (without it, distributions only).",
        "Writes DIR/report.json and DIR/report.html: aggregates only, never a value."})
public final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--before", required = true, paramLabel = "PATH", description = "The original data")
  String before;

  @Option(names = "--after", required = true, paramLabel = "PATH", description = "The masked data")
  String after;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "Policy YAML: reader options (input.* for --before, output.* for --after), utility and anonymity")
  String config;

  @Option(names = "--key", paramLabel = "COLUMN", description = "A top-level column identifying a record on both sides")
  String key;

  @Option(names = "--report", required = true, paramLabel = "DIR",
      description = "Directory for report.json and report.html")
  Path report;

  @Option(names = "--before-format", paramLabel = "F", converter = FormatConverter.class,
      description = "csv, parquet, json, text or wholetext (default: the policy, else the extension)")
  DataFormat beforeFormat;

  @Option(names = "--after-format", paramLabel = "F", converter = FormatConverter.class,
      description = "the same for --after")
  DataFormat afterFormat;

  @Option(names = "--sample", paramLabel = "N", description = "Rows to sample (default: utility.sample, 5000)")
  Integer sample;

  @Option(names = "--k", paramLabel = "K", description = "Name a value only when at least K sampled rows hold it "
      + "(default: utility.k, 10)")
  Integer k;

  @Option(names = "--overwrite", description = "Replace existing reports in DIR (default: refuse)")
  boolean overwrite;

  @Override
  public Integer call() throws IOException {
    Path json = report.resolve("report.json");
    Path html = report.resolve("report.html");
    if (!overwrite && (Files.exists(json) || Files.exists(html))) {
      throw new UsageException("Cannot write " + report + ": it already holds report.json or report.html "
          + "(add --overwrite to replace them)");
    }
    Policy policy = policy();
    UtilitySettings settings = settings(policy.utility());
    UtilityReport result = new CompareJob(SparkSessions.getOrCreate(common.master())).run(new CompareJob.Request(
        new InputSpec(before, policy.input().format(), policy.input().options()),
        new InputSpec(after, policy.output().format(), policy.output().options()), key, settings,
        policy.anonymity().orElse(null), policy.extension(AwsSettings.class)));
    Files.createDirectories(report);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("before", before);
    envelope.put("after", after);
    envelope.put("key", key);
    envelope.put("generatedAt", Instant.now().toString());
    envelope.put("utility", result);
    writeAtomically(json, mapper.writeValueAsString(envelope) + "\n");
    writeAtomically(html, UtilityHtml.page("Shroud compare", "Before " + before + ", after " + after
        + (key == null ? "; rows not paired." : "; rows paired by " + key + "."), result));
    PrintWriter out = spec.commandLine().getOut();
    long changed = result.columns().stream().filter(c -> c.changedShare() != null && c.changedShare() > 0).count();
    out.printf("Compared %d sampled row(s) of %s with %s: %d column(s)%s%n", result.sampleRows(), before, after,
        result.columns().size(), key == null ? " (rows not paired)" : ", " + changed + " changed");
    out.printf("Reports: %s, %s%n", json, html);
    out.flush();
    return ExitCodes.OK;
  }

  private Policy policy() {
    PolicyOverrides overrides = new PolicyOverrides(Optional.of(before), Optional.ofNullable(beforeFormat),
        Optional.of(after), Optional.ofNullable(afterFormat), false);
    if (config != null) {
      return PolicyLoader.load(config, overrides);
    }
    DataFormat afterDefault = afterFormat != null ? afterFormat : DataFormat.fromPath(after);
    return Policy.auto(before, Optional.ofNullable(beforeFormat), after, Optional.of(afterDefault), false);
  }

  private UtilitySettings settings(UtilitySettings base) {
    if (sample != null && (sample < 1 || sample > UtilitySettings.MAX_SAMPLE)) {
      throw new UsageException("Invalid --sample " + sample + ": expected 1 to " + UtilitySettings.MAX_SAMPLE);
    }
    if (k != null && k < 2) {
      throw new UsageException("Invalid --k " + k + ": expected at least 2 (a value shared by fewer rows could be one "
          + "person's)");
    }
    return new UtilitySettings(true, sample == null ? base.sample() : sample, k == null ? base.k() : k,
        k == null ? base.kOrigin() : "--k", base.topCategories());
  }

  /** Written beside the target and moved into place: a reader never sees half a report. */
  private static void writeAtomically(Path target, String content) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
