package io.shroud.core.policy;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An Apache Iceberg table in a catalog, and for an input, which snapshot to read.
 *
 * @param identifier {@code namespace.table} (more namespace levels for hadoop and rest catalogs)
 * @param catalog where the name is resolved
 * @param snapshotIdOrNull read exactly this snapshot (input only), or null
 * @param asOfOrNull read the snapshot current at this instant (input only), or null
 */
public record TableSpec(String identifier, CatalogSpec catalog, Long snapshotIdOrNull, Instant asOfOrNull)
    implements Serializable {

  public TableSpec {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(catalog, "catalog");
    if (snapshotIdOrNull != null && asOfOrNull != null) {
      throw new IllegalArgumentException("a snapshot id and an as-of time are mutually exclusive");
    }
  }

  public TableSpec(String identifier, CatalogSpec catalog) {
    this(identifier, catalog, null, null);
  }

  /** The same table pinned to one snapshot (a run resolves "current" or an as-of time to an id at its start). */
  public TableSpec withSnapshot(long snapshotId) {
    return new TableSpec(identifier, catalog, snapshotId, null);
  }

  public Optional<Long> snapshotId() {
    return Optional.ofNullable(snapshotIdOrNull);
  }

  public Optional<Instant> asOf() {
    return Optional.ofNullable(asOfOrNull);
  }

  /** The namespace levels ({@code db} in {@code db.customers}). */
  public List<String> namespace() {
    String[] parts = identifier.split("\\.");
    return List.copyOf(Arrays.asList(parts).subList(0, parts.length - 1));
  }

  /** The table's own name ({@code customers} in {@code db.customers}). */
  public String name() {
    return identifier.substring(identifier.lastIndexOf('.') + 1);
  }

  /** How messages and the audit's {@code path} name the table. */
  public String label() {
    return "table " + identifier;
  }

  /**
   * Where Shroud puts a table it creates: {@code <warehouse>/<namespace>/<table>} (Iceberg's Hadoop catalog
   * layout, used for Glue too so the execution role can be scoped to it). Empty without a warehouse path.
   */
  public Optional<String> defaultLocation() {
    return catalog.warehouse().filter(w -> catalog.type() != CatalogSpec.Type.REST)
        .map(w -> stripTrailingSlash(w) + "/" + String.join("/", namespace()) + "/" + name());
  }

  private static String stripTrailingSlash(String path) {
    String result = path;
    while (result.endsWith("/") && result.length() > 1) {
      result = result.substring(0, result.length() - 1);
    }
    return result;
  }
}
