package io.shroud.connectors.iam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** IAM statement shapes, each with the TLS condition (and the VPC endpoint condition for S3). */
final class Statements {
  private final String sourceVpceOrNull;

  Statements(String sourceVpceOrNull) {
    this.sourceVpceOrNull = sourceVpceOrNull;
  }

  Map<String, Object> s3(String sid, List<String> actions, List<String> resources) {
    return s3(sid, actions, resources, new LinkedHashMap<>());
  }

  /** An S3 statement with conditions of its own (a {@code StringEquals} map is shared with the endpoint's). */
  Map<String, Object> s3(String sid, List<String> actions, List<String> resources, Map<String, Object> conditions) {
    return statement(sid, actions, resources, s3Conditions(conditions));
  }

  /** ListBucket on the bucket, limited to the path's prefixes and the ancestors S3A probes. */
  Map<String, Object> list(String sid, String path, List<String> extraPrefixes) {
    String key = IamArns.keyOf(path);
    List<String> prefixes = new ArrayList<>(IamArns.ancestorPrefixes(key));
    if (!key.isEmpty()) {
      prefixes.add(key);
      prefixes.add(key + "/*");
    }
    prefixes.addAll(extraPrefixes);
    Map<String, Object> conditions = new LinkedHashMap<>();
    if (!key.isEmpty()) {
      conditions.put("StringLike", Map.of("s3:prefix", prefixes));
    }
    return statement(sid, List.of("s3:ListBucket"), List.of(IamArns.bucket(path)), s3Conditions(conditions));
  }

  Map<String, Object> plain(String sid, List<String> actions, List<String> resources) {
    return statement(sid, actions, resources, tls(new LinkedHashMap<>()));
  }

  Map<String, Object> kmsViaS3(String sid, List<String> actions, List<String> keys, String region) {
    return kmsViaS3(sid, actions, keys, region, new LinkedHashMap<>());
  }

  /** Through S3 only, with conditions of its own (such as the encryption context S3 sends). */
  Map<String, Object> kmsViaS3(String sid, List<String> actions, List<String> keys, String region,
      Map<String, Object> extra) {
    Map<String, Object> conditions = new LinkedHashMap<>();
    if (region != null) {
      conditions.put("StringEquals", Map.of("kms:ViaService", "s3." + region + ".amazonaws.com"));
    }
    conditions.putAll(extra);
    return statement(sid, actions, keys, tls(conditions));
  }

  Map<String, Object> kmsDecryptWithContext(String sid, String key, Map<String, String> context) {
    Map<String, Object> conditions = new LinkedHashMap<>();
    if (!context.isEmpty()) {
      Map<String, String> equals = new TreeMap<>();
      context.forEach((k, v) -> equals.put("kms:EncryptionContext:" + k, v));
      conditions.put("StringEquals", equals);
    }
    return statement(sid, List.of("kms:Decrypt"), List.of(key), tls(conditions));
  }

  private Map<String, Object> s3Conditions(Map<String, Object> conditions) {
    if (sourceVpceOrNull != null) {
      @SuppressWarnings("unchecked")
      Map<String, Object> equals = new TreeMap<>((Map<String, Object>) conditions.getOrDefault("StringEquals", Map.of()));
      equals.put("aws:SourceVpce", sourceVpceOrNull);
      conditions.put("StringEquals", equals);
    }
    return tls(conditions);
  }

  private static Map<String, Object> tls(Map<String, Object> conditions) {
    conditions.put("Bool", Map.of("aws:SecureTransport", "true"));
    return conditions;
  }

  private static Map<String, Object> statement(String sid, List<String> actions, List<String> resources,
      Map<String, Object> conditions) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Sid", sid);
    statement.put("Effect", "Allow");
    statement.put("Action", List.copyOf(actions));
    statement.put("Resource", List.copyOf(resources));
    statement.put("Condition", conditions);
    return statement;
  }
}
