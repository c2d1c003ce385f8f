package io.shroud.jobs.cli;

import io.shroud.connectors.aws.AwsSettings;
import io.shroud.connectors.s3.S3aConfigurer;
import io.shroud.connectors.storage.InputLocation;
import io.shroud.core.UsageException;
import io.shroud.core.policy.DataFormat;
import io.shroud.core.policy.InputSpec;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.PolicyOverrides;
import io.shroud.core.policy.TableSpec;
import io.shroud.jobs.iceberg.IcebergCatalogs;
import io.shroud.jobs.iceberg.TableLoader;
import io.shroud.jobs.spark.InputReader;
import io.shroud.jobs.spark.SparkSessions;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shroud table}: set up and inspect the Iceberg tables a policy reads and writes. */
@Command(name = "table", mixinStandardHelpOptions = true, description = "Iceberg tables named by a policy.",
    subcommands = {TableCommand.Load.class, TableCommand.Snapshots.class})
public final class TableCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'shroud table load --help'");
  }

  static Policy policy(String config) {
    return PolicyLoader.load(config, PolicyOverrides.NONE);
  }

  static SparkSession session(CommonOptions common, Policy policy) {
    SparkSession spark = SparkSessions.getOrCreate(common.master());
    IcebergCatalogs.configure(spark, policy);
    return spark;
  }

  /** {@code shroud table load}: a file's rows into the policy's input table (raw data: for local trials). */
  @Command(name = "load", mixinStandardHelpOptions = true,
      description = {"Create the policy's input table (input.table) from a CSV, Parquet or JSON file, or with --append",
          "add the file's rows to it as a new snapshot. The rows are copied as they are (unmasked): this sets up",
          "a trial, such as conf/iceberg-local.yaml; production tables come from your own pipelines."})
  public static final class Load implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "Policy with input.table")
    String config;

    @Option(names = "--from", required = true, paramLabel = "PATH", description = "The file (or directory) to load")
    String from;

    @Option(names = "--format", paramLabel = "F", converter = FormatConverter.class,
        description = "csv, parquet or json (default: from the extension)")
    DataFormat format;

    @Option(names = "--partition-by", split = ",", paramLabel = "COLUMN", description = "Identity partition columns of a new table")
    List<String> partitionBy = List.of();

    @Option(names = "--append", description = "Add the rows to the existing table as a new snapshot")
    boolean append;

    @Override
    public Integer call() {
      Policy policy = policy(config);
      TableSpec table = policy.input().table().orElseThrow(() -> new UsageException("Invalid policy " + config
          + ": 'table load' fills the policy's input table, and this policy reads " + policy.input().path()));
      SparkSession spark = session(common, policy);
      DataFormat resolved = format != null ? format : DataFormat.fromPath(from);
      InputSpec file = new InputSpec(from, resolved, resolved == DataFormat.CSV ? Map.of("header", "true") : Map.of());
      S3aConfigurer.apply(spark.sparkContext().hadoopConfiguration(), policy.extension(AwsSettings.class),
          List.of(from));
      InputLocation.requireReadable(spark.sparkContext().hadoopConfiguration(), from);
      long snapshot = TableLoader.load(spark, table, InputReader.read(spark, file), partitionBy, append);
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%s table %s from %s: snapshot %d%n", append ? "Appended to" : "Created", table.identifier(), from, snapshot);
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code shroud table snapshots}: the snapshots of the policy's input (or output) table, for time travel. */
  @Command(name = "snapshots", mixinStandardHelpOptions = true,
      description = "List the snapshots of the policy's input table (or, with --output, its output table).")
  public static final class Snapshots implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "Policy naming a table")
    String config;

    @Option(names = "--output", description = "List the output table's snapshots instead of the input's")
    boolean output;

    @Override
    public Integer call() {
      Policy policy = policy(config);
      TableSpec table = (output ? policy.output().table() : policy.input().table()).orElseThrow(() -> new UsageException(
          "Invalid policy " + config + ": its " + (output ? "output" : "input") + " is not a table"));
      SparkSession spark = session(common, policy);
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%-20s %-20s %-24s %-10s %8s %8s  %s%n", "snapshot", "parent", "committed at", "operation", "added",
          "total", "shroud run");
      for (TableLoader.SnapshotInfo s : TableLoader.snapshots(spark, table)) {
        out.printf("%-20s %-20s %-24s %-10s %8s %8s  %s%n", s.id() + (s.current() ? "*" : ""),
            s.parentId() == null ? "-" : s.parentId(), s.committedAt(), s.operation(), s.addedRecords(), s.totalRecords(),
            s.shroudRunId() == null ? "-" : s.shroudRunId());
      }
      out.println("* current snapshot");
      out.flush();
      return ExitCodes.OK;
    }
  }
}
