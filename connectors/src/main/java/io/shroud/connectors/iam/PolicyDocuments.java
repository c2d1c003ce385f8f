package io.shroud.connectors.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shroud.core.UsageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reading IAM policy JSON the way IAM does: {@code Statement}, {@code Action}, {@code Resource} and
 * condition values may each be a single value or a list; {@code Principal} may be {@code "*"} or a map
 * of principal types; wildcards {@code *} and {@code ?} match within ARNs.
 */
public final class PolicyDocuments {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PolicyDocuments() {}

  /** Parses a policy and returns its statements; {@code source} names it in errors. */
  public static List<JsonNode> statements(String json, String source) {
    JsonNode doc;
    try {
      doc = JSON.readTree(json);
    } catch (IOException e) {
      throw new UsageException("Invalid IAM policy " + source + ": not JSON");
    }
    JsonNode statements = doc == null ? null : doc.get("Statement");
    if (statements == null) {
      throw new UsageException("Invalid IAM policy " + source + ": no 'Statement'");
    }
    List<JsonNode> list = new ArrayList<>();
    if (statements.isArray()) {
      statements.forEach(list::add);
    } else {
      list.add(statements);
    }
    return list;
  }

  /** A string or a list of strings as a list. */
  static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node == null || node.isNull()) {
      return values;
    }
    if (node.isArray()) {
      node.forEach(n -> values.add(n.asText()));
    } else {
      values.add(node.asText());
    }
    return values;
  }

  static boolean isDeny(JsonNode statement) {
    return "Deny".equals(statement.path("Effect").asText());
  }

  static boolean isAllow(JsonNode statement) {
    return "Allow".equals(statement.path("Effect").asText());
  }

  /** Whether the statement names a principal: resource-based policies (bucket policies) do. */
  static boolean hasPrincipal(JsonNode statement) {
    return statement.has("Principal") || statement.has("NotPrincipal");
  }

  /** {@code "Principal": "*"} or {@code {"AWS": "*"}}: everyone, anonymous callers included. */
  static boolean everyone(JsonNode statement) {
    JsonNode principal = statement.get("Principal");
    if (principal == null) {
      return false;
    }
    if (principal.isTextual()) {
      return principal.asText().equals("*");
    }
    return strings(principal.get("AWS")).contains("*");
  }

  /** Whether any action of the statement, wildcards read as IAM does (case-insensitively), covers {@code action}. */
  static boolean coversAction(JsonNode statement, String action) {
    return strings(statement.get("Action")).stream().anyMatch(a -> wildcard(a.toLowerCase(Locale.ROOT))
        .matcher(action.toLowerCase(Locale.ROOT)).matches());
  }

  /** Whether a resource pattern matches a concrete ARN. */
  static boolean matches(String pattern, String arn) {
    return wildcard(pattern).matcher(arn).matches();
  }

  /**
   * Whether a resource pattern matches every object ARN of a bucket ({@code arn:aws:s3:::B/} followed by
   * anything): it ends in {@code *} and what comes before matches a beginning of {@code arn:aws:s3:::B/}.
   */
  static boolean coversAllObjects(String pattern, String bucket) {
    if (!pattern.endsWith("*")) {
      return false;
    }
    return wildcard(pattern.substring(0, pattern.length() - 1)).matcher("arn:aws:s3:::" + bucket + "/").lookingAt();
  }

  /** The condition keys a statement tests, with their operator, such as {@code Bool aws:SecureTransport}. */
  static List<String[]> conditions(JsonNode statement) {
    List<String[]> keys = new ArrayList<>();
    JsonNode conditions = statement.get("Condition");
    if (conditions == null) {
      return keys;
    }
    for (Iterator<String> ops = conditions.fieldNames(); ops.hasNext(); ) {
      String operator = ops.next();
      for (Iterator<String> it = conditions.get(operator).fieldNames(); it.hasNext(); ) {
        keys.add(new String[] {operator, it.next()});
      }
    }
    return keys;
  }

  /** The values a statement tests a condition key with under an operator (empty if it does not). */
  static List<String> conditionValues(JsonNode statement, String operator, String key) {
    JsonNode op = statement.path("Condition").get(operator);
    if (op == null) {
      return List.of();
    }
    for (Iterator<String> it = op.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      // Condition keys are case-insensitive.
      if (name.equalsIgnoreCase(key)) {
        return strings(op.get(name));
      }
    }
    return List.of();
  }

  private static Pattern wildcard(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
