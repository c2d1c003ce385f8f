package io.shroud.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shroud.core.audit.ObjectTagsAudit.AuditObjects;
import io.shroud.core.audit.ObjectTagsAudit.Classification;
import io.shroud.core.audit.ObjectTagsAudit.Input;
import io.shroud.core.audit.ObjectTagsAudit.Placement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code objectTags} section in each state it can take, against the JSON the map it replaced wrote
 * (captured from the map version once and kept here as literals).
 */
class ObjectTagsAuditTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> AUDIT_OBJECTS = List.of("audit-r1.json", "report-r1.html", "manifest-r1.json");
  private static final String TAGS_JSON =
      "\"tags\":{\"Classification\":\"masked\",\"shroud:policy-sha256\":\"ab\",\"shroud:run-id\":\"r1\"}";
  private static final String NOT_ON_S3_JSON = "{\"reason\":\"not on S3\",\"status\":\"not-applicable\"}";
  private static final String AUDIT_TAGGED_JSON = "\"audit\":{\"objects\":[\"audit-r1.json\",\"report-r1.html\","
      + "\"manifest-r1.json\"],\"status\":\"tagged once written\"}";
  private static final String DERIVED_JSON = "\"classification\":{\"source\":\"derived\",\"value\":\"masked\"}";

  private static Map<String, String> tags() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("shroud:run-id", "r1");
    tags.put("Classification", "masked");
    tags.put("shroud:policy-sha256", "ab");
    return tags;
  }

  private static ObjectTagsAudit section(Placement output, AuditObjects audit, Placement quarantine, Input input) {
    return new ObjectTagsAudit(audit, Classification.of("masked", false), input, output, quarantine, tags());
  }

  private static AuditRecord withObjectTags(ObjectTagsAudit objectTags) {
    return new AuditRecord(1, "run-1", Map.of("name", "shroud", "version", "x"), "sanitize", "succeeded", null,
        "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", 1000, PolicyAudit.local("p.yaml", "ab", false, "detect"),
        Map.of("path", "in"), Map.of("path", "out"), 1, 1, List.of(), Map.of(), Map.of(), null, null, null,
        objectTags, null);
  }

  private static void assertWrites(ObjectTagsAudit objectTags, String expected) throws Exception {
    String json = AuditJson.toJson(withObjectTags(objectTags));
    assertThat(JSON.readTree(json).get("objectTags").toString()).isEqualTo(expected);
    assertThat(AuditJson.fromJson(json).objectTags()).isEqualTo(objectTags);
  }

  @Test
  void offS3TheTagsAreDecidedAndTheirPlacesNotApplicable() throws Exception {
    assertWrites(section(Placement.notApplicable(ObjectTagsAudit.NOT_ON_S3),
            AuditObjects.notApplicable(ObjectTagsAudit.NOT_ON_S3), null, null),
        "{\"audit\":" + NOT_ON_S3_JSON + "," + DERIVED_JSON + ",\"output\":" + NOT_ON_S3_JSON + "," + TAGS_JSON + "}");
  }

  @Test
  void aRunThatFailedBeforeDecidingTagsHasOnlyPlaces() throws Exception {
    assertWrites(new ObjectTagsAudit(AuditObjects.notApplicable(ObjectTagsAudit.NOT_ON_S3), null, null,
            Placement.notApplicable(ObjectTagsAudit.NOT_ON_S3), null, null),
        "{\"audit\":" + NOT_ON_S3_JSON + ",\"output\":" + NOT_ON_S3_JSON + "}");
  }

  @Test
  void anIcebergTableWithAClassificationFromThePolicy() throws Exception {
    assertWrites(new ObjectTagsAudit(AuditObjects.notApplicable(ObjectTagsAudit.NOT_ON_S3),
            Classification.of("confidential", true), null,
            Placement.notApplicable("an Iceberg table: its files are written by Iceberg and not tagged"), null, tags()),
        "{\"audit\":{\"reason\":\"not on S3\",\"status\":\"not-applicable\"},\"classification\":{\"source\":\"policy\","
            + "\"value\":\"confidential\"},\"output\":{\"reason\":\"an Iceberg table: its files are written by Iceberg"
            + " and not tagged\",\"status\":\"not-applicable\"}," + TAGS_JSON + "}");
  }

  @Test
  void onS3NotYetPublished() throws Exception {
    assertWrites(section(Placement.notPublished(), AuditObjects.taggedOnceWritten(AUDIT_OBJECTS), null, null),
        "{" + AUDIT_TAGGED_JSON + "," + DERIVED_JSON + ",\"output\":{\"status\":\"not-published\"}," + TAGS_JSON + "}");
  }

  @Test
  void taggedWithObjectCountsQuarantineAndInput() throws Exception {
    Input input = Input.tagged("shroud:sanitized-by=r1", 1, List.of(), List.of());
    assertWrites(section(Placement.tagged(4).plusOne(), AuditObjects.taggedOnceWritten(AUDIT_OBJECTS),
            Placement.tagged(2), input),
        "{" + AUDIT_TAGGED_JSON + "," + DERIVED_JSON + ",\"input\":{\"objects\":1,\"status\":\"tagged\","
            + "\"tag\":\"shroud:sanitized-by=r1\"},\"output\":{\"objects\":5,\"status\":\"tagged\"},"
            + "\"quarantine\":{\"objects\":2,\"status\":\"tagged\"}," + TAGS_JSON + "}");
  }

  @Test
  void withdrawnAfterTaggingIsNotPublished() throws Exception {
    assertWrites(section(Placement.notPublished(), AuditObjects.taggedOnceWritten(AUDIT_OBJECTS), Placement.tagged(0),
            null),
        "{" + AUDIT_TAGGED_JSON + "," + DERIVED_JSON + ",\"output\":{\"status\":\"not-published\"},"
            + "\"quarantine\":{\"objects\":0,\"status\":\"tagged\"}," + TAGS_JSON + "}");
  }

  @Test
  void inputPartlyTaggedListsSkippedAndFailedObjects() throws Exception {
    Input input = Input.tagged("shroud:sanitized-by=r1", 3, List.of("s3a://in/a.csv"),
        List.of("s3a://in/b.csv: AccessDenied"));
    assertThat(input.status()).isEqualTo("partly tagged");
    assertWrites(section(Placement.notApplicable(ObjectTagsAudit.NOT_ON_S3),
            AuditObjects.notApplicable(ObjectTagsAudit.NOT_ON_S3), null, input),
        "{\"audit\":" + NOT_ON_S3_JSON + "," + DERIVED_JSON + ",\"input\":{\"failures\":[\"s3a://in/b.csv: AccessDenied\"],"
            + "\"objects\":3,\"skippedWithTenTags\":[\"s3a://in/a.csv\"],\"status\":\"partly tagged\","
            + "\"tag\":\"shroud:sanitized-by=r1\"},\"output\":" + NOT_ON_S3_JSON + "," + TAGS_JSON + "}");
  }

  @Test
  void inputNotOnS3() throws Exception {
    assertWrites(section(Placement.notApplicable(ObjectTagsAudit.NOT_ON_S3),
            AuditObjects.notApplicable(ObjectTagsAudit.NOT_ON_S3), null,
            Input.notApplicable("shroud:sanitized-by=r1", ObjectTagsAudit.NOT_ON_S3)),
        "{\"audit\":" + NOT_ON_S3_JSON + "," + DERIVED_JSON + ",\"input\":{\"reason\":\"not on S3\","
            + "\"status\":\"not-applicable\",\"tag\":\"shroud:sanitized-by=r1\"},\"output\":" + NOT_ON_S3_JSON + ","
            + TAGS_JSON + "}");
  }
}
