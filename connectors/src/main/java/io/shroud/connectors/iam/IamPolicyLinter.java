package io.shroud.connectors.iam;

import static io.shroud.connectors.iam.PolicyDocuments.strings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reviews a policy for a Shroud deployment. An identity policy (no {@code Principal}: the job's or the
 * reader's role) is checked for wildcard actions or resources (beyond object prefixes and the
 * secret-name suffix), {@code NotAction}/{@code NotResource}, Allow statements without
 * {@code aws:SecureTransport}, S3 statements without {@code aws:SourceVpce} (a warning), and actions the
 * job does not need. A bucket policy (its statements name a {@code Principal}) is checked by
 * {@link BucketPolicyLinter}.
 */
public final class IamPolicyLinter {
  /** Every action the generator can grant: what any Shroud job may need. */
  public static final Set<String> SHROUD_ACTIONS = Set.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject",
      "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts", "s3:ListBucket", "s3:GetEncryptionConfiguration",
      "s3:GetBucketPublicAccessBlock", "s3:GetBucketVersioning", "s3:GetBucketPolicy", "s3:GetBucketOwnershipControls",
      "s3:GetAccountPublicAccessBlock", "s3:PutObjectTagging", "s3:GetObjectTagging", "kms:GenerateDataKey",
      "kms:Decrypt", "kms:DescribeKey", "kms:GetKeyRotationStatus", "secretsmanager:GetSecretValue",
      "comprehend:DetectPiiEntities", "macie2:ListFindings", "macie2:GetFindings", "glue:GetDatabase", "glue:GetTable",
      "glue:CreateTable", "glue:UpdateTable", "glue:DeleteTable");
  /** Actions IAM defines no resource type for: "*" is their only resource, not a wildcard grant. */
  static final Set<String> WITHOUT_RESOURCE_TYPES = Set.of("comprehend:DetectPiiEntities",
      "macie2:ListFindings", "macie2:GetFindings", "s3:GetAccountPublicAccessBlock");
  /** S3 actions on the account, not a bucket: they go to S3 Control's endpoint, never through an S3 VPC endpoint. */
  static final Set<String> ACCOUNT_LEVEL_S3 = Set.of("s3:GetAccountPublicAccessBlock");
  /** Object-prefix wildcards ({@code arn:aws:s3:::b/p/*}, staging {@code .../.name.shroud-staging-*}) and secret suffixes. */
  private static final Pattern ALLOWED_WILDCARD = Pattern.compile(
      "arn:aws:s3:::[a-z0-9.-]+/[^*?]*\\*|arn:aws:secretsmanager:[^*?]+-\\?{6}");

  /**
   * One problem.
   *
   * @param severity error (fails the lint) or warning
   * @param statement where: the statement's Sid or position, or {@code bucket NAME} for what a bucket policy lacks
   * @param message what is wrong
   */
  public record Finding(Severity severity, String statement, String message) {
    @Override
    public String toString() {
      String where = statement.startsWith("bucket ") ? statement : "statement " + statement;
      return severity.name().toLowerCase(Locale.ROOT) + ": " + where + ": " + message;
    }
  }

  /** How bad a finding is. */
  public enum Severity {
    ERROR,
    WARNING
  }

  private IamPolicyLinter() {}

  /** Lints a policy document; {@code needed} is the action set the job needs (from its policy), or all Shroud actions. */
  public static List<Finding> lint(String json, String source, Set<String> needed) {
    List<JsonNode> statements = PolicyDocuments.statements(json, source);
    if (statements.stream().anyMatch(PolicyDocuments::hasPrincipal)) {
      return BucketPolicyLinter.lint(statements);
    }
    List<Finding> findings = new ArrayList<>();
    int index = 0;
    for (JsonNode st : statements) {
      index++;
      String name = name(st, index);
      findings.addAll(negations(st, name));
      if (!PolicyDocuments.isAllow(st)) {
        continue;
      }
      List<String> actions = strings(st.get("Action"));
      for (String action : actions) {
        if (action.contains("*") || action.contains("?")) {
          findings.add(new Finding(Severity.ERROR, name, "wildcard action '" + action + "'"));
        } else if (!needed.contains(action)) {
          findings.add(new Finding(Severity.ERROR, name, "action '" + action + "' is not needed by the job"));
        }
      }
      boolean resourceless = !actions.isEmpty() && WITHOUT_RESOURCE_TYPES.containsAll(actions);
      for (String resource : strings(st.get("Resource"))) {
        if (resourceless && resource.equals("*")) {
          continue;
        }
        if ((resource.contains("*") || resource.contains("?")) && !ALLOWED_WILDCARD.matcher(resource).matches()) {
          findings.add(new Finding(Severity.ERROR, name, "wildcard resource '" + resource + "'"));
        }
      }
      if (!secureTransportRequired(st)) {
        findings.add(new Finding(Severity.ERROR, name, "missing condition aws:SecureTransport = true (TLS only)"));
      }
      boolean s3 = actions.stream().anyMatch(a -> a.startsWith("s3:") && !ACCOUNT_LEVEL_S3.contains(a));
      if (s3 && !hasCondition(st, "aws:SourceVpce")) {
        findings.add(new Finding(Severity.WARNING, name, "no aws:SourceVpce condition: S3 is reachable from outside the VPC endpoint"));
      }
    }
    return findings;
  }

  /** The actions a generated policy grants. */
  @SuppressWarnings("unchecked")
  public static Set<String> actionsOf(Map<String, Object> document) {
    Set<String> actions = new TreeSet<>();
    for (Object st : (List<Object>) document.get("Statement")) {
      actions.addAll((List<String>) ((Map<String, Object>) st).get("Action"));
    }
    return actions;
  }

  static String name(JsonNode statement, int index) {
    return statement.hasNonNull("Sid") ? statement.get("Sid").asText() : "#" + index;
  }

  static List<Finding> negations(JsonNode statement, String name) {
    List<Finding> findings = new ArrayList<>();
    for (String forbidden : List.of("NotAction", "NotResource", "NotPrincipal")) {
      if (statement.has(forbidden)) {
        findings.add(new Finding(Severity.ERROR, name, "uses " + forbidden + ", which grants everything not listed"));
      }
    }
    return findings;
  }

  private static boolean secureTransportRequired(JsonNode statement) {
    JsonNode value = statement.path("Condition").path("Bool").path("aws:SecureTransport");
    return value.isBoolean() ? value.booleanValue() : "true".equalsIgnoreCase(value.asText());
  }

  private static boolean hasCondition(JsonNode statement, String key) {
    JsonNode conditions = statement.get("Condition");
    if (conditions == null) {
      return false;
    }
    for (Iterator<JsonNode> it = conditions.elements(); it.hasNext(); ) {
      JsonNode operator = it.next();
      if (operator.has(key)) {
        return true;
      }
    }
    return false;
  }
}
