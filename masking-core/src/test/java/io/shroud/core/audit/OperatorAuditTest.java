package io.shroud.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An {@code entityOperators} entry writes the flat object the map it replaced wrote (kept here as a literal). */
class OperatorAuditTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static AuditRecord withOperators(Map<String, OperatorAudit> operators) {
    return new AuditRecord(1, "run-1", Map.of("name", "shroud", "version", "x"), "sanitize", "succeeded", null,
        "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", 1000, PolicyAudit.local("p.yaml", "ab", false, "detect"),
        Map.of("path", "in"), Map.of("path", "out"), 1, 1, List.of(), Map.of(), operators, null, null, null, null, null);
  }

  @Test
  void writesTheActionBesideItsParametersInNameOrderAndRoundTrips() throws Exception {
    Map<String, Object> tokenize = new LinkedHashMap<>();
    tokenize.put("key", "k");
    tokenize.put("alphabet", "digits");
    tokenize.put("keepFirst", 6);
    tokenize.put("luhn", true);
    Map<String, OperatorAudit> operators = new LinkedHashMap<>();
    operators.put("default", new OperatorAudit("redact", Map.of("replacement", "<TYPE>")));
    operators.put("CREDIT_CARD", new OperatorAudit("tokenize", tokenize));
    operators.put("ZIP", OperatorAudit.keep("coarse enough"));
    String json = AuditJson.toJson(withOperators(operators));
    assertThat(JSON.readTree(json).get("entityOperators").toString()).isEqualTo("{\"CREDIT_CARD\":{\"action\":\"tokenize\","
        + "\"alphabet\":\"digits\",\"keepFirst\":6,\"key\":\"k\",\"luhn\":true},\"ZIP\":{\"action\":\"keep\","
        + "\"reason\":\"coarse enough\"},\"default\":{\"action\":\"redact\",\"replacement\":\"<TYPE>\"}}");
    assertThat(AuditJson.fromJson(json).entityOperators()).isEqualTo(operators);
  }

  @Test
  void refusesAParameterNamedAction() {
    assertThatThrownBy(() -> new OperatorAudit("redact", Map.of("action", "keep")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid audit parameters of action redact: 'action' is not a parameter");
  }
}
