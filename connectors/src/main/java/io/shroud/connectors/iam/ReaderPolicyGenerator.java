package io.shroud.connectors.iam;

import io.shroud.connectors.aws.AwsSettings;
import io.shroud.core.UsageException;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.S3Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identity policy of the role that consumes a run's output (a SageMaker training job, say): read-only,
 * limited to the output prefix and to objects tagged with one classification, and able to decrypt with
 * the output key only through S3, for objects of that bucket (the encryption context S3 sends).
 */
public final class ReaderPolicyGenerator {
  /**
   * @param accountOrNull the account id, to form the key ARN from a bare key id
   * @param sourceVpceOrNull the S3 VPC endpoint the reader must use, or null
   * @param classification the Classification tag value the reader may read
   */
  public record Options(String accountOrNull, String sourceVpceOrNull, String classification) {}

  private ReaderPolicyGenerator() {}

  public static Map<String, Object> generate(Policy policy, Options options) {
    AwsSettings aws = policy.extension(AwsSettings.class).orElseThrow(() -> new UsageException(
        "Cannot write a reader policy for "
        + policy.source().name() + ": it has no 'aws' section (nothing it touches is in AWS)"));
    String output = policy.output().path();
    if (policy.output().table().isPresent()) {
      throw new UsageException("Cannot write a reader policy for " + policy.source().name() + ": its output " + output
          + " is an Iceberg table, whose files carry no Classification tag to grant by");
    }
    if (!S3Paths.isS3Path(output)) {
      throw new UsageException("Cannot write a reader policy for " + policy.source().name() + ": its output " + output
          + " is not on S3");
    }
    String region = aws.region().orElseThrow(() -> new UsageException("Cannot write a reader policy for "
        + policy.source().name() + ": aws.region is needed for kms:ViaService (s3.REGION.amazonaws.com)"));
    String key = IamArns.kmsKey(aws.s3().kmsKeyId().orElseThrow(() -> new UsageException("Cannot write a reader policy "
        + "for " + policy.source().name() + ": it names no aws.s3.encryption.kmsKeyId")), region, options.accountOrNull(),
        "aws.s3.encryption.kmsKeyId");
    Statements s = new Statements(options.sourceVpceOrNull());
    List<Map<String, Object>> statements = new ArrayList<>();
    Map<String, Object> tagged = new LinkedHashMap<>();
    tagged.put("StringEquals", Map.of(ReaderStatements.EXISTING_CLASSIFICATION, options.classification()));
    statements.add(s.s3("ReadTaggedOutput", List.of("s3:GetObject"), List.of(IamArns.object(output, "/*")), tagged));
    statements.add(s.list("ListOutput", output, List.of()));
    // SSE-KMS's encryption context is the object's ARN, or the bucket's ARN when the bucket uses an S3 Bucket Key.
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("StringLike", Map.of("kms:EncryptionContext:aws:s3:arn",
        List.of(IamArns.object(output, "/*"), IamArns.bucket(output))));
    statements.add(s.kmsViaS3("DecryptOutputThroughS3", List.of("kms:Decrypt"), List.of(key), region, context));
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("Version", "2012-10-17");
    document.put("Statement", statements);
    return document;
  }
}
