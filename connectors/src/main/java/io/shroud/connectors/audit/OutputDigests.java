package io.shroud.connectors.audit;

import io.shroud.connectors.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** Sizes and SHA-256 digests of files, read through Hadoop FileSystem (local, HDFS, S3A). */
public final class OutputDigests {
  private OutputDigests() {}

  /** Every visible file under {@code root} (hidden {@code .name} files skipped), by path relative to it, sorted. */
  static Map<String, Map<String, Object>> list(Configuration conf, String root) {
    return list(conf, root, FileDigester.HERE);
  }

  /** As above, the files of a directory read by {@code digester}. */
  public static Map<String, Map<String, Object>> list(Configuration conf, String root, FileDigester digester) {
    Path base = new Path(root);
    List<FileDigester.OutputFile> listed = new ArrayList<>();
    try {
      FileSystem fs = base.getFileSystem(conf);
      Path qualified = fs.makeQualified(base);
      String prefix = qualified.toUri().getPath();
      if (fs.getFileStatus(qualified).isFile()) {
        Map<String, Map<String, Object>> files = new TreeMap<>();
        files.put(qualified.getName(), entry(fs, qualified, fs.getFileStatus(qualified).getLen()));
        return files;
      }
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(qualified, true);
      while (it.hasNext()) {
        LocatedFileStatus status = it.next();
        String relative = status.getPath().toUri().getPath().substring(prefix.length()).replaceFirst("^/", "");
        if (!hidden(relative)) {
          listed.add(new FileDigester.OutputFile(relative, status.getLen()));
        }
      }
    } catch (IOException e) {
      throw new StorageException("Cannot read output " + root + " to digest it: " + e.getMessage(), e);
    }
    return new TreeMap<>(digester.digest(conf, root, listed));
  }

  /**
   * Size and SHA-256 of one listed file under {@code root}, as the manifest lists it: the size as
   * listed (no second request per file to an object store), the digest of what is read now.
   */
  public static Map<String, Object> digest(Configuration conf, String root, FileDigester.OutputFile listed) {
    Path file = new Path(new Path(root), listed.relativePath());
    try {
      return entry(file.getFileSystem(conf), file, listed.size());
    } catch (IOException e) {
      throw new StorageException("Cannot read output " + root + " to digest it: " + e.getMessage(), e);
    }
  }

  /** The given files under {@code root} (paths relative to it, sizes asked of the file system), sorted. */
  static Map<String, Map<String, Object>> files(Configuration conf, String root, List<String> relativePaths) {
    Path base = new Path(root);
    List<FileDigester.OutputFile> sized = new ArrayList<>(relativePaths.size());
    try {
      FileSystem fs = base.getFileSystem(conf);
      for (String relative : relativePaths) {
        sized.add(new FileDigester.OutputFile(relative, fs.getFileStatus(new Path(base, relative)).getLen()));
      }
    } catch (IOException e) {
      throw new StorageException("Cannot read output " + root + " to digest it: " + e.getMessage(), e);
    }
    return FileDigester.HERE.digest(conf, root, sized);
  }

  private static boolean hidden(String relative) {
    List<String> parts = new ArrayList<>(List.of(relative.split("/")));
    return parts.stream().anyMatch(p -> p.startsWith("."));
  }

  private static Map<String, Object> entry(FileSystem fs, Path file, long size) throws IOException {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("size", size);
    try (InputStream in = fs.open(file)) {
      entry.put("sha256", sha256(in));
    }
    return entry;
  }

  static String sha256(InputStream in) throws IOException {
    MessageDigest digest = newDigest();
    byte[] buffer = new byte[1 << 16];
    for (int n; (n = in.read(buffer)) > 0; ) {
      digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(newDigest().digest(bytes));
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
