package io.shroud.jobs.iceberg;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory AWS Glue Data Catalog speaking Glue's JSON 1.1 protocol ({@code POST /},
 * {@code X-Amz-Target: AWSGlue.<Operation>}, {@code application/x-amz-json-1.1}): GetDatabase, GetTable,
 * CreateTable, UpdateTable (with Glue's optimistic {@code VersionId} check) and DeleteTable, with the response
 * and error shapes of Glue's API reference ({@code EntityNotFoundException}, {@code AlreadyExistsException},
 * {@code ConcurrentModificationException}).
 */
final class FakeGlue implements ResponseDefinitionTransformerV2 {
  static final String NAME = "fake-glue";
  private static final ObjectMapper JSON = new ObjectMapper();

  final Map<String, Map<String, Object>> databases = new ConcurrentHashMap<>();
  final Map<String, Map<String, Object>> tables = new ConcurrentHashMap<>();
  /** Each call's operation and request body, in order. */
  final List<String> calls = new CopyOnWriteArrayList<>();

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  void database(String name) {
    databases.put(name, Map.of("Name", name, "CatalogId", "111122223333", "CreateTime", 1.7E9));
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized ResponseDefinition transform(ServeEvent event) {
    String target = event.getRequest().getHeader("X-Amz-Target");
    String contentType = event.getRequest().getHeader("Content-Type");
    if (target == null || !target.startsWith("AWSGlue.") || contentType == null
        || !contentType.startsWith("application/x-amz-json-1.1")) {
      return error(400, "UnknownOperationException", "expected X-Amz-Target AWSGlue.* and application/x-amz-json-1.1");
    }
    Map<String, Object> request;
    try {
      request = JSON.readValue(event.getRequest().getBodyAsString(), Map.class);
    } catch (IOException e) {
      return error(400, "SerializationException", "body is not JSON");
    }
    String operation = target.substring("AWSGlue.".length());
    calls.add(operation);
    String database = (String) request.get("DatabaseName");
    switch (operation) {
      case "GetDatabase" -> {
        Map<String, Object> db = databases.get((String) request.get("Name"));
        return db == null ? error(400, "EntityNotFoundException", "Database " + request.get("Name") + " not found.")
            : json(Map.of("Database", db));
      }
      case "GetTable" -> {
        Map<String, Object> table = tables.get(database + "." + request.get("Name"));
        return table == null ? error(400, "EntityNotFoundException", "Table " + request.get("Name") + " not found.")
            : json(Map.of("Table", table));
      }
      case "CreateTable" -> {
        if (!databases.containsKey(database)) {
          return error(400, "EntityNotFoundException", "Database " + database + " not found.");
        }
        Map<String, Object> input = (Map<String, Object>) request.get("TableInput");
        String key = database + "." + input.get("Name");
        if (tables.containsKey(key)) {
          return error(400, "AlreadyExistsException", "Table already exists.");
        }
        tables.put(key, table(database, input, 1));
        return json(Map.of());
      }
      case "UpdateTable" -> {
        Map<String, Object> input = (Map<String, Object>) request.get("TableInput");
        String key = database + "." + input.get("Name");
        Map<String, Object> current = tables.get(key);
        if (current == null) {
          return error(400, "EntityNotFoundException", "Table " + input.get("Name") + " not found.");
        }
        Object expected = request.get("VersionId");
        if (expected != null && !expected.equals(current.get("VersionId"))) {
          return error(400, "ConcurrentModificationException", "Update table failed due to concurrent modifications.");
        }
        tables.put(key, table(database, input, Integer.parseInt((String) current.get("VersionId")) + 1));
        return json(Map.of());
      }
      case "DeleteTable" -> {
        Map<String, Object> removed = tables.remove(database + "." + request.get("Name"));
        return removed == null ? error(400, "EntityNotFoundException", "Table " + request.get("Name") + " not found.")
            : json(Map.of());
      }
      default -> {
        return error(400, "InvalidInputException", "operation " + operation + " is not in this fake");
      }
    }
  }

  private static Map<String, Object> table(String database, Map<String, Object> input, int version) {
    Map<String, Object> table = new LinkedHashMap<>(input);
    table.put("DatabaseName", database);
    table.put("CatalogId", "111122223333");
    table.put("VersionId", String.valueOf(version));
    table.put("CreateTime", 1.7E9);
    table.put("UpdateTime", 1.7E9 + version);
    return table;
  }

  private static ResponseDefinition json(Object body) {
    try {
      return new ResponseDefinitionBuilder().withStatus(200)
          .withHeader("Content-Type", "application/x-amz-json-1.1").withBody(JSON.writeValueAsString(body)).build();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ResponseDefinition error(int status, String type, String message) {
    return new ResponseDefinitionBuilder().withStatus(status)
        .withHeader("Content-Type", "application/x-amz-json-1.1").withHeader("X-Amzn-ErrorType", type)
        .withBody("{\"__type\":\"" + type + "\",\"Message\":\"" + message + "\"}").build();
  }
}
