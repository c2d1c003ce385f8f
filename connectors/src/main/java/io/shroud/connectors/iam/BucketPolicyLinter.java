package io.shroud.connectors.iam;

import static io.shroud.connectors.iam.PolicyDocuments.strings;

import com.fasterxml.jackson.databind.JsonNode;
import io.shroud.connectors.iam.IamPolicyLinter.Finding;
import io.shroud.connectors.iam.IamPolicyLinter.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reviews a bucket policy: for every bucket its resources name, a Deny of requests without TLS and a
 * Deny of uploads without SSE-KMS; no Allow to {@code Principal *} without a condition that narrows who
 * or where; no wildcard actions in an Allow; no {@code NotPrincipal}/{@code NotAction}/{@code NotResource}.
 */
final class BucketPolicyLinter {
  private static final Pattern BUCKET = Pattern.compile("arn:aws:s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(/.*)?");

  private BucketPolicyLinter() {}

  static List<Finding> lint(List<JsonNode> statements) {
    List<Finding> findings = new ArrayList<>();
    Set<String> buckets = new LinkedHashSet<>();
    int index = 0;
    for (JsonNode st : statements) {
      index++;
      String name = IamPolicyLinter.name(st, index);
      findings.addAll(IamPolicyLinter.negations(st, name));
      for (String resource : strings(st.get("Resource"))) {
        Matcher m = BUCKET.matcher(resource);
        if (m.matches()) {
          buckets.add(m.group(1));
        }
      }
      if (!PolicyDocuments.isAllow(st)) {
        continue;
      }
      if (BucketPolicyReview.openToEveryone(st)) {
        findings.add(new Finding(Severity.ERROR, name, "allows Principal * with no condition narrowing who or where "
            + "(aws:SourceVpce, aws:SourceIp, aws:PrincipalAccount, aws:PrincipalArn, ...): the bucket is public"));
      }
      for (String action : strings(st.get("Action"))) {
        if (action.contains("*") || action.contains("?")) {
          findings.add(new Finding(Severity.ERROR, name, "wildcard action '" + action + "'"));
        }
      }
    }
    for (String bucket : buckets) {
      BucketPolicyReview.secureTransportProblem(statements, bucket)
          .ifPresent(p -> findings.add(new Finding(Severity.ERROR, "bucket " + bucket, p)));
      BucketPolicyReview.encryptionProblem(statements, bucket)
          .ifPresent(p -> findings.add(new Finding(Severity.ERROR, "bucket " + bucket, p)));
    }
    return findings;
  }
}
