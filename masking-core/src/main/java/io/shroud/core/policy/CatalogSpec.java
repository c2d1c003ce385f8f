package io.shroud.core.policy;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An Apache Iceberg catalog: where table names are resolved and commits are made.
 *
 * @param type the catalog implementation
 * @param warehouseOrNull the warehouse root (a local directory or {@code hdfs://} for {@code hadoop}, an S3 URI
 *     for {@code glue}; for {@code rest}, the warehouse name or location the server expects), or null
 * @param uriOrNull the REST catalog's base URL ({@code rest} only)
 * @param endpointOrNull a Glue endpoint override such as a VPC interface endpoint ({@code glue} only), or null
 * @param catalogIdOrNull the Glue Data Catalog id (the owning account) when it is not the caller's, or null
 */
public record CatalogSpec(Type type, String warehouseOrNull, String uriOrNull, String endpointOrNull,
    String catalogIdOrNull) implements Serializable {

  public CatalogSpec {
    Objects.requireNonNull(type, "type");
  }

  public Optional<String> warehouse() {
    return Optional.ofNullable(warehouseOrNull);
  }

  public Optional<String> uri() {
    return Optional.ofNullable(uriOrNull);
  }

  public Optional<String> endpoint() {
    return Optional.ofNullable(endpointOrNull);
  }

  public Optional<String> catalogId() {
    return Optional.ofNullable(catalogIdOrNull);
  }

  /** Whether the warehouse is on S3 (so every file written there must carry SSE-KMS). */
  public boolean warehouseOnS3() {
    return S3Paths.isS3Path(warehouseOrNull);
  }

  /** The catalog implementations Shroud configures. */
  public enum Type {
    /** AWS Glue Data Catalog (Iceberg's GlueCatalog), tables on S3. */
    GLUE,
    /** Iceberg's file-system catalog on a local or HDFS warehouse directory. */
    HADOOP,
    /** An Iceberg REST catalog server. */
    REST;

    public String yamlName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
