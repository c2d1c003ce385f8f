package io.shroud.jobs.sanitize;

import io.shroud.connectors.audit.AuditManifest;
import io.shroud.connectors.aws.AwsSettings;
import io.shroud.connectors.comprehend.ComprehendSettings;
import io.shroud.connectors.macie.MacieHints;
import io.shroud.connectors.macie.MacieSettings;
import io.shroud.connectors.s3.S3Failures;
import io.shroud.connectors.s3.S3aConfigurer;
import io.shroud.connectors.storage.AuditSink;
import io.shroud.connectors.storage.InputLocation;
import io.shroud.connectors.storage.SeparateLocations;
import io.shroud.connectors.storage.StaleStaging;
import io.shroud.core.ShroudException;
import io.shroud.core.UsageException;
import io.shroud.core.audit.AnonymityAudit;
import io.shroud.core.audit.AuditJson;
import io.shroud.core.audit.AuditRecord.Status;
import io.shroud.core.audit.AuditRecord;
import io.shroud.core.audit.AwsAudit;
import io.shroud.core.audit.ResidualAudit;
import io.shroud.core.detect.ColumnProfile;
import io.shroud.core.keys.CachingKeyProvider;
import io.shroud.core.operator.Operators;
import io.shroud.core.plan.BoundPolicy;
import io.shroud.core.plan.ColumnHints;
import io.shroud.core.plan.ColumnInfo;
import io.shroud.core.plan.MaskingPlan;
import io.shroud.core.plan.Planner;
import io.shroud.core.plan.Treatment;
import io.shroud.core.policy.AnonymitySettings;
import io.shroud.core.policy.DataFormat;
import io.shroud.core.policy.InputSpec;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.S3Paths;
import io.shroud.core.report.RunReportHtml;
import io.shroud.core.utility.UtilityReport;
import io.shroud.jobs.anonymity.AnonymityCheck;
import io.shroud.jobs.anonymity.AnonymityStage;
import io.shroud.jobs.iceberg.IcebergCatalogs;
import io.shroud.jobs.iceberg.IcebergTableSink;
import io.shroud.jobs.iceberg.IcebergTableSource;
import io.shroud.jobs.spark.CountersAccumulator;
import io.shroud.jobs.spark.InputReader;
import io.shroud.jobs.spark.MaskStage;
import io.shroud.jobs.spark.MaskingServices;
import io.shroud.jobs.spark.ProfileStage;
import io.shroud.jobs.spark.ProgressReporter;
import io.shroud.jobs.spark.Quarantine;
import io.shroud.jobs.spark.SchemaMapping;
import io.shroud.jobs.spark.ShuffleStage;
import io.shroud.jobs.utility.UtilityStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The sanitize pipeline: read, profile, plan, mask (drawing the utility sample), write (atomically),
 * audit. Each stage is its own class; this one only sequences them and guarantees that a failure
 * leaves no output behind.
 */
public final class SanitizeJob {
  private final SparkSession spark;
  private final boolean progress;

  public SanitizeJob(SparkSession spark) {
    this(spark, false);
  }

  /** With {@code progress}, a line on stderr every 10 seconds while Spark works. */
  public SanitizeJob(SparkSession spark, boolean progress) {
    this.spark = spark;
    this.progress = progress;
  }

  public SanitizeResult run(Policy policy, RunInfo run) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    String auditDir = policy.audit().directoryFor(policy.output().path());
    SeparateLocations.require(policy);
    // A table's files go under its location in the warehouse (unknown for a REST catalog's); a file output's under its path.
    String written = policy.output().storageLocation();
    S3aConfigurer.apply(hadoop, policy.extension(AwsSettings.class), Stream.of(policy.input().path(), written, auditDir)
        .filter(Objects::nonNull).toList());
    try {
      AwsAudit awsAudit = AwsPreflightStage.run(policy, auditDir, System.err);
      return runConfigured(policy, run, hadoop, auditDir, awsAudit);
    } catch (Exception e) {
      // Spark's Scala code throws checked exceptions (S3A's IOExceptions) without declaring them.
      throw S3Failures.explain(e, S3Paths.isS3Path(written)
          ? S3Paths.bucketOf(written) : S3Paths.isS3Path(policy.input().path())
          ? S3Paths.bucketOf(policy.input().path()) : "(none)");
    }
  }

  private SanitizeResult runConfigured(Policy policy, RunInfo run, Configuration hadoop, String auditDir,
      AwsAudit awsAudit) {
    AuditBuilder audit = new AuditBuilder(policy, run).withAws(awsAudit);
    Optional<IcebergTableSource> sourceTable = Optional.empty();
    if (policy.input().table().isPresent() || policy.output().table().isPresent()) {
      IcebergCatalogs.configure(spark, policy);
    }
    if (policy.input().table().isPresent()) {
      // Pinned now: the run reads this snapshot whatever is committed meanwhile, and the audit names it.
      sourceTable = Optional.of(IcebergTableSource.resolve(spark, policy.input()));
      audit.withInputTable(sourceTable.get().toAudit());
    } else {
      InputLocation.requireReadable(hadoop, policy.input().path());
    }
    OutputTarget target = openTarget(policy, run, hadoop, sourceTable);
    target.checkTarget();
    audit.withOutputTable(target::toAudit);
    StaleStaging.Result stale = target.removeStaleStaging();

    InputSpec inputSpec = sourceTable.map(t -> t.pinned(policy.input())).orElse(policy.input());
    InputReader.Input input = InputReader.read(spark, inputSpec);
    if (input.csvReaders().anyMultiLine()) {
      audit.inputNote("csvReader", input.csvReaders().describe());
    }
    BoundPolicy bound = Planner.bind(policy, SchemaMapping.columns(input.dataSchema()));
    List<ColumnInfo> profiled = new ArrayList<>(bound.columnsToProfile());
    profiled.addAll(bound.columnsMaskedByRule());
    Map<String, ColumnProfile> profiles = ProfileStage.profile(input, profiled, policy.detection());
    audit.withProfiles(profiles);
    StagingReport.report(stale, policy.output().path(), audit, System.err);
    ColumnHints hints = ColumnHints.NONE;
    if (policy.extension(MacieSettings.class).isPresent()) {
      var macie = new MacieHints(policy.extension(MacieSettings.class).get(), hadoop)
          .fetch(policy.input().path());
      hints = macie.hints();
      audit.macie(macie.bucket(), macie.prefix(), macie.findingsRead(), macie.detailedResultFiles(), hints);
    }
    MaskingPlan plan = bound.plan(profiles, hints);
    target.checkPlan(plan);
    Optional<AnonymityStage.Search> anonymity = policy.anonymity().map(a -> AnonymityStage.search(wellFormed(input), a));
    MaskStage stage = new MaskStage(spark.sparkContext(),
        MaskingServices.forRun(policy.extension(ComprehendSettings.class)));
    Operators operators = new Operators(plan.keys(), CachingKeyProvider.forFactory(stage.keys()));
    plan.keys().keySet().forEach(operators::key); // resolve keys before any work, so a bad key fails fast

    var signing = ManifestStage.signing(policy, System.err);
    AuditSink sink = new AuditSink(hadoop);
    try (ObjectTagStage tagging = new ObjectTagStage(policy, run, auditDir)) {
      audit.withObjectTags(tagging::toAudit);
      if (anonymity.isPresent() && anonymity.get().optimum().isEmpty()) {
        return unsatisfiable(policy, run, plan, operators, audit, sink, auditDir, anonymity.get(), tagging);
      }
      return maskAndPublish(policy, run, hadoop, auditDir, input, plan, anonymity, stage, operators, audit, sink, signing,
          target, tagging);
    }
  }

  private SanitizeResult maskAndPublish(Policy policy, RunInfo run, Configuration hadoop, String auditDir,
      InputReader.Input input, MaskingPlan plan, Optional<AnonymityStage.Search> anonymity, MaskStage stage,
      Operators operators, AuditBuilder audit, AuditSink sink, Optional<AuditManifest.Signing> signing,
      OutputTarget target, ObjectTagStage tagging) {
    AnonymityAudit anonymityAudit = anonymity.map(AnonymityStage.Search::toAudit).orElse(null);
    audit.anonymity(anonymityAudit);
    UtilityStage utility = UtilityStage.start(policy.utility(), input, plan, anonymity);
    ResidualAudit residual = null;
    try (ProgressReporter reporter = progress
        ? ProgressReporter.start(spark.sparkContext(),
            () -> Math.max(stage.rowsRead(), MaskStage.liveRows()), 10, System.err) : ProgressReporter.quiet()) {
      target.holdLease();
      List<String> shuffled = plan.columns().stream().filter(c -> c.treatment() == Treatment.SHUFFLE)
          .map(c -> c.name()).toList();
      CountersAccumulator<String> generalized = new CountersAccumulator<>();
      // A plain CSV copy's shape (no stage after masking) may go from lines to lines without Spark's rows.
      Dataset<Row> lines = shuffled.isEmpty() && anonymity.isEmpty()
          ? stage.applyAsCsvLines(input, plan, utility.observer(), policy.output()) : null;
      StructType writtenSchema;
      if (lines != null) {
        target.writeCsvLines(lines);
        writtenSchema = MaskStage.outputSchema(input.dataSchema(), plan);
      } else {
        Dataset<Row> masked = ShuffleStage.apply(stage.apply(input, plan, utility.observer()), shuffled);
        if (anonymity.isPresent()) {
          spark.sparkContext().register(generalized, "shroud.generalized");
          masked = AnonymityStage.apply(masked, anonymity.get(), generalized);
        }
        target.write(masked);
        writtenSchema = masked.schema();
      }
      if (!stage.undecodable().isEmpty()) {
        throw new UndecodableInputException(policy.input().path(), stage.undecodable());
      }
      Map<String, Long> malformed = stage.malformed();
      if (!malformed.isEmpty()) {
        audit.malformed(malformed, null);
        switch (policy.input().onMalformed()) {
          case FAIL -> throw new MalformedInputException(policy.input().path(), malformed, input.dataSchema().size(),
              policy.input().format(), input.csvReaders() != InputReader.CsvReaders.NOT_CHOSEN);
          case QUARANTINE -> {
            String location = auditDir + "/quarantine-" + run.runId();
            Quarantine.write(input, policy.detection(), location);
            audit.malformed(malformed, location);
            tagging.tagQuarantine(plan, location);
          }
          case SKIP -> { }
        }
      }
      // Summarized on the side: the sample is complete, and the rescan below does not touch it.
      Supplier<UtilityReport> utilityReport = utility.reportInBackground(stage.rowsWritten());
      if (anonymity.isPresent()) {
        audit.anonymity(anonymityAudit.written(new TreeMap<>(generalized.value()),
            recheck(policy, target.written(writtenSchema)).toAudit()));
      }
      residual = ResidualScan.scan(policy, plan, () -> target.written(writtenSchema));
      audit.residual(residual);
      if (stage.rowsWritten() > 0 && residual.rowsScanned().orElse(1) == 0) {
        throw new ShroudException("Cannot verify " + policy.output().path() + ": re-reading the staged output returned no "
            + "rows although " + stage.rowsWritten() + " were written; nothing was published");
      }
      failOnResidual(policy, residual);
      tagging.decide(plan, residual);
      audit.utility(utilityReport.get());
      target.publish(tagging);
    } catch (Exception e) {
      target.abort();
      tagging.decide(plan, residual);
      AuditRecord failed = audit.ended(Status.FAILED, safeMessage(e), plan, operators, stage.findings(),
          stage.rowsRead(), 0);
      try {
        tagging.tagAuditObjectQuietly(sink.write(auditDir, run.runId(), AuditJson.toJson(failed)), e);
        tagging.tagAuditObjectQuietly(sink.writeFile(auditDir, reportName(run), RunReportHtml.render(failed)), e);
      } catch (RuntimeException auditFailure) {
        // The run's own failure is the one to report (the audit often fails for the same reason).
        e.addSuppressed(auditFailure);
      }
      throw S3Failures.sneaky(e);
    }
    tagging.tagInput(input.frame().inputFiles(), System.err);
    tagging.expectAuditObjects(auditName(run), reportName(run), AuditManifest.fileName(run.runId()));
    AuditRecord record = audit.succeeded(plan, operators, stage.findings(), stage.rowsRead(), stage.rowsWritten());
    String json = AuditJson.toJson(record);
    String location = sink.write(auditDir, run.runId(), json);
    tagging.tagAuditObject(location);
    tagging.tagAuditObject(sink.writeFile(auditDir, reportName(run), RunReportHtml.render(record)));
    String manifest = target.writeManifest(new OutputTarget.ManifestInput(hadoop, sink, auditDir, run.runId(),
        auditName(run), json, ManifestStage.keyChecks(record), signing));
    tagging.tagAuditObject(manifest);
    return new SanitizeResult(record, location, manifest);
  }

  /** A staged Iceberg snapshot for a table output, a hidden staging directory for files. */
  private OutputTarget openTarget(Policy policy, RunInfo run, Configuration hadoop,
      Optional<IcebergTableSource> sourceTable) {
    if (policy.output().table().isEmpty()) {
      return new FileTarget(spark, hadoop, policy.output(), run.runId());
    }
    String source = sourceTable.map(t -> "table " + t.identifier() + " snapshot " + t.snapshotId())
        .orElse(policy.input().path());
    return new TableTarget(new IcebergTableSink(spark, policy.output(), run.runId(), policy.digest(), source, sourceTable),
        spark);
  }

  private static String auditName(RunInfo run) {
    return "audit-" + run.runId() + ".json";
  }

  private static String reportName(RunInfo run) {
    return "report-" + run.runId() + ".html";
  }

  /** With audit.failOnResidual, any PII left after masking stops the run before publishing. */
  private static void failOnResidual(Policy policy, ResidualAudit residual) {
    Map<String, Map<String, Long>> findings = residual.findings();
    if (policy.audit().failOnResidual() && residual.foundPersonalData()) {
      throw new ShroudException("Cannot publish " + policy.output().path() + ": the rescan of the masked output found "
          + "personal data (" + findings.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
              .collect(Collectors.joining("; ")) + "); nothing was published");
    }
  }

  private static Dataset<Row> wellFormed(InputReader.Input input) {
    return input.hasCorruptColumn()
        ? input.frame().filter(org.apache.spark.sql.functions.col(InputReader.CORRUPT_COLUMN).isNull()) : input.frame();
  }

  /** Re-reads the staged output and checks it: the audit proves what was written, not what was planned. */
  private AnonymityCheck.Result recheck(Policy policy, InputReader.Input written) {
    AnonymitySettings settings = policy.anonymity().orElseThrow();
    AnonymityCheck.Result result = AnonymityCheck.check(written.frame(), settings.quasiIdentifierNames(),
        settings.sensitive().keySet().stream().findFirst().orElse(null), settings.k(), settings.l());
    if (result.records() == 0 && result.suppressed() == 0) {
      throw new ShroudException("Cannot verify " + policy.output().path() + ": re-reading the staged output returned no rows");
    }
    if (!result.satisfied()) {
      throw new ShroudException("Cannot publish " + policy.output().path() + ": the re-check of the written data found "
          + result.recordsBelowK() + " record(s) in classes smaller than k=" + settings.k() + "; nothing was published");
    }
    return result;
  }

  /** No transformation meets the requirements: nothing is published; fail or report as the policy says. */
  private SanitizeResult unsatisfiable(Policy policy, RunInfo run, MaskingPlan plan, Operators operators, AuditBuilder audit,
      AuditSink sink, String auditDir, AnonymityStage.Search search, ObjectTagStage tagging) {
    AnonymitySettings a = search.settings();
    String message = "Cannot make " + policy.input().path() + " " + a.k() + "-anonymous"
        + (a.l() > 1 ? " with " + a.l() + "-diversity" : "") + " over " + String.join(", ", a.quasiIdentifierNames())
        + " with at most " + Math.round(a.maxSuppression() * 10000) / 100.0 + "% of " + search.records()
        + " records suppressed: no generalization satisfies it; nothing was written";
    boolean fail = a.onFailure() == AnonymitySettings.OnFailure.FAIL;
    tagging.decide(plan, null);
    tagging.expectAuditObjects(auditName(run), reportName(run));
    audit.anonymity(search.toAudit());
    AuditRecord record = audit.ended(fail ? Status.FAILED : Status.NOT_ANONYMIZED, message, plan, operators, Map.of(),
        search.records(), 0);
    String location = sink.write(auditDir, run.runId(), AuditJson.toJson(record));
    String report = sink.writeFile(auditDir, reportName(run), RunReportHtml.render(record));
    if (fail) {
      ShroudException failure = new ShroudException(message);
      tagging.tagAuditObjectQuietly(location, failure);
      tagging.tagAuditObjectQuietly(report, failure);
      throw failure;
    }
    tagging.tagAuditObject(location);
    tagging.tagAuditObject(report);
    return new SanitizeResult(record, location);
  }

  /** Shroud's own messages are safe by construction; anything else is named by class only. */
  static String safeMessage(Throwable e) {
    // Never null: the failed run's audit record must say why, and a Shroud exception may carry no message.
    return e instanceof ShroudException && e.getMessage() != null ? e.getMessage() : "job failed: " + e.getClass().getName();
  }

  /** Records held bytes that were not UTF-8 (the input's encoding is not the default); nothing is published. */
  static final class UndecodableInputException extends UsageException {
    UndecodableInputException(String input, Map<String, Long> perFile) {
      super("Invalid input " + input + ": " + perFile.values().stream().mapToLong(Long::longValue).sum()
          + " record(s) hold bytes that are not UTF-8 (" + perFile.entrySet().stream().sorted(Map.Entry.comparingByKey())
              .limit(5).map(e -> MalformedInputException.shortName(e.getKey()) + ": " + e.getValue())
              .collect(Collectors.joining(", ")) + "); set input.options.encoding to the file's encoding (for example "
          + "ISO-8859-1, windows-1252 or UTF-16), or to UTF-8 if the text really holds U+FFFD; nothing was written");
    }
  }

  /** Malformed records were found; nothing is published. */
  static final class MalformedInputException extends UsageException {
    /**
     * @param probedLineBreaks whether Shroud chose the CSV reader per file by looking for quoted line breaks
     *     (then the message says how far it looked)
     */
    MalformedInputException(String input, Map<String, Long> perFile, int columns, DataFormat format,
        boolean probedLineBreaks) {
      super("Invalid input " + input + ": " + perFile.values().stream().mapToLong(Long::longValue).sum()
          + " malformed record(s), expected " + (format == DataFormat.JSON
              ? "one JSON object per line (set input.options.multiLine: true for JSON spanning lines)"
              : columns + " columns per row as in the header" + (probedLineBreaks ? " (line breaks inside quoted "
                  + "fields are looked for in the first MiB of each file; if a file's first one comes later, set "
                  + "input.options.multiLine: true)" : "")) + " ("
          + perFile.entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(5)
              .map(e -> shortName(e.getKey()) + ": " + e.getValue()).collect(Collectors.joining(", "))
          + "); nothing was written (input.onMalformed: skip or quarantine publishes the rest)");
    }

    private static String shortName(String file) {
      return file.startsWith("file://") ? file.substring("file://".length()) : file;
    }
  }
}
