package io.shroud.connectors.audit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;

/**
 * Reads output files to digest them for the manifest: each relative path under a root to its size and
 * SHA-256 ({@code {"size": n, "sha256": hex}}), sorted by path. {@link #HERE} reads them one after the
 * other in this JVM; a Spark job spreads a large output over its executors instead, since a terabyte
 * read back through one driver takes longer than masking it.
 */
@FunctionalInterface
public interface FileDigester {
  /** One file after the other, in this JVM. */
  FileDigester HERE = (conf, root, files) -> {
    Map<String, Map<String, Object>> digested = new TreeMap<>();
    for (OutputFile file : files) {
      digested.put(file.relativePath(), OutputDigests.digest(conf, root, file));
    }
    return digested;
  };

  Map<String, Map<String, Object>> digest(Configuration conf, String root, List<OutputFile> files);

  /** A visible file under the output root, and its size as listed. */
  record OutputFile(String relativePath, long size) implements java.io.Serializable {}
}
