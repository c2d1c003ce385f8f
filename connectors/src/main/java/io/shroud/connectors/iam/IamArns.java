package io.shroud.connectors.iam;

import io.shroud.core.UsageException;
import io.shroud.core.policy.S3Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ARNs for the resources a policy names: S3 buckets and prefixes, KMS keys, Secrets Manager secrets. */
final class IamArns {
  private static final Pattern ROLE =
      Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:[\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}");

  private IamArns() {}

  /** The object key prefix of an S3 path, without leading or trailing slash ("" for the bucket root). */
  static String keyOf(String s3Path) {
    return S3Paths.keyOf(s3Path);
  }

  static String bucket(String s3Path) {
    return "arn:aws:s3:::" + S3Paths.bucketOf(s3Path);
  }

  static String object(String s3Path, String suffix) {
    String key = keyOf(s3Path);
    return "arn:aws:s3:::" + S3Paths.bucketOf(s3Path) + "/" + key + suffix;
  }

  /** The ancestors S3A probes ({@code a/}, {@code a/b/}) for a key {@code a/b/c}. */
  static List<String> ancestorPrefixes(String key) {
    List<String> prefixes = new ArrayList<>();
    int at = key.indexOf('/');
    while (at > 0) {
      prefixes.add(key.substring(0, at + 1));
      at = key.indexOf('/', at + 1);
    }
    return prefixes;
  }

  /** A KMS key ARN from an ARN, or from a bare key id with the account and region. Aliases are refused. */
  static String kmsKey(String ref, String region, String account, String where) {
    if (ref.startsWith("arn:aws:kms:")) {
      if (ref.contains(":alias/")) {
        throw aliasRefused(where);
      }
      return ref;
    }
    if (ref.startsWith("alias/")) {
      throw aliasRefused(where);
    }
    if (account == null || region == null) {
      throw new UsageException("Cannot write an IAM policy for " + where + " (KMS key " + ref + "): a bare key id needs "
          + "--account and aws.region to form its ARN; or use the key ARN in the policy");
    }
    return "arn:aws:kms:" + region + ":" + account + ":key/" + ref;
  }

  private static UsageException aliasRefused(String where) {
    return new UsageException("Cannot write an IAM policy for " + where + ": IAM grants KMS permissions on key ARNs, "
        + "not aliases; use the key ARN");
  }

  /** The account of an IAM role ARN ({@code arn:aws:iam::ACCOUNT:role/PATH/NAME}); anything else is refused. */
  static String roleAccount(String roleArn) {
    Matcher m = ROLE.matcher(roleArn);
    if (!m.matches()) {
      throw new UsageException("Invalid role ARN " + roleArn + ": expected arn:aws:iam::ACCOUNT:role/NAME");
    }
    return m.group(1);
  }

  /** A secret ARN, or the name with AWS's six-character random suffix ({@code NAME-??????}). */
  static String secret(String ref, String region, String account, String where) {
    if (ref.startsWith("arn:aws:secretsmanager:")) {
      return ref;
    }
    if (account == null || region == null) {
      throw new UsageException("Cannot write an IAM policy for " + where + " (secret " + ref + "): a secret name "
          + "needs --account and a region to form its ARN; or use the secret ARN in the policy");
    }
    return "arn:aws:secretsmanager:" + region + ":" + account + ":secret:" + ref + "-??????";
  }
}
