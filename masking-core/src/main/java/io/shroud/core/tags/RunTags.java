package io.shroud.core.tags;

import io.shroud.core.policy.ObjectTagRules;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tag set every object of one run gets: the policy's {@code output.tags}, a {@code Classification}
 * (the policy's, or derived from what the run did), {@code shroud:run-id} and {@code shroud:policy-sha256}.
 *
 * @param tags the tags in order: the policy's, then Classification when derived, then Shroud's
 * @param classificationFromPolicy whether the policy set the Classification (else it was derived)
 */
public record RunTags(Map<String, String> tags, boolean classificationFromPolicy) {
  public RunTags {
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    if (tags.size() > ObjectTagRules.MAX_TAGS_PER_OBJECT) {
      throw new IllegalArgumentException("S3 allows " + ObjectTagRules.MAX_TAGS_PER_OBJECT + " tags per object");
    }
  }

  public static RunTags of(Map<String, String> policyTags, OutputClassification derived, String runId,
      String policySha256) {
    Map<String, String> tags = new LinkedHashMap<>(policyTags);
    boolean fromPolicy = tags.containsKey(ObjectTagRules.CLASSIFICATION);
    if (!fromPolicy) {
      tags.put(ObjectTagRules.CLASSIFICATION, derived.tagValue());
    }
    tags.put(ObjectTagRules.RUN_ID, runId);
    tags.put(ObjectTagRules.POLICY_SHA256, policySha256);
    return new RunTags(tags, fromPolicy);
  }

  public String classification() {
    return tags.get(ObjectTagRules.CLASSIFICATION);
  }
}
