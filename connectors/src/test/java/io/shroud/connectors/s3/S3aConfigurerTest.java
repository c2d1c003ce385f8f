package io.shroud.connectors.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shroud.connectors.aws.AwsSettings;
import io.shroud.connectors.aws.PreflightSettings;
import io.shroud.connectors.aws.S3Settings;
import io.shroud.core.UsageException;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class S3aConfigurerTest {
  static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  static final AwsSettings AWS = new AwsSettings("us-east-1", new S3Settings(
      "https://bucket.vpce-0a1b2c3d-x1y2.s3.us-east-1.vpce.amazonaws.com", S3Settings.Encryption.SSE_KMS, KEY, false, false),
      null, null, null, PreflightSettings.DEFAULTS);

  @Test
  void setsEachTouchedBucketAndNothingGlobal() {
    Configuration conf = new Configuration(false);
    S3aConfigurer.apply(conf, Optional.of(AWS), List.of("s3a://raw/in/", "s3a://clean/out", "s3a://clean/out_audit", "data/x"));
    for (String bucket : List.of("raw", "clean")) {
      String p = "fs.s3a.bucket." + bucket + ".";
      assertThat(conf.get(p + "encryption.algorithm")).isEqualTo("SSE-KMS");
      assertThat(conf.get(p + "encryption.key")).isEqualTo(KEY);
      assertThat(conf.get(p + "endpoint")).isEqualTo("https://bucket.vpce-0a1b2c3d-x1y2.s3.us-east-1.vpce.amazonaws.com");
      assertThat(conf.get(p + "endpoint.region")).isEqualTo("us-east-1");
      assertThat(conf.get(p + "aws.credentials.provider"))
          .isEqualTo("software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider");
      assertThat(conf.getBoolean(p + "connection.ssl.enabled", false)).isTrue();
    }
    assertThat(conf.get("fs.s3a.encryption.key")).isNull();
    assertThat(conf.get("fs.s3a.endpoint")).isNull();
    assertThat(conf.get("fs.s3.impl")).isNull();
  }

  @Test
  void s3SchemeIsS3aOffEmrAndEmrfsOnEmr() {
    Configuration off = new Configuration(false);
    S3aConfigurer.apply(off, Optional.of(AWS), List.of("s3://clean/out"));
    assertThat(off.get("fs.s3.impl")).isEqualTo("org.apache.hadoop.fs.s3a.S3AFileSystem");
    assertThat(off.get("fs.s3a.bucket.clean.encryption.key")).isEqualTo(KEY);

    Configuration emr = new Configuration(false);
    emr.set("fs.s3.impl", "com.amazon.ws.emr.hadoop.fs.EmrFileSystem");
    S3aConfigurer.apply(emr, Optional.of(AWS), List.of("s3://clean/out"));
    assertThat(emr.get("fs.s3.impl")).isEqualTo("com.amazon.ws.emr.hadoop.fs.EmrFileSystem");
    assertThat(emr.getBoolean("fs.s3.enableServerSideEncryption", false)).isTrue();
    assertThat(emr.get("fs.s3.serverSideEncryption.kms.keyId")).isEqualTo(KEY);
    assertThat(emr.get("fs.s3a.bucket.clean.encryption.key")).isNull();
  }

  @Test
  void s3PathsWithoutAnAwsSectionAreRefused() {
    assertThatThrownBy(() -> S3aConfigurer.apply(new Configuration(false), Optional.empty(), List.of("in.csv", "s3a://clean/out")))
        .isInstanceOf(UsageException.class).hasMessage("Cannot use s3a://clean/out: S3 paths need a policy with an 'aws' "
            + "section (region and aws.s3.encryption.kmsKeyId, see conf/README.md)");
    assertThatThrownBy(() -> S3aConfigurer.apply(new Configuration(false), Optional.of(AWS), List.of("s3n://old/x")))
        .hasMessage("Invalid path s3n://old/x: s3n:// is not supported; use s3a:// (or s3:// on EMR)");
    S3aConfigurer.apply(new Configuration(false), Optional.empty(), List.of("in.csv", "out/masked")); // nothing on S3: fine
  }
}
