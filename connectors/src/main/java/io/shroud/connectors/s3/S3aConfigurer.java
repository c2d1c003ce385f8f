package io.shroud.connectors.s3;

import io.shroud.connectors.aws.AwsSettings;
import io.shroud.connectors.aws.S3Settings;
import io.shroud.core.UsageException;
import io.shroud.core.policy.S3Paths;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;

/**
 * Turns the policy's {@code aws:} section into Hadoop settings for every bucket the run touches.
 *
 * <p>Settings are per bucket ({@code fs.s3a.bucket.NAME.*}), so they reach exactly the input, output
 * and audit buckets and nothing else that shares the Spark session. {@code s3://} paths go through
 * EMRFS on EMR (detected by its class) with EMRFS's SSE-KMS settings, and through S3A elsewhere.
 * Credentials always come from the SDK's default provider chain; nothing here reads or sets keys.
 */
public final class S3aConfigurer {
  /** The SDK v2 default chain: env, system properties, web identity (EKS), profile, container and instance roles. */
  static final String DEFAULT_CHAIN = "software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider";
  static final String EMRFS_CLASS = "com.amazon.ws.emr.hadoop.fs.EmrFileSystem";

  private S3aConfigurer() {}

  /**
   * Configures every S3 path in {@code paths}. Refuses S3 paths when the policy has no {@code aws}
   * section (the built-in auto policy, for example), since nothing would say how to encrypt.
   */
  public static void apply(Configuration conf, Optional<AwsSettings> aws, Collection<String> paths) {
    Set<String> s3Paths = new LinkedHashSet<>();
    for (String path : paths) {
      if (path != null && S3Paths.isS3Path(path)) {
        s3Paths.add(path);
      } else if (path != null && (path.startsWith("s3n://"))) {
        throw new UsageException("Invalid path " + path + ": s3n:// is not supported; use s3a:// (or s3:// on EMR)");
      }
    }
    if (s3Paths.isEmpty()) {
      return;
    }
    if (aws.isEmpty()) {
      throw new UsageException("Cannot use " + s3Paths.iterator().next() + ": S3 paths need a policy with an 'aws' "
          + "section (region and aws.s3.encryption.kmsKeyId, see conf/README.md)");
    }
    boolean emrfs = onEmrfs(conf);
    for (String path : s3Paths) {
      String bucket = S3Paths.bucketOf(path);
      if (path.startsWith("s3://")) {
        if (emrfs) {
          configureEmrfs(conf, aws.get());
          continue;
        }
        // Off EMR, s3:// is served by S3A with the same per-bucket settings as s3a://.
        conf.set("fs.s3.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");
        conf.set("fs.AbstractFileSystem.s3.impl", "org.apache.hadoop.fs.s3a.S3A");
      }
      configureBucket(conf, bucket, aws.get());
    }
  }

  static void configureBucket(Configuration conf, String bucket, AwsSettings aws) {
    String prefix = "fs.s3a.bucket." + bucket + ".";
    S3Settings s3 = aws.s3();
    conf.set(prefix + "aws.credentials.provider", DEFAULT_CHAIN);
    aws.region().ifPresent(region -> conf.set(prefix + "endpoint.region", region));
    s3.endpoint().ifPresent(endpoint -> conf.set(prefix + "endpoint", endpoint));
    conf.setBoolean(prefix + "connection.ssl.enabled", !s3.endpoint().map(e -> e.startsWith("http://")).orElse(false));
    conf.setBoolean(prefix + "path.style.access", s3.pathStyleAccess());
    conf.set(prefix + "encryption.algorithm", s3.encryption().awsName());
    if (s3.kmsKeyId().isPresent()) {
      conf.set(prefix + "encryption.key", s3.kmsKeyId().get());
    } else {
      // An unset key means the account's aws/s3 managed key; never inherit another bucket's key.
      conf.unset(prefix + "encryption.key");
    }
  }

  /** EMRFS reads its own settings (emrfs-site); these match an EMR security configuration's SSE-KMS mode. */
  static void configureEmrfs(Configuration conf, AwsSettings aws) {
    conf.setBoolean("fs.s3.enableServerSideEncryption", true);
    aws.s3().kmsKeyId().ifPresent(key -> conf.set("fs.s3.serverSideEncryption.kms.keyId", key));
  }

  static boolean onEmrfs(Configuration conf) {
    String impl = conf.get("fs.s3.impl", "");
    if (impl.contains("S3AFileSystem")) {
      return false;
    }
    if (impl.equals(EMRFS_CLASS)) {
      return true;
    }
    try {
      Class.forName(EMRFS_CLASS, false, S3aConfigurer.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
