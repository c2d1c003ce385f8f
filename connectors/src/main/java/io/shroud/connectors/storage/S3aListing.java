package io.shroud.connectors.storage;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.s3a.S3AFileSystem;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists what runs left beside an S3 output by key prefix, with S3A's own client (its credentials,
 * endpoint and per-bucket settings): one {@code ListObjectsV2} with prefix
 * {@code <parent>/.<output>.shroud-staging-} and no delimiter, which the execution role's
 * {@code s3:prefix} condition allows. Kept apart so that S3A classes load only when S3A is in use
 * (EMRFS clusters may not ship hadoop-aws).
 */
final class S3aListing {
  private S3aListing() {}

  static Map<String, StaleStaging.Leftovers> leftovers(FileSystem fs, Path parent, String prefix) {
    S3AFileSystem s3a = (S3AFileSystem) fs;
    S3Client client = s3a.getS3AInternals().getAmazonS3Client("list staging directories of dead runs");
    String bucket = parent.toUri().getHost();
    String parentKey = parent.toUri().getPath().replaceFirst("^/", "");
    String base = parentKey.isEmpty() || parentKey.endsWith("/") ? parentKey : parentKey + "/";
    Map<String, StaleStaging.Leftovers> byRun = new TreeMap<>();
    ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(base + prefix).build();
    for (S3Object object : client.listObjectsV2Paginator(request).contents()) {
      String relative = object.key().substring(base.length());
      int slash = relative.indexOf('/');
      String entry = slash < 0 ? relative : relative.substring(0, slash);
      Optional<Path> lease = slash < 0 && entry.endsWith(StagingLease.SUFFIX)
          ? Optional.of(new Path(parent, entry)) : Optional.empty();
      StaleStaging.add(byRun, entry, lease, object.lastModified() == null ? 0 : object.lastModified().toEpochMilli());
    }
    return byRun;
  }
}
