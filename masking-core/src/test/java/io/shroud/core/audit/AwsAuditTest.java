package io.shroud.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsAuditTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static AuditRecord withAws(AwsAudit aws) {
    return new AuditRecord(1, "run-1", Map.of("name", "shroud", "version", "x"), "sanitize", "succeeded", null,
        "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", 1000, PolicyAudit.local("p.yaml", "ab", false, "detect"),
        Map.of("path", "in"), Map.of("path", "out"), 1, 1, List.of(), Map.of(), Map.of(), null, null, aws, null, null);
  }

  /** The section as PreflightReport wrote it when it was a map of maps. */
  private static String asMap(AwsAudit aws) throws Exception {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("callerIdentity", aws.callerIdentity());
    map.put("preflight", aws.preflight().stream().map(c -> {
      Map<String, Object> check = new LinkedHashMap<>();
      check.put("check", c.check());
      check.put("subject", c.subject());
      check.put("outcome", c.outcome());
      check.put("detail", c.detail());
      return check;
    }).toList());
    return new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(map);
  }

  @Test
  void writesTheSameJsonAsTheMapItReplacesAndRoundTrips() throws Exception {
    List<AwsAudit.Check> checks = List.of(
        new AwsAudit.Check("kmsKey", "customer-managed, enabled, rotation on", "passed", "KMS key k-1"),
        new AwsAudit.Check("versioning", "versioning was never enabled", "warned", "bucket 'out'"));
    Map<String, String> caller = new LinkedHashMap<>();
    caller.put("userId", "AROA3XFRBF535EXAMPLE:i-0abc");
    caller.put("arn", "arn:aws:sts::111122223333:assumed-role/shroud-job/i-0abc");
    caller.put("account", "111122223333");
    for (AwsAudit aws : List.of(new AwsAudit(caller, checks), new AwsAudit(null, checks), new AwsAudit(null, List.of()))) {
      String json = AuditJson.toJson(withAws(aws));
      assertThat(JSON.readTree(json).get("aws").toString()).isEqualTo(asMap(aws));
      assertThat(AuditJson.fromJson(json).aws()).isEqualTo(aws);
    }
    assertThat(AuditJson.toJson(withAws(new AwsAudit(null, List.of())))).contains("\"callerIdentity\" : null");
  }
}
