package io.shroud.connectors.storage;

import io.shroud.core.policy.InvalidPolicyException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads a policy from any Hadoop file system URI ({@code s3a://}, EMRFS {@code s3://}, {@code hdfs://},
 * {@code file://}), so a scheduled job can take its policy from the same bucket as its code.
 */
public final class PolicyFiles {
  /** A policy is a page of YAML; anything larger is a wrong path, not a policy. */
  static final int MAX_BYTES = 1 << 20;

  private PolicyFiles() {}

  /** Whether {@code location} names a file system by scheme rather than a local path. */
  public static boolean isUri(String location) {
    return location.matches("[A-Za-z][A-Za-z0-9+.-]*://.*");
  }

  public static String read(Configuration conf, String location) {
    Path path = new Path(location);
    try {
      FileSystem fs = path.getFileSystem(conf);
      long length = fs.getFileStatus(path).getLen();
      if (length > MAX_BYTES) {
        throw new InvalidPolicyException("Cannot read policy " + location + ": it is " + length
            + " bytes, more than a policy's limit of " + MAX_BYTES);
      }
      try (InputStream in = fs.open(path)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (FileNotFoundException e) {
      throw new InvalidPolicyException("Cannot read policy " + location + ": file does not exist");
    } catch (IOException e) {
      throw new InvalidPolicyException("Cannot read policy " + location + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + InputLocation.firstLine(e.getMessage())));
    }
  }
}
