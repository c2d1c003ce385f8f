package io.shroud.core.policy;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code input.table} / {@code output.table} with their {@code catalog} (and, for an input, {@code snapshot}
 * or {@code asOf}). Each catalog type takes only the keys it uses, so a mistyped or misplaced setting is an error
 * rather than silently ignored.
 */
final class TableParser {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)+");
  /** Glue stores lower-case names; Iceberg's GlueCatalog accepts exactly these. */
  private static final Pattern GLUE_IDENTIFIER = Pattern.compile("[a-z0-9_]{1,252}\\.[a-z0-9_]{1,255}");
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

  private TableParser() {}

  /** The input table, or empty when the input is a path. Refuses path-only keys next to a table. */
  static Optional<TableSpec> input(YamlObject section) {
    if (!section.has("table")) {
      for (String key : new String[] {"catalog", "snapshot", "asOf"}) {
        if (section.has(key)) {
          throw section.error(key, "'" + section.dotted(key) + "' applies to a table input; set 'input.table' too");
        }
      }
      return Optional.empty();
    }
    refuseFileKeys(section, "path", "format", "onMalformed", "tagSanitized");
    CatalogSpec catalog = catalog(section);
    String identifier = identifier(section, catalog);
    Long snapshot = section.longValue("snapshot").orElse(null);
    if (snapshot != null && snapshot <= 0) {
      throw section.error("snapshot", "'input.snapshot' must be a snapshot id (a positive number), got " + snapshot);
    }
    Instant asOf = section.string("asOf").map(text -> instant(section, text)).orElse(null);
    if (snapshot != null && asOf != null) {
      throw section.error("asOf", "'input.snapshot' and 'input.asOf' are mutually exclusive: give one snapshot id "
          + "or one point in time");
    }
    return Optional.of(new TableSpec(identifier, catalog, snapshot, asOf));
  }

  /** The output table, or empty when the output is a path. */
  static Optional<TableSpec> output(YamlObject section) {
    if (!section.has("table")) {
      if (section.has("catalog")) {
        throw section.error("catalog", "'output.catalog' applies to a table output; set 'output.table' too");
      }
      return Optional.empty();
    }
    refuseFileKeys(section, "path", "format");
    CatalogSpec catalog = catalog(section);
    return Optional.of(new TableSpec(identifier(section, catalog), catalog));
  }

  private static void refuseFileKeys(YamlObject section, String... keys) {
    for (String key : keys) {
      if (section.has(key)) {
        throw section.error(key, "'" + section.dotted(key) + "' does not apply to a table: '"
            + section.dotted("table") + "' and '" + section.dotted(key) + "' are mutually exclusive");
      }
    }
  }

  private static String identifier(YamlObject section, CatalogSpec catalog) {
    String name = section.string("table").orElseThrow().trim();
    if (!IDENTIFIER.matcher(name).matches()) {
      throw section.error("table", "invalid table name '" + name + "' for '" + section.dotted("table")
          + "'; expected namespace.table such as db.customers (letters, digits and '_')");
    }
    if (catalog.type() == CatalogSpec.Type.GLUE && !GLUE_IDENTIFIER.matcher(name).matches()) {
      throw section.error("table", "invalid table name '" + name + "' for a glue catalog; expected database.table "
          + "in lower case, such as db.customers (Glue has one namespace level and lower-case names)");
    }
    return name;
  }

  private static CatalogSpec catalog(YamlObject section) {
    YamlObject c = section.object("catalog").orElseThrow(() -> section.error("table",
        "'" + section.dotted("table") + "' needs a 'catalog', such as { type: hadoop, warehouse: warehouse/ }"));
    c.allowOnly("type", "warehouse", "uri", "endpoint", "catalogId");
    if (!c.has("type")) {
      throw c.error(null, "missing required key '" + c.dotted("type") + "' (one of: glue, hadoop, rest)");
    }
    CatalogSpec.Type type = c.enumValue("type", CatalogSpec.Type.class, CatalogSpec.Type::yamlName).orElseThrow();
    String warehouse = c.string("warehouse").map(String::trim).orElse(null);
    switch (type) {
      case HADOOP -> {
        onlyFor(c, type, "uri", "endpoint", "catalogId");
        if (warehouse == null || warehouse.isEmpty()) {
          throw c.error(null, "missing required key '" + c.dotted("warehouse")
              + "' (the hadoop catalog's warehouse directory, such as warehouse/)");
        }
        if (S3Paths.isS3Path(warehouse) || warehouse.startsWith("s3n://")) {
          throw c.error("warehouse", "a hadoop catalog cannot have its warehouse on S3 (" + warehouse + "): it commits "
              + "by renaming a file, which S3 cannot do atomically; use type: glue (or rest) for tables on S3");
        }
        return new CatalogSpec(type, warehouse, null, null, null);
      }
      case GLUE -> {
        onlyFor(c, type, "uri");
        if (warehouse == null || !S3Paths.isS3Path(warehouse)) {
          throw c.error(warehouse == null ? null : "warehouse", (warehouse == null ? "missing required key '"
              + c.dotted("warehouse") + "'" : "invalid value '" + warehouse + "' for '" + c.dotted("warehouse") + "'")
              + "; a glue catalog needs an S3 warehouse such as s3://bucket/warehouse (tables Shroud creates go "
              + "under it, and the execution role is scoped to it)");
        }
        String endpoint = url(c, "endpoint");
        String catalogId = c.string("catalogId").map(String::trim).orElse(null);
        if (catalogId != null && !ACCOUNT.matcher(catalogId).matches()) {
          throw c.error("catalogId", "invalid value '" + catalogId + "' for '" + c.dotted("catalogId")
              + "'; expected the 12-digit account id that owns the Glue Data Catalog");
        }
        return new CatalogSpec(type, warehouse, null, endpoint, catalogId);
      }
      case REST -> {
        onlyFor(c, type, "endpoint", "catalogId");
        String uri = url(c, "uri");
        if (uri == null) {
          throw c.error(null, "missing required key '" + c.dotted("uri") + "' (the REST catalog's base URL)");
        }
        return new CatalogSpec(type, warehouse, uri, null, null);
      }
      default -> throw new IllegalStateException("unknown catalog type " + type);
    }
  }

  private static void onlyFor(YamlObject c, CatalogSpec.Type type, String... keys) {
    for (String key : keys) {
      if (c.has(key)) {
        String owner = key.equals("uri") ? "rest" : "glue";
        throw c.error(key, "'" + c.dotted(key) + "' applies to a " + owner + " catalog, not " + type.yamlName());
      }
    }
  }

  /** An https URL, or plain http to a loopback test server only. */
  private static String url(YamlObject c, String key) {
    Optional<String> text = c.string(key).map(String::trim);
    if (text.isEmpty()) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(text.get());
    } catch (URISyntaxException e) {
      throw c.error(key, "invalid URL '" + text.get() + "' for '" + c.dotted(key) + "'");
    }
    boolean https = "https".equals(uri.getScheme());
    boolean localHttp = "http".equals(uri.getScheme()) && uri.getHost() != null && LOOPBACK.contains(uri.getHost());
    if (uri.getHost() == null || !(https || localHttp)) {
      throw c.error(key, "invalid URL '" + text.get() + "' for '" + c.dotted(key) + "'; expected https://HOST "
          + "(plain http is accepted only for a test server on 127.0.0.1 or localhost)");
    }
    return text.get();
  }

  private static Instant instant(YamlObject section, String text) {
    try {
      return OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw section.error("asOf", "invalid value '" + text + "' for '" + section.dotted("asOf")
          + "'; expected an ISO-8601 time with a zone, such as 2026-11-22T05:15:00Z");
    }
  }
}
