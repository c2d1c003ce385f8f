package io.shroud.connectors.storage;

import io.shroud.core.UsageException;
import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Checks an input path before a job spends time starting up on it. */
public final class InputLocation {
  private InputLocation() {}

  /** Fails with a clear message when the path is missing or an empty directory. */
  public static void requireReadable(Configuration conf, String location) {
    Path path = new Path(location);
    try {
      FileSystem fs = path.getFileSystem(conf);
      FileStatus status = fs.getFileStatus(path);
      if (status.isDirectory()) {
        FileStatus[] children = fs.listStatus(path, p -> !p.getName().startsWith("_") && !p.getName().startsWith("."));
        if (children.length == 0) {
          throw new UsageException("Cannot read input " + location + ": the directory has no data files");
        }
      }
    } catch (FileNotFoundException e) {
      throw new UsageException("Cannot read input " + location + ": path does not exist");
    } catch (IOException e) {
      throw new StorageException("Cannot read input " + location + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())), e);
    }
  }

  static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
