package io.shroud.core.policy;

/** The S3 URIs Shroud reads and writes ({@code s3a://} and EMR's {@code s3://}): plain string handling. */
public final class S3Paths {
  private S3Paths() {}

  /** True for the URI schemes Shroud reads and writes through S3 ({@code s3a://} and EMR's {@code s3://}). */
  public static boolean isS3Path(String path) {
    return path != null && (path.startsWith("s3a://") || path.startsWith("s3://"));
  }

  /** The object key (prefix) of an {@code s3a://} or {@code s3://} path, without leading or trailing slashes. */
  public static String keyOf(String path) {
    String rest = path.substring(path.indexOf("://") + 3);
    int slash = rest.indexOf('/');
    String key = slash < 0 ? "" : rest.substring(slash + 1);
    while (key.endsWith("/")) {
      key = key.substring(0, key.length() - 1);
    }
    return key;
  }

  /** The bucket of an {@code s3a://} or {@code s3://} path. */
  public static String bucketOf(String path) {
    String rest = path.substring(path.indexOf("://") + 3);
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }
}
