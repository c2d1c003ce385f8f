package io.shroud.core.policy;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how to write the masked data set.
 *
 * @param path a local path or a Hadoop URI (s3a://...)
 * @param format the file format
 * @param mode refuse (default) or replace an existing output
 * @param options passed unchanged to Spark's writer (for example {@code compression: zstd})
 */
public record OutputSpec(String path, DataFormat format, WriteMode mode, Map<String, String> options)
    implements Serializable {
  public OutputSpec {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(mode, "mode");
    options = Map.copyOf(options);
  }

  public OutputSpec withPath(String newPath) {
    return new OutputSpec(newPath, format, mode, options);
  }

  public OutputSpec withFormat(DataFormat newFormat) {
    return new OutputSpec(path, newFormat, mode, options);
  }

  public OutputSpec withMode(WriteMode newMode) {
    return new OutputSpec(path, format, newMode, options);
  }
}
