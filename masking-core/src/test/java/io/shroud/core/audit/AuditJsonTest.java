package io.shroud.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.utility.UtilityFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditJsonTest {
  @Test
  void roundTripsAndKeepsFieldNamesStable() {
    AuditRecord record = new AuditRecord(1, "run-1", Map.of("name", "shroud", "version", "x"), "sanitize",
        "succeeded", null, "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", 1000,
        PolicyAudit.local("p.yaml", "ab", false, "detect"), Map.of("path", "in", "format", "csv"),
        Map.of("path", "out", "format", "csv", "mode", "error-if-exists"), 10, 10,
        List.of(new ColumnAudit("email", "string", "string", "MASK_VALUE", "detected", "EMAIL",
            new OperatorAudit("redact", Map.of()), List.of(new ColumnAudit.KeyUse("k", 1, "file k.key", "0011223344556677")), "classified",
            Map.of("EMAIL", 10L), 10L)),
        Map.of("EMAIL", 10L), Map.of("default", new OperatorAudit("redact", Map.of())), null, null, null, null, null);
    String json = AuditJson.toJson(record);
    assertThat(json).contains("\"rowsRead\" : 10", "\"findingsByType\"", "\"fingerprint\" : \"0011223344556677\"");
    assertThat(AuditJson.fromJson(json)).isEqualTo(record);

    AuditRecord withUtility = new AuditRecord(record.schemaVersion(), record.runId(), record.tool(), record.command(),
        record.status(), record.error(), record.startedAt(), record.finishedAt(), record.durationMillis(), record.policy(),
        record.input(), record.output(), record.rowsRead(), record.rowsWritten(), record.columns(), record.findingsByType(),
        record.entityOperators(), null, null, null, null, UtilityFixtures.report());
    String utilityJson = AuditJson.toJson(withUtility);
    assertThat(utilityJson).contains("\"utility\" : {", "\"totalVariationDistance\"", "\"histogram\"");
    assertThat(AuditJson.toJson(AuditJson.fromJson(utilityJson))).isEqualTo(utilityJson);
    assertThat(AuditJson.fromJson(utilityJson).utility().columns()).isEqualTo(withUtility.utility().columns());
  }
}
