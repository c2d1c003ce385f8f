package io.shroud.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyAuditTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static AuditRecord withPolicy(PolicyAudit policy) {
    return new AuditRecord(1, "run-1", Map.of("name", "shroud", "version", "x"), "sanitize", "succeeded", null,
        "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", 1000, policy, Map.of("path", "in"), Map.of("path", "out"), 1, 1,
        List.of(), Map.of(), Map.of(), null, null, null, null, null);
  }

  /** The section as it was written when it was a map: keys in name order, absent services left out. */
  private static String asMap(PolicyAudit p) throws Exception {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("source", p.source());
    map.put("sha256", p.sha256());
    map.put("auto", p.auto());
    map.put("unlistedColumns", p.unlistedColumns());
    if (p.amazonComprehend() != null) {
      PolicyAudit.Comprehend c = p.amazonComprehend();
      Map<String, Object> comprehend = new LinkedHashMap<>();
      comprehend.put("region", c.region());
      comprehend.put("endpoint", c.endpoint());
      comprehend.put("languageCode", c.languageCode());
      comprehend.put("columns", c.columns());
      comprehend.put("maxCharactersPerExecutor", c.maxCharactersPerExecutor());
      comprehend.put("findingsDetectorId", c.findingsDetectorId());
      map.put("amazonComprehend", comprehend);
    }
    if (p.amazonMacie() != null) {
      PolicyAudit.Macie m = p.amazonMacie();
      Map<String, Object> macie = new LinkedHashMap<>();
      macie.put("bucket", m.bucket());
      macie.put("prefix", m.prefix());
      macie.put("findingsRead", m.findingsRead());
      macie.put("detailedResultFiles", m.detailedResultFiles());
      macie.put("occurrencesByColumn", m.occurrencesByColumn());
      map.put("amazonMacie", macie);
    }
    return new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(map);
  }

  @Test
  void writesTheSameJsonAsTheMapItReplacesAndRoundTrips() throws Exception {
    PolicyAudit.Comprehend comprehend = PolicyAudit.Comprehend.of("eu-west-1", null, "en", List.of("notes"), 5000);
    PolicyAudit.Comprehend everyColumn = PolicyAudit.Comprehend.of("us-east-1", "https://vpce.example", "es", List.of(),
        10);
    PolicyAudit.Macie macie = new PolicyAudit.Macie("raw", 1, 3, Map.of("email", Map.of("EMAIL", 2L)), "in/");
    PolicyAudit.Macie noPrefix = new PolicyAudit.Macie("raw", 0, 0, Map.of(), null);
    for (PolicyAudit policy : List.of(PolicyAudit.local("p.yaml", "ab", false, "detect"),
        new PolicyAudit(comprehend, null, true, "cd", "built-in auto policy", "detect"),
        new PolicyAudit(comprehend, macie, false, "ef", "p.yaml", "fail"),
        new PolicyAudit(everyColumn, noPrefix, false, "ef", "p.yaml", "fail"))) {
      String json = AuditJson.toJson(withPolicy(policy));
      assertThat(JSON.readTree(json).get("policy").toString()).isEqualTo(asMap(policy));
      assertThat(AuditJson.toJson(AuditJson.fromJson(json))).isEqualTo(json);
    }
    assertThat(everyColumn.columns()).isEqualTo("every free-text column");
    assertThat(everyColumn.endpoint()).isEqualTo("https://vpce.example");
    assertThat(comprehend.endpoint()).isEqualTo("public regional endpoint");
    assertThat(AuditJson.toJson(withPolicy(PolicyAudit.local("p.yaml", "ab", false, "detect"))))
        .doesNotContain("amazonComprehend", "amazonMacie");
  }
}
