package io.shroud.jobs.iceberg;

import io.shroud.core.policy.CatalogSpec;
import io.shroud.core.policy.TableSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.spark.sql.SparkSession;

/**
 * Iceberg's own catalog API for what Spark's catalog does not do: resolving snapshots, creating a table with a
 * carried-over layout, publishing a staged snapshot, and cleaning up after a failure. Built from the same
 * properties as the Spark catalog, so both see one table.
 */
final class IcebergSession {
  private static final Map<String, Catalog> CATALOGS = new ConcurrentHashMap<>();

  private IcebergSession() {}

  static Catalog catalog(SparkSession spark, CatalogSpec spec) {
    IcebergCatalogs.Registration registration = IcebergCatalogs.registration(spark, spec);
    return CATALOGS.computeIfAbsent(registration.name(), name -> {
      Map<String, String> properties = new HashMap<>(registration.properties());
      properties.remove("");
      properties.remove("cache-enabled");
      return CatalogUtil.buildIcebergCatalog(name, properties, spark.sparkContext().hadoopConfiguration());
    });
  }

  static TableIdentifier identifier(TableSpec table) {
    return TableIdentifier.parse(table.identifier());
  }

  /** "the hadoop catalog at file:/..." / "the glue catalog (warehouse s3://...)", for messages. */
  static String describe(CatalogSpec catalog) {
    return "the " + catalog.type().yamlName() + " catalog"
        + catalog.warehouse().map(w -> " (warehouse " + w + ")").orElse("")
        + catalog.uri().map(u -> " at " + u).orElse("");
  }
}
