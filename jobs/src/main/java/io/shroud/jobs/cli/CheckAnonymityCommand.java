package io.shroud.jobs.cli;

import io.shroud.core.ShroudException;
import io.shroud.core.UsageException;
import io.shroud.core.policy.AnonymitySettings;
import io.shroud.core.policy.DataFormat;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.PolicyParser;
import io.shroud.jobs.anonymity.AnonymityCheck;
import io.shroud.jobs.iceberg.TableInputs;
import io.shroud.jobs.spark.InputReader;
import io.shroud.jobs.spark.SparkSessions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shroud check-anonymity}: k-anonymity and l-diversity of a data set as it is. */
@Command(name = "check-anonymity", mixinStandardHelpOptions = true,
    description = {"Check k-anonymity (and l-diversity) of the quasi-identifiers named in the policy's 'anonymity'",
        "section, on the data as it is. Exit 0 when satisfied, 1 when not."})
public final class CheckAnonymityCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "Policy with an 'anonymity' section")
  String config;

  @Option(names = "--input", paramLabel = "PATH", description = "Data to check (overrides input.path)")
  String input;

  @Option(names = "--input-format", paramLabel = "F", converter = FormatConverter.class, description = "csv, parquet or json")
  DataFormat inputFormat;

  @Override
  public Integer call() {
    Policy policy = PolicyLoader.loadForInput(config, Optional.ofNullable(input), Optional.ofNullable(inputFormat));
    AnonymitySettings settings = policy.anonymity().orElseThrow(() -> new UsageException(
        "Invalid policy " + config + ": check-anonymity needs an 'anonymity' section naming the quasi-identifiers"));
    BeforeSpark.checkRead(policy, common.master());
    SparkSession spark = SparkSessions.getOrCreate(common.master());
    InputReader.Input data = InputReader.read(spark, TableInputs.open(spark, policy));
    for (String column : settings.quasiIdentifierNames()) {
      if (!List.of(data.dataSchema().fieldNames()).contains(column)) {
        throw new UsageException("Cannot check " + policy.input().path() + ": quasi-identifier '" + column + "' is not a column");
      }
    }
    String sensitive = settings.sensitive().keySet().stream().findFirst().orElse(null);
    AnonymityCheck.Result result = AnonymityCheck.check(data.frame(), settings.quasiIdentifierNames(), sensitive,
        settings.k(), settings.l());
    print(policy.input().path(), settings, result, spec.commandLine().getOut());
    if (!result.satisfied()) {
      throw new NotAnonymousException(policy.input().path() + " is not " + settings.k() + "-anonymous"
          + (settings.l() > 1 ? " with " + settings.l() + "-diversity" : "") + ": " + result.recordsBelowK()
          + " record(s) in classes smaller than " + settings.k()
          + (result.classesBelowL() > 0 ? ", " + result.classesBelowL() + " class(es) with fewer than " + settings.l()
              + " distinct " + sensitive + " values" : ""));
    }
    return ExitCodes.OK;
  }

  static void print(String input, AnonymitySettings settings, AnonymityCheck.Result r, PrintWriter out) {
    out.printf("Anonymity of %s over %s%n", input, String.join(", ", settings.quasiIdentifierNames()));
    out.printf("  records: %d (suppressed: %d)%n", r.records(), r.suppressed());
    out.printf("  equivalence classes: %d, smallest: %d%n", r.classes(), r.smallestClass());
    out.printf("  records in classes smaller than k=%d: %d%n", r.k(), r.recordsBelowK());
    if (r.minDistinctSensitive() >= 0) {
      out.printf("  fewest distinct sensitive values in a class: %d (classes below l=%d: %d)%n", r.minDistinctSensitive(),
          r.l(), r.classesBelowL());
    }
    out.printf("  class sizes (size: classes): %s%n", r.histogram().entrySet().stream().limit(20)
        .map(e -> e.getKey() + ": " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("none")
        + (r.histogram().size() > 20 ? ", ..." : ""));
    out.printf("  %s%n", r.satisfied() ? "SATISFIED" : "NOT SATISFIED");
    out.flush();
  }

  /** The data set does not meet the requirements: exit 1. */
  static final class NotAnonymousException extends ShroudException {
    NotAnonymousException(String message) {
      super(message);
    }
  }
}
