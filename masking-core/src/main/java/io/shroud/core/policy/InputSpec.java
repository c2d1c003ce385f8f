package io.shroud.core.policy;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how to read the data set.
 *
 * @param path a local path or a Hadoop URI (s3a://...)
 * @param format the file format
 * @param options passed unchanged to Spark's reader (for example {@code sep: ";"})
 * @param onMalformed what happens to records that cannot be parsed
 * @param tagSanitized after a successful run, tag each S3 object read {@code shroud:sanitized-by=<run id>}
 */
public record InputSpec(String path, DataFormat format, Map<String, String> options, OnMalformed onMalformed,
    boolean tagSanitized) implements Serializable {
  public InputSpec {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(onMalformed, "onMalformed");
    options = Map.copyOf(options);
  }

  public InputSpec(String path, DataFormat format, Map<String, String> options, OnMalformed onMalformed) {
    this(path, format, options, onMalformed, false);
  }

  public InputSpec(String path, DataFormat format, Map<String, String> options) {
    this(path, format, options, OnMalformed.FAIL);
  }

  public InputSpec withPath(String newPath) {
    return new InputSpec(newPath, format, options, onMalformed, tagSanitized);
  }

  public InputSpec withFormat(DataFormat newFormat) {
    return new InputSpec(path, newFormat, options, onMalformed, tagSanitized);
  }
}
