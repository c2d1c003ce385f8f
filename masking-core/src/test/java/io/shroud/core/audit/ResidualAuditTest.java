package io.shroud.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ResidualAuditTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static AuditRecord withResidual(ResidualAudit residual) {
    return new AuditRecord(1, "run-1", Map.of("name", "shroud", "version", "x"), "sanitize", "succeeded", null,
        "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", 1000, PolicyAudit.local("p.yaml", "ab", false, "detect"),
        Map.of("path", "in"), Map.of("path", "out"), 1, 1, List.of(), Map.of(), Map.of(), null, residual, null, null, null);
  }

  /** The section as ResidualScan wrote it when it was a map. */
  private static String asMap(ResidualAudit r) throws Exception {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("sampleSize", r.sampleSize());
    map.put("columnsRescanned", r.columnsRescanned());
    r.rowsScanned().ifPresent(n -> map.put("rowsScanned", n));
    map.put("findings", r.findings());
    return new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(map);
  }

  @Test
  void writesTheSameJsonAsTheMapItReplacesAndRoundTrips() throws Exception {
    Map<String, Map<String, Long>> left = new TreeMap<>(Map.of("notes", new TreeMap<>(Map.of("EMAIL", 2L, "PHONE", 1L))));
    ResidualAudit found = new ResidualAudit(List.of("notes", "id"), left, 200, 200);
    ResidualAudit clean = new ResidualAudit(List.of("notes"), Map.of(), 1000, 1000);
    ResidualAudit notScanned = new ResidualAudit(List.of(), Map.of(), null, 0);
    for (ResidualAudit residual : List.of(found, clean, notScanned)) {
      String json = AuditJson.toJson(withResidual(residual));
      assertThat(JSON.readTree(json).get("residual").toString()).isEqualTo(asMap(residual));
      assertThat(AuditJson.fromJson(json).residual()).isEqualTo(residual);
    }
    assertThat(found.foundPersonalData()).isTrue();
    assertThat(clean.foundPersonalData()).isFalse();
    assertThat(notScanned.rowsScanned()).isEmpty();
    assertThat(AuditJson.toJson(withResidual(notScanned))).doesNotContain("rowsScanned");
  }
}
