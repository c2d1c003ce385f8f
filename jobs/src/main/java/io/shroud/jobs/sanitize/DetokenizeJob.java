package io.shroud.jobs.sanitize;

import io.shroud.connectors.aws.AwsSettings;
import io.shroud.connectors.comprehend.ComprehendSettings;
import io.shroud.connectors.s3.S3aConfigurer;
import io.shroud.connectors.storage.AuditSink;
import io.shroud.connectors.storage.InputLocation;
import io.shroud.connectors.storage.OutputPublisher;
import io.shroud.connectors.storage.SeparateLocations;
import io.shroud.core.UsageException;
import io.shroud.core.audit.AuditJson;
import io.shroud.core.audit.AuditRecord.Status;
import io.shroud.core.audit.AuditRecord;
import io.shroud.core.audit.AwsAudit;
import io.shroud.core.keys.CachingKeyProvider;
import io.shroud.core.keys.KeySpec;
import io.shroud.core.operator.OperatorSpec;
import io.shroud.core.operator.Operators;
import io.shroud.core.plan.ColumnInfo;
import io.shroud.core.plan.ColumnPlan.Origin;
import io.shroud.core.plan.ColumnPlan;
import io.shroud.core.plan.MaskingPlan;
import io.shroud.core.plan.Treatment;
import io.shroud.core.policy.ColumnRule;
import io.shroud.core.policy.Policy;
import io.shroud.jobs.spark.InputReader;
import io.shroud.jobs.spark.MaskStage;
import io.shroud.jobs.spark.MaskingServices;
import io.shroud.jobs.spark.OutputWriter;
import io.shroud.jobs.spark.SchemaMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reverses tokenize and encrypt columns of a sanitized output, for authorized runs: whoever runs it
 * needs the policy's keys, and every run is audited like a sanitize run. Only whole-column rules are
 * reversible; spans masked inside free text cannot be located again.
 */
public final class DetokenizeJob {
  private final SparkSession spark;

  public DetokenizeJob(SparkSession spark) {
    this.spark = spark;
  }

  public SanitizeResult run(Policy policy, List<String> columns, RunInfo run) {
    return run(policy, columns, Map.of(), KeyCheck.Request.FIND, run);
  }

  public SanitizeResult run(Policy policy, List<String> columns, Map<String, Integer> keyVersions, RunInfo run) {
    return run(policy, columns, keyVersions, KeyCheck.Request.FIND, run);
  }

  /**
   * @param keyVersions key name to the version to use (older versions of rotated keys); others use
   *     the policy's current version
   * @param keyCheck where the sanitize run's audit record is, or that the key check is skipped
   */
  public SanitizeResult run(Policy policy, List<String> columns, Map<String, Integer> keyVersions,
      KeyCheck.Request keyCheck, RunInfo run) {
    if (policy.input().table().isPresent() || policy.output().table().isPresent()) {
      throw new UsageException("Cannot detokenize with " + policy.source().name() + ": detokenize reads and writes "
          + "files, and this policy names an Iceberg table (input.table or output.table); use a policy with paths");
    }
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    String auditDir = policy.audit().directoryFor(policy.output().path());
    SeparateLocations.require(policy.input().path(), policy.output().path(), auditDir);
    String sanitizedAuditDir = policy.audit().directoryFor(policy.input().path());
    S3aConfigurer.apply(hadoop, policy.extension(AwsSettings.class), List.of(policy.input().path(),
        policy.output().path(), auditDir, sanitizedAuditDir));
    // Re-identified data is the most sensitive output there is: the same posture checks as sanitize.
    AwsAudit awsAudit = AwsPreflightStage.run(policy, auditDir, System.err);
    InputLocation.requireReadable(hadoop, policy.input().path());
    OutputPublisher publisher = new OutputPublisher(hadoop, policy.output().path(), policy.output().mode(), run.runId());
    publisher.checkTarget();
    Map<String, OperatorSpec> rules = reversibleRules(policy, columns);
    Map<String, KeySpec> keys = withKeyVersions(policy.keys(), keyVersions);
    MaskStage stage = new MaskStage(spark.sparkContext(), true,
        MaskingServices.forRun(policy.extension(ComprehendSettings.class)));
    Operators operators = new Operators(keys, CachingKeyProvider.forFactory(stage.keys()));
    keys.keySet().forEach(operators::key);
    AuditBuilder audit = new AuditBuilder(policy, run).withAws(awsAudit);
    if (keyCheck.skip()) {
      System.err.println("shroud: warning: --no-key-check: the keys are not checked against the sanitize run's "
          + "audit record; a wrong key gives wrong values");
      audit.inputNote("keyCheck", "skipped (--no-key-check)");
    } else {
      // Before a row is read: a wrong key or version must not produce plausible but wrong values.
      KeyCheck.Source source = KeyCheck.find(hadoop, policy.input().path(), sanitizedAuditDir, keyCheck.auditFile());
      KeyCheck.verify(source, rules, keys, operators);
      audit.inputNote("keyCheck", "verified against " + source.location());
      audit.inputNote("sanitizeRunId", source.record().runId());
    }
    StagingReport.report(publisher.removeStaleStaging(), policy.output().path(), audit, System.err);
    InputReader.Input input = InputReader.read(spark, policy.input());
    MaskingPlan plan = reversePlan(policy, SchemaMapping.columns(input.dataSchema()), columns, keys);
    AuditSink sink = new AuditSink(hadoop);
    try {
      publisher.holdLease();
      Dataset<Row> restored = stage.apply(input, plan);
      OutputWriter.write(restored, policy.output(), publisher.stagingLocation());
      if (!stage.malformed().isEmpty()) {
        throw new UsageException("Invalid input " + policy.input().path() + ": malformed records; nothing was written");
      }
      publisher.publish();
    } catch (RuntimeException e) {
      publisher.abort();
      sink.write(auditDir, run.runId(), AuditJson.toJson(
          audit.ended(Status.FAILED, SanitizeJob.safeMessage(e), plan, operators, stage.findings(), stage.rowsRead(), 0)));
      throw e;
    }
    AuditRecord record = audit.succeeded(plan, operators, stage.findings(), stage.rowsRead(), stage.rowsWritten());
    return new SanitizeResult(record, sink.write(auditDir, run.runId(), AuditJson.toJson(record)));
  }

  /** The policy's keys with the requested older versions in place of the current ones. */
  static Map<String, KeySpec> withKeyVersions(Map<String, KeySpec> policyKeys, Map<String, Integer> versions) {
    Map<String, KeySpec> keys = new HashMap<>(policyKeys);
    versions.forEach((name, version) -> {
      KeySpec spec = keys.get(name);
      if (spec == null) {
        throw new UsageException("Invalid --key-version: the policy has no key '" + name + "'");
      }
      try {
        keys.put(name, spec.atVersion(version));
      } catch (IllegalArgumentException e) {
        throw new UsageException("Invalid --key-version: " + e.getMessage());
      }
    });
    return keys;
  }

  /** Each requested column's rule, which must be tokenize or encrypt. */
  static Map<String, OperatorSpec> reversibleRules(Policy policy, List<String> wanted) {
    Map<String, OperatorSpec> rules = new LinkedHashMap<>();
    for (String column : wanted) {
      ColumnRule rule = policy.columns().get(column);
      OperatorSpec op = rule == null ? null : rule.operator().orElse(null);
      if (op == null || !op.reversible()) {
        throw new UsageException("Cannot detokenize column '" + column + "': the policy masks it with "
            + (op == null ? "no reversible rule" : "'" + op.action() + "', which is not reversible")
            + "; only tokenize and encrypt columns can be reversed");
      }
      rules.put(column, op);
    }
    return rules;
  }

  static MaskingPlan reversePlan(Policy policy, List<ColumnInfo> schema, List<String> wanted, Map<String, KeySpec> keys) {
    Map<String, OperatorSpec> rules = reversibleRules(policy, wanted);
    for (String column : wanted) {
      if (schema.stream().noneMatch(c -> c.name().equals(column))) {
        throw new UsageException("Cannot detokenize column '" + column + "': it is not in the input " + policy.input().path());
      }
    }
    List<ColumnPlan> plans = new ArrayList<>();
    for (ColumnInfo column : schema) {
      OperatorSpec op = rules.get(column.name());
      if (op != null) {
        plans.add(new ColumnPlan(column, Treatment.MASK_VALUE, null, op, Origin.POLICY, "reversed: " + op.action()));
      } else {
        plans.add(new ColumnPlan(column, Treatment.KEEP, null, null, Origin.POLICY, "not requested"));
      }
    }
    return new MaskingPlan(plans, policy.operators(), policy.detection(), keys);
  }
}
