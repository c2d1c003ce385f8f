package io.shroud.core.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The audit's {@code objectTags} section: the S3 object tags of the run's objects and where they were
 * applied. Properties are written in name order and absent parts are left out, as the map this section
 * once was.
 *
 * @param audit the run's audit objects (record, report, manifest)
 * @param classification the {@code Classification} tag's value and where it came from, or null when no tags
 *     were decided (the run failed before)
 * @param input the input objects, when the policy asks to tag them ({@code input.tagSanitized}), else null
 * @param output the published output's objects
 * @param quarantine the quarantined records' objects, when there were any on S3, else null
 * @param tags the tag set, or null when no tags were decided
 */
@JsonPropertyOrder({"audit", "classification", "input", "output", "quarantine", "tags"})
public record ObjectTagsAudit(
    AuditObjects audit,
    @JsonInclude(Include.NON_NULL) Classification classification,
    @JsonInclude(Include.NON_NULL) Input input,
    Placement output,
    @JsonInclude(Include.NON_NULL) Placement quarantine,
    @JsonInclude(Include.NON_NULL) Map<String, String> tags) {

  public static final String NOT_APPLICABLE = "not-applicable";
  public static final String NOT_ON_S3 = "not on S3";
  public static final String TAGGED = "tagged";

  /**
   * The {@code Classification} tag.
   *
   * @param source {@code policy} when the policy set it, {@code derived} when Shroud derived it
   * @param value the tag's value
   */
  @JsonPropertyOrder({"source", "value"})
  public record Classification(String source, String value) {
    public static Classification of(String value, boolean fromPolicy) {
      return new Classification(fromPolicy ? "policy" : "derived", value);
    }
  }

  /**
   * Where a group of objects stands: tagged (with how many objects), not published, or not applicable
   * (with why).
   *
   * @param objects objects tagged, or null
   * @param reason why tagging does not apply, or null
   * @param status {@code tagged}, {@code not-published} or {@code not-applicable}
   */
  @JsonPropertyOrder({"objects", "reason", "status"})
  public record Placement(
      @JsonInclude(Include.NON_NULL) Integer objects,
      @JsonInclude(Include.NON_NULL) String reason,
      String status) {

    public static Placement notApplicable(String reason) {
      return new Placement(null, reason, NOT_APPLICABLE);
    }

    public static Placement notPublished() {
      return new Placement(null, null, "not-published");
    }

    public static Placement tagged(int objects) {
      return new Placement(objects, null, TAGGED);
    }

    /** The same, with one more object tagged (the {@code _SUCCESS} marker). */
    public Placement plusOne() {
      return new Placement(objects == null ? 1 : objects + 1, reason, status);
    }
  }

  /**
   * The run's audit objects: tagged once written (with their names), or not applicable (with why).
   *
   * @param objects the names of the audit objects tagged once written, or null
   * @param reason why tagging does not apply, or null
   * @param status {@code tagged once written} or {@code not-applicable}
   */
  @JsonPropertyOrder({"objects", "reason", "status"})
  public record AuditObjects(
      @JsonInclude(Include.NON_NULL) List<String> objects,
      @JsonInclude(Include.NON_NULL) String reason,
      String status) {

    public AuditObjects {
      objects = objects == null ? null : List.copyOf(objects);
    }

    public static AuditObjects notApplicable(String reason) {
      return new AuditObjects(null, reason, NOT_APPLICABLE);
    }

    public static AuditObjects taggedOnceWritten(List<String> names) {
      return new AuditObjects(names, null, "tagged once written");
    }
  }

  /**
   * The input objects read, tagged {@code shroud:sanitized-by}.
   *
   * @param failures objects that could not be tagged, with why, or null when none failed
   * @param objects objects tagged, or null when none are on S3
   * @param reason why tagging does not apply, or null
   * @param skippedWithTenTags objects left untagged because they already have ten tags, or null when none
   * @param status {@code tagged}, {@code partly tagged} or {@code not-applicable}
   * @param tag the tag added ({@code shroud:sanitized-by=<run id>})
   */
  @JsonPropertyOrder({"failures", "objects", "reason", "skippedWithTenTags", "status", "tag"})
  public record Input(
      @JsonInclude(Include.NON_NULL) List<String> failures,
      @JsonInclude(Include.NON_NULL) Integer objects,
      @JsonInclude(Include.NON_NULL) String reason,
      @JsonInclude(Include.NON_NULL) List<String> skippedWithTenTags,
      String status,
      String tag) {

    public Input {
      failures = failures == null || failures.isEmpty() ? null : List.copyOf(failures);
      skippedWithTenTags = skippedWithTenTags == null || skippedWithTenTags.isEmpty() ? null
          : List.copyOf(skippedWithTenTags);
    }

    public static Input notApplicable(String tag, String reason) {
      return new Input(null, null, reason, null, NOT_APPLICABLE, tag);
    }

    /** Tagged, fully unless some objects were skipped or failed. */
    public static Input tagged(String tag, int objects, List<String> skippedWithTenTags, List<String> failures) {
      String status = failures.isEmpty() && skippedWithTenTags.isEmpty() ? TAGGED : "partly tagged";
      return new Input(failures, objects, null, skippedWithTenTags, status, tag);
    }
  }
}
