package io.shroud.connectors.iam;

import io.shroud.connectors.aws.AwsSettings;
import io.shroud.connectors.aws.PreflightSettings.CheckMode;
import io.shroud.connectors.aws.PreflightSettings;
import io.shroud.connectors.aws.S3Settings;
import java.util.ArrayList;
import java.util.List;

/** The bucket reads each enabled preflight check makes, so the role has exactly those. */
final class PreflightActions {
  private PreflightActions() {}

  static List<String> bucketReads(AwsSettings aws) {
    PreflightSettings p = aws.preflight();
    // The bucket key check reads the encryption configuration too, except under DSSE-KMS, which has no bucket keys.
    boolean bucketKey = p.bucketKey() != CheckMode.OFF && aws.s3().encryption() != S3Settings.Encryption.DSSE_KMS;
    List<String> reads = new ArrayList<>();
    if (p.encryption() != CheckMode.OFF || bucketKey) {
      reads.add("s3:GetEncryptionConfiguration");
    }
    if (p.publicAccessBlock() != CheckMode.OFF) {
      reads.add("s3:GetBucketPublicAccessBlock");
    }
    if (p.versioning() != CheckMode.OFF) {
      reads.add("s3:GetBucketVersioning");
    }
    if (p.secureTransport() != CheckMode.OFF) {
      reads.add("s3:GetBucketPolicy");
    }
    if (p.objectOwnership() != CheckMode.OFF) {
      reads.add("s3:GetBucketOwnershipControls");
    }
    return reads;
  }
}
