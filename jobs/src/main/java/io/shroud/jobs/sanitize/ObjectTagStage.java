package io.shroud.jobs.sanitize;

import io.shroud.connectors.aws.AwsSettings;
import io.shroud.connectors.s3.InputTagging;
import io.shroud.connectors.s3.S3ObjectTagger;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tags the objects a run publishes on S3 (data files, the {@code _SUCCESS} marker, audit record, report
 * and manifest) with the run's {@link RunTags}, after they are in their final place: S3A renames by
 * copying, so a tag given in staging might not survive. The data objects are tagged before the marker
 * and manifest that tell readers the output is complete. Optionally tags the input objects read.
 * Records where tags were applied for the audit; off S3 they are recorded as not applicable.
 */
class ObjectTagStage implements AutoCloseable {
  private static final Map<String, Object> NOT_ON_S3 = Map.of("status", "not-applicable", "reason", "not on S3");
  /** Iceberg writes a table's data and metadata files itself; Shroud tags the run's audit objects only. */
  private static final Map<String, Object> TABLE = Map.of("status", "not-applicable", "reason",
      "an Iceberg table: its files are written by Iceberg and not tagged");
  private final Policy policy;
  private final RunInfo run;
  private final String auditDir;
  private final Map<String, Object> output = new LinkedHashMap<>();
  private final List<String> auditObjects = new ArrayList<>();
  private Map<String, Object> input;
  private int quarantined = -1;
  private S3ObjectTagger tagger;
  private RunTags tags;

  ObjectTagStage(Policy policy, RunInfo run, String auditDir) {
    this.policy = policy;
    this.run = run;
    this.auditDir = auditDir;
    output.putAll(policy.output().table().isPresent() ? TABLE
        : outputOnS3() ? Map.of("status", "not-published") : NOT_ON_S3);
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
      output.put("status", "tagged");
      output.put("objects", objects);
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
    output.clear();
    output.put("status", "not-published");
  }

  /** Tags the {@code _SUCCESS} marker once it is in place. */
  void tagMarker(Optional<String> marker) {
    if (marker.isPresent() && outputOnS3()) {
      tagger().tagObject(marker.get(), tags.tags());
      output.put("objects", ((Number) output.getOrDefault("objects", 0)).intValue() + 1);
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
    input = new LinkedHashMap<>();
    input.put("tag", ObjectTagRules.SANITIZED_BY + "=" + run.runId());
    List<String> objects = Arrays.stream(filesRead).filter(S3Paths::isS3Path).toList();
    if (objects.isEmpty()) {
      input.putAll(NOT_ON_S3);
      return;
    }
    InputTagging.Result result = new InputTagging(tagger()).markSanitized(objects, run.runId());
    input.put("status", result.failures().isEmpty() && result.full().isEmpty() ? "tagged" : "partly tagged");
    input.put("objects", result.tagged());
    if (!result.full().isEmpty()) {
      input.put("skippedWithTenTags", result.full());
      warnings.println("shroud: warning: " + result.full().size() + " input object(s) already have "
          + ObjectTagRules.MAX_TAGS_PER_OBJECT + " tags and were not tagged " + ObjectTagRules.SANITIZED_BY
          + " (first: " + result.full().get(0) + ")");
    }
    if (!result.failures().isEmpty()) {
      input.put("failures", result.failures());
      warnings.println("shroud: warning: cannot tag " + result.failures().size() + " input object(s) "
          + ObjectTagRules.SANITIZED_BY + ": " + result.failures().get(0));
    }
    warnings.flush();
  }

  /** The audit's {@code objectTags} section. */
  Map<String, Object> toAudit() {
    Map<String, Object> section = new LinkedHashMap<>();
    if (tags != null) {
      section.put("tags", tags.tags());
      section.put("classification", Map.of("value", tags.classification(),
          "source", tags.classificationFromPolicy() ? "policy" : "derived"));
    }
    section.put("output", new LinkedHashMap<>(output));
    if (S3Paths.isS3Path(auditDir)) {
      section.put("audit", Map.of("status", "tagged once written", "objects", List.copyOf(auditObjects)));
    } else {
      section.put("audit", NOT_ON_S3);
    }
    if (quarantined >= 0) {
      section.put("quarantine", Map.of("status", "tagged", "objects", quarantined));
    }
    if (input != null) {
      section.put("input", new LinkedHashMap<>(input));
    }
    return section;
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
