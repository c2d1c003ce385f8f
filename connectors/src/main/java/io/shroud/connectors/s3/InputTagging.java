package io.shroud.connectors.s3;

import io.shroud.core.policy.ObjectTagRules;
import io.shroud.core.policy.S3Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Adds {@code shroud:sanitized-by=<run id>} to the input objects a run read, keeping their own tags:
 * {@code PutObjectTagging} replaces the whole set, so each object's tags are read first
 * ({@code GetObjectTagging}) and written back with Shroud's. Not atomic: a tag another writer changes
 * between the two calls is lost, as with any read-modify-write of S3 tags.
 */
public final class InputTagging {
  private final S3ObjectTagger tagger;

  public InputTagging(S3ObjectTagger tagger) {
    this.tagger = tagger;
  }

  /**
   * What happened.
   *
   * @param tagged objects that now carry the tag
   * @param full objects left alone because they already have S3's maximum of tags
   * @param failures one line per object that could not be tagged ({@code s3a://...: AWS error})
   */
  public record Result(int tagged, List<String> full, List<String> failures) {
    public Result {
      full = List.copyOf(full);
      failures = List.copyOf(failures);
    }
  }

  /** Tags each object ({@code s3a://bucket/key}); failures are reported, not thrown. */
  public Result markSanitized(List<String> objects, String runId) {
    List<String> full = Collections.synchronizedList(new ArrayList<>());
    List<String> failures = tagger.forEach(objects, location -> {
      String bucket = S3Paths.bucketOf(location);
      String key = S3Paths.keyOf(location);
      Map<String, String> tags = new LinkedHashMap<>();
      for (Tag tag : tagger.s3().getObjectTagging(b -> b.bucket(bucket).key(key)).tagSet()) {
        tags.put(tag.key(), tag.value());
      }
      if (!tags.containsKey(ObjectTagRules.SANITIZED_BY) && tags.size() >= ObjectTagRules.MAX_TAGS_PER_OBJECT) {
        full.add(location);
        return null;
      }
      tags.put(ObjectTagRules.SANITIZED_BY, runId);
      tagger.put(bucket, key, tags);
      return null;
    });
    List<String> skipped = new ArrayList<>(full);
    Collections.sort(skipped);
    return new Result(objects.size() - failures.size() - skipped.size(), skipped, failures);
  }
}
