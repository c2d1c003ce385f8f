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
 */
public record InputSpec(String path, DataFormat format, Map<String, String> options)
    implements Serializable {
  public InputSpec {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    options = Map.copyOf(options);
  }

  public InputSpec withPath(String newPath) {
    return new InputSpec(newPath, format, options);
  }

  public InputSpec withFormat(DataFormat newFormat) {
    return new InputSpec(path, newFormat, options);
  }
}
