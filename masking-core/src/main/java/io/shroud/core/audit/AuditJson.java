package io.shroud.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Serializes audit records as pretty-printed JSON. */
public final class AuditJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private AuditJson() {}

  public static String toJson(AuditRecord record) {
    try {
      return MAPPER.writeValueAsString(record) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize audit record " + record.runId(), e);
    }
  }

  /** Reads a record; fields this version does not know (written by a newer Shroud) are ignored. */
  public static AuditRecord fromJson(String json) {
    try {
      return MAPPER.readerFor(AuditRecord.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Invalid audit record: " + e.getOriginalMessage(), e);
    }
  }
}
