package io.shroud.core.policy;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how to write the masked data set.
 *
 * @param path a local path or a Hadoop URI (s3a://...)
 * @param format the file format
 * @param mode refuse (default) or replace an existing output
 * @param options passed unchanged to Spark's writer (for example {@code compression: zstd})
 * @param tags S3 object tags for every object the run writes, in policy order (validated against
 *     {@link ObjectTagRules}); Shroud adds its own
 */
public record OutputSpec(String path, DataFormat format, WriteMode mode, Map<String, String> options,
    Map<String, String> tags) implements Serializable {
  public OutputSpec {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(mode, "mode");
    options = Map.copyOf(options);
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  public OutputSpec(String path, DataFormat format, WriteMode mode, Map<String, String> options) {
    this(path, format, mode, options, Map.of());
  }

  public OutputSpec withPath(String newPath) {
    return new OutputSpec(newPath, format, mode, options, tags);
  }

  public OutputSpec withFormat(DataFormat newFormat) {
    return new OutputSpec(path, newFormat, mode, options, tags);
  }

  public OutputSpec withMode(WriteMode newMode) {
    return new OutputSpec(path, format, newMode, options, tags);
  }
}
