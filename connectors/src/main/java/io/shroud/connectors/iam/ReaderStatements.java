package io.shroud.connectors.iam;

import io.shroud.core.policy.ObjectTagRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reader's grants in a bucket policy: read the output's objects tagged with one classification,
 * list the output prefix, and nothing untagged anywhere in the bucket, whatever the reader's own
 * policies say.
 */
final class ReaderStatements {
  static final String EXISTING_CLASSIFICATION = "s3:ExistingObjectTag/" + ObjectTagRules.CLASSIFICATION;

  private ReaderStatements() {}

  static List<Map<String, Object>> bucketPolicy(String output, String readerRole, String classification) {
    String bucket = IamArns.bucket(output);
    Map<String, Object> principal = Map.of("AWS", readerRole);
    List<Map<String, Object>> statements = new ArrayList<>();

    Map<String, Object> tagged = BucketPolicyGenerator.conditions("StringEquals", EXISTING_CLASSIFICATION, classification);
    tagged.putAll(BucketPolicyGenerator.conditions("Bool", "aws:SecureTransport", "true"));
    statements.add(allow("ReaderReadsTaggedOutput", principal, List.of("s3:GetObject"),
        List.of(IamArns.object(output, "/*")), tagged));

    Map<String, Object> list = new LinkedHashMap<>();
    if (!prefixes(output).isEmpty()) {
      list.putAll(BucketPolicyGenerator.conditions("StringLike", "s3:prefix", prefixes(output)));
    }
    list.putAll(BucketPolicyGenerator.conditions("Bool", "aws:SecureTransport", "true"));
    statements.add(allow("ReaderListsOutput", principal, List.of("s3:ListBucket"), List.of(bucket), list));

    Map<String, Object> deny = new LinkedHashMap<>();
    deny.put("Sid", "ReaderReadsNothingElse");
    deny.put("Effect", "Deny");
    deny.put("Principal", principal);
    deny.put("Action", "s3:GetObject");
    deny.put("Resource", List.of(bucket + "/*"));
    deny.put("Condition", BucketPolicyGenerator.conditions("StringNotEquals", EXISTING_CLASSIFICATION, classification));
    statements.add(deny);
    return statements;
  }

  /** What ListBucket may ask for: the output prefix, what is under it, and the ancestors S3A-style readers probe. */
  static List<String> prefixes(String output) {
    String key = IamArns.keyOf(output);
    List<String> prefixes = new ArrayList<>(IamArns.ancestorPrefixes(key));
    if (!key.isEmpty()) {
      prefixes.add(key);
      prefixes.add(key + "/*");
    }
    return prefixes;
  }

  private static Map<String, Object> allow(String sid, Map<String, Object> principal, List<String> actions,
      List<String> resources, Map<String, Object> conditions) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Sid", sid);
    statement.put("Effect", "Allow");
    statement.put("Principal", principal);
    statement.put("Action", actions);
    statement.put("Resource", resources);
    statement.put("Condition", conditions);
    return statement;
  }
}
