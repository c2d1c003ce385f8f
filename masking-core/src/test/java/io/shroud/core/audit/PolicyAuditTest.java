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
      map.put("amazonComprehend", p.amazonComprehend());
    }
    if (p.amazonMacie() != null) {
      map.put("amazonMacie", p.amazonMacie());
    }
    return new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(map);
  }

  @Test
  void writesTheSameJsonAsTheMapItReplacesAndRoundTrips() throws Exception {
    Map<String, Object> comprehend = new LinkedHashMap<>();
    comprehend.put("region", "eu-west-1");
    comprehend.put("endpoint", "public regional endpoint");
    comprehend.put("languageCode", "en");
    comprehend.put("columns", List.of("notes"));
    comprehend.put("maxCharactersPerExecutor", 5000L);
    comprehend.put("findingsDetectorId", "comprehend");
    Map<String, Object> macie = new LinkedHashMap<>();
    macie.put("bucket", "raw");
    macie.put("prefix", "in/");
    macie.put("findingsRead", 3);
    macie.put("detailedResultFiles", 1);
    macie.put("occurrencesByColumn", Map.of("email", Map.of("EMAIL", 2L)));
    for (PolicyAudit policy : List.of(PolicyAudit.local("p.yaml", "ab", false, "detect"),
        new PolicyAudit(comprehend, null, true, "cd", "built-in auto policy", "detect"),
        new PolicyAudit(comprehend, macie, false, "ef", "p.yaml", "fail"))) {
      String json = AuditJson.toJson(withPolicy(policy));
      assertThat(JSON.readTree(json).get("policy").toString()).isEqualTo(asMap(policy));
      assertThat(AuditJson.fromJson(json).policy()).isEqualTo(JSON.readValue(JSON.writeValueAsString(policy),
          PolicyAudit.class));
    }
    assertThat(AuditJson.toJson(withPolicy(PolicyAudit.local("p.yaml", "ab", false, "detect"))))
        .doesNotContain("amazonComprehend", "amazonMacie");
  }
}
