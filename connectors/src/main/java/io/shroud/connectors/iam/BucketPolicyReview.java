package io.shroud.connectors.iam;

import static io.shroud.connectors.iam.PolicyDocuments.conditionValues;
import static io.shroud.connectors.iam.PolicyDocuments.conditions;
import static io.shroud.connectors.iam.PolicyDocuments.strings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a bucket policy guarantees for one bucket: that requests without TLS are denied, that uploads
 * without SSE-KMS are denied, and that nothing is granted to everyone without a condition narrowing
 * who or where. Used by preflight (on the policy S3 returns) and by {@code lint-policy}.
 */
public final class BucketPolicyReview {
  /**
   * Condition keys that make a grant to {@code *} non-public, after S3's "meaning of public" (fixed
   * source networks, endpoints, accounts and ARNs) and the principal-scoping keys of data perimeters.
   */
  static final Set<String> RESTRICTING_KEYS = Set.of("aws:sourceip", "aws:sourcevpc", "aws:sourcevpce", "aws:sourcearn",
      "aws:sourceowner", "aws:sourceaccount", "aws:userid", "aws:principalarn", "aws:principalaccount",
      "aws:principalorgid", "s3:x-amz-server-side-encryption-aws-kms-key-id");
  private static final Set<String> TLS_OPERATORS = Set.of("bool", "boolifexists");

  private BucketPolicyReview() {}

  /**
   * Empty when a statement denies everyone every S3 action on the bucket and all its objects whenever
   * {@code aws:SecureTransport} is false (with no other condition that could switch it off); otherwise
   * what is missing.
   */
  public static Optional<String> secureTransportProblem(List<JsonNode> statements, String bucket) {
    boolean bucketCovered = false;
    boolean objectsCovered = false;
    boolean any = false;
    for (JsonNode st : statements) {
      if (!PolicyDocuments.isDeny(st) || !PolicyDocuments.everyone(st) || negated(st) || !allS3Actions(st)
          || !deniesPlainHttpOnly(st)) {
        continue;
      }
      any = true;
      for (String resource : strings(st.get("Resource"))) {
        bucketCovered |= PolicyDocuments.matches(resource, "arn:aws:s3:::" + bucket);
        objectsCovered |= PolicyDocuments.coversAllObjects(resource, bucket);
      }
    }
    if (!any) {
      return Optional.of("the bucket policy does not deny requests without TLS (expected a Deny for Principal *, "
          + "Action s3:*, on arn:aws:s3:::" + bucket + " and arn:aws:s3:::" + bucket + "/*, when aws:SecureTransport is false)");
    }
    if (!bucketCovered || !objectsCovered) {
      return Optional.of("the bucket policy's TLS deny does not cover "
          + (!bucketCovered && !objectsCovered ? "this bucket"
              : !bucketCovered ? "the bucket itself (arn:aws:s3:::" + bucket + ")"
              : "every object (arn:aws:s3:::" + bucket + "/*)"));
    }
    return Optional.empty();
  }

  /**
   * Empty when a statement denies {@code s3:PutObject} on every object of the bucket depending on the
   * encryption a request asks for ({@code s3:x-amz-server-side-encryption} or the KMS key id).
   */
  public static Optional<String> encryptionProblem(List<JsonNode> statements, String bucket) {
    for (JsonNode st : statements) {
      if (!PolicyDocuments.isDeny(st) || negated(st) || !PolicyDocuments.coversAction(st, "s3:PutObject")) {
        continue;
      }
      boolean testsEncryption = conditions(st).stream().map(c -> c[1].toLowerCase(Locale.ROOT))
          .anyMatch(k -> k.equals("s3:x-amz-server-side-encryption") || k.equals("s3:x-amz-server-side-encryption-aws-kms-key-id"));
      if (testsEncryption && strings(st.get("Resource")).stream().anyMatch(r -> PolicyDocuments.coversAllObjects(r, bucket))) {
        return Optional.empty();
      }
    }
    return Optional.of("no statement denies s3:PutObject without SSE-KMS on arn:aws:s3:::" + bucket + "/* (a Deny "
        + "testing s3:x-amz-server-side-encryption or s3:x-amz-server-side-encryption-aws-kms-key-id)");
  }

  /** Whether an Allow to everyone has no condition that narrows who or where the request comes from. */
  public static boolean openToEveryone(JsonNode statement) {
    return PolicyDocuments.isAllow(statement) && PolicyDocuments.everyone(statement)
        && conditions(statement).stream().noneMatch(c -> RESTRICTING_KEYS.contains(c[1].toLowerCase(Locale.ROOT)));
  }

  private static boolean negated(JsonNode st) {
    return st.has("NotPrincipal") || st.has("NotAction") || st.has("NotResource");
  }

  private static boolean allS3Actions(JsonNode st) {
    return strings(st.get("Action")).stream().anyMatch(a -> a.equals("*") || a.equalsIgnoreCase("s3:*"));
  }

  /** The only condition is aws:SecureTransport = false: any other key would narrow the deny. */
  private static boolean deniesPlainHttpOnly(JsonNode st) {
    List<String[]> keys = conditions(st);
    if (keys.size() != 1 || !keys.get(0)[1].equalsIgnoreCase("aws:SecureTransport")
        || !TLS_OPERATORS.contains(keys.get(0)[0].toLowerCase(Locale.ROOT))) {
      return false;
    }
    List<String> values = conditionValues(st, keys.get(0)[0], "aws:SecureTransport");
    return values.size() == 1 && values.get(0).equalsIgnoreCase("false");
  }
}
