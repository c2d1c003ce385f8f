package io.shroud.connectors.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes audit records, one file per run ({@code audit-<runId>.json}), never replacing an existing
 * record: the audit directory only grows.
 */
public final class AuditSink {
  private final Configuration conf;

  public AuditSink(Configuration conf) {
    this.conf = conf;
  }

  /** Writes the record and returns its full location. */
  public String write(String directory, String runId, String json) {
    return writeFile(directory, "audit-" + runId + ".json", json);
  }

  /** Writes a new file (never replacing one) in the audit directory and returns its location. */
  public String writeFile(String directory, String name, String content) {
    Path dir = new Path(directory);
    Path file = new Path(dir, name);
    Path temp = new Path(dir, "." + name + ".tmp");
    String json = content;
    // A private instance: no checksum side files, and no settings leak into Spark's cached one.
    try (FileSystem fs = FileSystem.newInstance(dir.toUri(), conf)) {
      fs.setWriteChecksum(false);
      // No mkdirs: create() makes local parents, and on S3 a directory marker would be an object shared by
      // every run's records, which no one run's tags describe.
      try (OutputStream out = fs.create(temp, false)) {
        out.write(json.getBytes(StandardCharsets.UTF_8));
      }
      if (!fs.rename(temp, file)) {
        fs.delete(temp, false);
        throw new IOException("rename to " + file + " was refused (does it exist already?)");
      }
      return fs.makeQualified(file).toString();
    } catch (IOException e) {
      throw new StorageException("Cannot write audit record to " + directory + ": " + e.getMessage(), e);
    }
  }
}
