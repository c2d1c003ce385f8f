package io.shroud.jobs.sanitize;

import io.shroud.connectors.aws.AwsSettings;
import io.shroud.connectors.s3.InputTagging;
import io.shroud.connectors.s3.S3ObjectTagger;
import io.shroud.core.audit.ObjectTagsAudit;
import io.shroud.core.audit.ObjectTagsAudit.AuditObjects;
import io.shroud.core.audit.ObjectTagsAudit.Classification;
import io.shroud.core.audit.ObjectTagsAudit.Placement;
import io.shroud.core.audit.ResidualAudit;
import io.shroud.core.plan.MaskingPlan;
import io.shroud.core.policy.ObjectTagRules;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.S3Paths;
import io.shroud.core.tags.OutputClassification;
import io.shroud.core.tags.RunTags;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Tags the objects a run publishes on S3 (data files, the {@code _SUCCESS} marker, audit record, report
 * and manifest) with the run's {@link RunTags}, after they are in their final place: S3A renames by
 * copying, so a tag given in staging might not survive. The data objects are tagged before the marker
 * and manifest that tell readers the output is complete. Optionally tags the input objects read.
 * Records where tags were applied for the audit; off S3 they are recorded as not applicable.
 */
class ObjectTagStage implements AutoCloseable {
  /** Iceberg writes a table's data and metadata files itself; Shroud tags the run's audit objects only. */
  private static final String TABLE = "an Iceberg table: its files are written by Iceberg and not tagged";
  private final Policy policy;
  private final RunInfo run;
  private final String auditDir;
  private Placement output;
  private final List<String> auditObjects = new ArrayList<>();
  private ObjectTagsAudit.Input input;
  private int quarantined = -1;
  private S3ObjectTagger tagger;
  private RunTags tags;

  ObjectTagStage(Policy policy, RunInfo run, String auditDir) {
    this.policy = policy;
    this.run = run;
    this.auditDir = auditDir;
    output = policy.output().table().isPresent() ? Placement.notApplicable(TABLE)
        : outputOnS3() ? Placement.notPublished() : Placement.notApplicable(ObjectTagsAudit.NOT_ON_S3);
  }

  boolean outputOnS3() {
    return S3Paths.isS3Path(policy.output().path());
  }

  /** The tag set, once the residual rescan has said whether the output still holds personal data. */
  RunTags decide(MaskingPlan plan, ResidualAudit residualOrNull) {
    if (tags == null) {
      boolean residual = residualOrNull != null && residualOrNull.foundPersonalData();
      tags = RunTags.of(policy.output().tags(), OutputClassification.of(plan, residual), run.runId(), policy.digest());
    }
    return tags;
  }

  /** Tags every object of the published output; a failure is thrown (the caller rolls the output back). */
  void tagOutput() {
    if (outputOnS3()) {
      int objects = tagger().tagTree(policy.output().path(), tags.tags());
      output = Placement.tagged(objects);
    }
  }

  /**
   * Tags the quarantined records (masked, in the audit directory) as soon as they are written. Their
   * Classification is derived from the plan alone: the rescan of the output has not run yet.
   */
  void tagQuarantine(MaskingPlan plan, String location) {
    if (S3Paths.isS3Path(location)) {
      RunTags quarantine = RunTags.of(policy.output().tags(), OutputClassification.of(plan, false), run.runId(),
          policy.digest());
      quarantined = tagger().tagTree(location, quarantine.tags());
    }
  }

  /** The output was rolled back: nothing of it is published, whatever was tagged. */
  void outputWithdrawn() {
    output = Placement.notPublished();
  }

  /** Tags the {@code _SUCCESS} marker once it is in place. */
  void tagMarker(Optional<String> marker) {
    if (marker.isPresent() && outputOnS3()) {
      tagger().tagObject(marker.get(), tags.tags());
      output = output.plusOne();
    }
  }

  /** Tags an audit record, report or manifest just written (when the audit directory is on S3). */
  void tagAuditObject(String location) {
    if (S3Paths.isS3Path(auditDir)) {
      tagger().tagObject(location, tags.tags());
    }
  }

  /** Tags a failed run's audit objects if it can; a tagging failure is added to the run's own. */
  void tagAuditObjectQuietly(String location, Throwable runFailure) {
    try {
      tagAuditObject(location);
    } catch (RuntimeException e) {
      runFailure.addSuppressed(e);
    }
  }

  /** Names, for the audit, the audit objects that will be tagged once written. */
  void expectAuditObjects(String... names) {
    auditObjects.clear();
    auditObjects.addAll(Arrays.asList(names));
  }

  /**
   * With {@code input.tagSanitized}, adds {@code shroud:sanitized-by=<run id>} to each S3 object read,
   * keeping its tags. Failures are warnings: the tag only records history, the output is complete.
   */
  void tagInput(String[] filesRead, PrintStream warnings) {
    if (!policy.input().tagSanitized()) {
      return;
    }
    String tag = ObjectTagRules.SANITIZED_BY + "=" + run.runId();
    List<String> objects = Arrays.stream(filesRead).filter(S3Paths::isS3Path).toList();
    if (objects.isEmpty()) {
      input = ObjectTagsAudit.Input.notApplicable(tag, ObjectTagsAudit.NOT_ON_S3);
      return;
    }
    InputTagging.Result result = new InputTagging(tagger()).markSanitized(objects, run.runId());
    input = ObjectTagsAudit.Input.tagged(tag, result.tagged(), result.full(), result.failures());
    if (!result.full().isEmpty()) {
      warnings.println("shroud: warning: " + result.full().size() + " input object(s) already have "
          + ObjectTagRules.MAX_TAGS_PER_OBJECT + " tags and were not tagged " + ObjectTagRules.SANITIZED_BY
          + " (first: " + result.full().get(0) + ")");
    }
    if (!result.failures().isEmpty()) {
      warnings.println("shroud: warning: cannot tag " + result.failures().size() + " input object(s) "
          + ObjectTagRules.SANITIZED_BY + ": " + result.failures().get(0));
    }
    warnings.flush();
  }

  /** The audit's {@code objectTags} section. */
  ObjectTagsAudit toAudit() {
    AuditObjects audit = S3Paths.isS3Path(auditDir) ? AuditObjects.taggedOnceWritten(auditObjects)
        : AuditObjects.notApplicable(ObjectTagsAudit.NOT_ON_S3);
    return new ObjectTagsAudit(audit,
        tags == null ? null : Classification.of(tags.classification(), tags.classificationFromPolicy()),
        input, output, quarantined >= 0 ? Placement.tagged(quarantined) : null, tags == null ? null : tags.tags());
  }

  private S3ObjectTagger tagger() {
    if (tagger == null) {
      tagger = new S3ObjectTagger(policy.extension(AwsSettings.class).orElseThrow());
    }
    return tagger;
  }

  @Override
  public void close() {
    if (tagger != null) {
      tagger.close();
    }
  }
}
