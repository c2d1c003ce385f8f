package io.shroud.jobs.sanitize;

import io.shroud.connectors.audit.AuditManifest;
import io.shroud.connectors.s3.S3Failures;
import io.shroud.connectors.s3.S3aConfigurer;
import io.shroud.connectors.storage.AuditSink;
import io.shroud.connectors.storage.InputLocation;
import io.shroud.connectors.storage.OutputPublisher;
import io.shroud.core.ShroudException;
import io.shroud.core.UsageException;
import io.shroud.core.audit.AuditJson;
import io.shroud.core.audit.AuditRecord;
import io.shroud.core.detect.ColumnProfile;
import io.shroud.core.keys.CachingKeyProvider;
import io.shroud.core.mask.Operators;
import io.shroud.core.plan.BoundPolicy;
import io.shroud.core.plan.MaskingPlan;
import io.shroud.core.plan.Planner;
import io.shroud.core.policy.Policy;
import io.shroud.core.report.RunReportHtml;
import io.shroud.jobs.spark.InputReader;
import io.shroud.jobs.spark.MaskStage;
import io.shroud.jobs.spark.OutputWriter;
import io.shroud.jobs.spark.ProfileStage;
import io.shroud.jobs.spark.Quarantine;
import io.shroud.jobs.spark.SchemaMapping;
import io.shroud.jobs.spark.ProgressReporter;
import io.shroud.jobs.spark.ShuffleStage;
import io.shroud.core.policy.AnonymitySettings;
import io.shroud.core.policy.InputSpec;
import io.shroud.jobs.anonymity.AnonymityCheck;
import io.shroud.jobs.anonymity.AnonymityStage;
import io.shroud.jobs.utility.UtilityStage;
import io.shroud.core.policy.AwsSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

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
    S3aConfigurer.apply(hadoop, policy.aws(), List.of(policy.input().path(), policy.output().path(), auditDir));
    try {
      Map<String, Object> awsAudit = AwsPreflightStage.run(policy, auditDir, System.err);
      return runConfigured(policy, run, hadoop, auditDir, awsAudit);
    } catch (Exception e) {
      // Spark's Scala code throws checked exceptions (S3A's IOExceptions) without declaring them.
      throw S3Failures.explain(e, AwsSettings.isS3Path(policy.output().path())
          ? AwsSettings.bucketOf(policy.output().path()) : AwsSettings.isS3Path(policy.input().path())
          ? AwsSettings.bucketOf(policy.input().path()) : "(none)");
    }
  }

  private SanitizeResult runConfigured(Policy policy, RunInfo run, Configuration hadoop, String auditDir,
      Map<String, Object> awsAudit) {
    InputLocation.requireReadable(hadoop, policy.input().path());
    OutputPublisher publisher = new OutputPublisher(hadoop, policy.output().path(), policy.output().mode(), run.runId());
    publisher.checkTarget();

    InputReader.Input input = InputReader.read(spark, policy.input());
    BoundPolicy bound = Planner.bind(policy, SchemaMapping.columns(input.dataSchema()));
    Map<String, ColumnProfile> profiles = ProfileStage.profile(input, bound.columnsToProfile(), policy.detection());
    AuditBuilder audit = new AuditBuilder(policy, run).withAws(awsAudit);
    io.shroud.core.plan.ColumnHints hints = io.shroud.core.plan.ColumnHints.NONE;
    if (policy.detection().macie().isPresent()) {
      var macie = new io.shroud.connectors.macie.MacieHints(policy.detection().macie().get(), hadoop)
          .fetch(policy.input().path());
      hints = macie.hints();
      audit.macie(macie.bucket(), macie.prefix(), macie.findingsRead(), macie.detailedResultFiles(), hints);
    }
    MaskingPlan plan = bound.plan(profiles, hints);
    Optional<AnonymityStage.Search> anonymity = policy.anonymity().map(a -> AnonymityStage.search(wellFormed(input), a));
    MaskStage stage = new MaskStage(spark.sparkContext());
    Operators operators = new Operators(plan.keys(), CachingKeyProvider.forFactory(stage.keys()));
    plan.keys().keySet().forEach(operators::key); // resolve keys before any work, so a bad key fails fast

    var signing = ManifestStage.signing(policy, System.err);
    AuditSink sink = new AuditSink(hadoop);
    if (anonymity.isPresent() && anonymity.get().optimum().isEmpty()) {
      return unsatisfiable(policy, run, plan, operators, audit, sink, auditDir, anonymity.get());
    }
    Map<String, Object> anonymityAudit = anonymity.map(AnonymityStage.Search::toAudit).orElse(null);
    UtilityStage utility = UtilityStage.start(policy.utility(), input, plan, anonymity);
    Map<String, Object> residual = null;
    try (ProgressReporter reporter = progress
        ? ProgressReporter.start(spark.sparkContext(),
            () -> Math.max(stage.rowsRead(), MaskStage.liveRows()), 10, System.err) : ProgressReporter.quiet()) {
      Dataset<Row> masked = ShuffleStage.apply(stage.apply(input, plan, utility.observer()), plan.columns().stream()
          .filter(c -> c.treatment() == io.shroud.core.plan.Treatment.SHUFFLE).map(c -> c.name()).toList());
      if (anonymity.isPresent()) {
        masked = AnonymityStage.apply(masked, anonymity.get());
      }
      OutputWriter.write(masked, policy.output(), publisher.stagingLocation());
      Map<String, Long> malformed = stage.malformed();
      if (!malformed.isEmpty()) {
        audit.malformed(malformed, null);
        switch (policy.input().onMalformed()) {
          case FAIL -> throw new MalformedInputException(policy.input().path(), malformed, input.dataSchema().size(),
              policy.input().format());
          case QUARANTINE -> {
            String location = auditDir + "/quarantine-" + run.runId();
            Quarantine.write(input, policy.detection(), location);
            audit.malformed(malformed, location);
          }
          case SKIP -> { }
        }
      }
      if (anonymity.isPresent()) {
        anonymityAudit.put("recheck", recheck(policy, publisher.stagingLocation(), masked.schema()).toMap());
      }
      residual = ResidualScan.scan(spark, policy, plan, publisher.stagingLocation(), masked.schema());
      if (stage.rowsWritten() > 0 && ((Number) residual.getOrDefault("rowsScanned", 1)).longValue() == 0) {
        throw new ShroudException("Cannot verify " + policy.output().path() + ": re-reading the staged output returned no "
            + "rows although " + stage.rowsWritten() + " were written; nothing was published");
      }
      failOnResidual(policy, residual);
      audit.utility(utility.report(stage.rowsWritten()));
      publisher.publish();
    } catch (Exception e) {
      publisher.abort();
      AuditRecord failed = audit.build(plan, operators, stage.findings(), stage.rowsRead(), 0, "failed", safeMessage(e),
          anonymityAudit, residual);
      try {
        sink.write(auditDir, run.runId(), AuditJson.toJson(failed));
        sink.writeFile(auditDir, "report-" + run.runId() + ".html", RunReportHtml.render(failed));
      } catch (RuntimeException auditFailure) {
        // The run's own failure is the one to report (the audit often fails for the same reason).
        e.addSuppressed(auditFailure);
      }
      throw S3Failures.sneaky(e);
    }
    AuditRecord record = audit.build(plan, operators, stage.findings(), stage.rowsRead(), stage.rowsWritten(),
        "succeeded", null, anonymityAudit, residual);
    String json = AuditJson.toJson(record);
    String location = sink.write(auditDir, run.runId(), json);
    sink.writeFile(auditDir, "report-" + run.runId() + ".html", RunReportHtml.render(record));
    String manifest = AuditManifest.write(hadoop, sink, auditDir, run.runId(), policy.output().path(),
        "audit-" + run.runId() + ".json", json, signing);
    return new SanitizeResult(record, location, manifest);
  }

  /** With audit.failOnResidual, any PII left after masking stops the run before publishing. */
  private static void failOnResidual(Policy policy, Map<String, Object> residual) {
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Long>> findings = (Map<String, Map<String, Long>>) residual.get("findings");
    if (policy.audit().failOnResidual() && !findings.isEmpty()) {
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
  private AnonymityCheck.Result recheck(Policy policy, String staging, org.apache.spark.sql.types.StructType schema) {
    AnonymitySettings settings = policy.anonymity().orElseThrow();
    InputReader.Input written = InputReader.read(spark,
        new InputSpec(staging, policy.output().format(), policy.output().options()), schema);
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
      AuditSink sink, String auditDir, AnonymityStage.Search search) {
    AnonymitySettings a = search.settings();
    String message = "Cannot make " + policy.input().path() + " " + a.k() + "-anonymous"
        + (a.l() > 1 ? " with " + a.l() + "-diversity" : "") + " over " + String.join(", ", a.quasiIdentifierNames())
        + " with at most " + Math.round(a.maxSuppression() * 10000) / 100.0 + "% of " + search.records()
        + " records suppressed: no generalization satisfies it; nothing was written";
    boolean fail = a.onFailure() == AnonymitySettings.OnFailure.FAIL;
    AuditRecord record = audit.build(plan, operators, Map.of(), search.records(), 0, fail ? "failed" : "not-anonymized",
        message, search.toAudit());
    String location = sink.write(auditDir, run.runId(), AuditJson.toJson(record));
    sink.writeFile(auditDir, "report-" + run.runId() + ".html", RunReportHtml.render(record));
    if (fail) {
      throw new ShroudException(message);
    }
    return new SanitizeResult(record, location);
  }

  /** Shroud's own messages are safe by construction; anything else is named by class only. */
  static String safeMessage(Throwable e) {
    return e instanceof ShroudException ? e.getMessage() : "job failed: " + e.getClass().getName();
  }

  /** Malformed records were found; nothing is published. */
  static final class MalformedInputException extends UsageException {
    MalformedInputException(String input, Map<String, Long> perFile, int columns, io.shroud.core.policy.DataFormat format) {
      super("Invalid input " + input + ": " + perFile.values().stream().mapToLong(Long::longValue).sum()
          + " malformed record(s), expected " + (format == io.shroud.core.policy.DataFormat.JSON
              ? "one JSON object per line (set input.options.multiLine: true for JSON spanning lines)"
              : columns + " columns per row as in the header") + " ("
          + perFile.entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(5)
              .map(e -> shortName(e.getKey()) + ": " + e.getValue()).collect(Collectors.joining(", "))
          + "); nothing was written (input.onMalformed: skip or quarantine publishes the rest)");
    }

    private static String shortName(String file) {
      return file.startsWith("file://") ? file.substring("file://".length()) : file;
    }
  }
}
