package io.shroud.jobs.iceberg;

import io.shroud.connectors.aws.AwsSettings;
import io.shroud.connectors.aws.S3Settings;
import io.shroud.connectors.storage.StorageException;
import io.shroud.core.policy.CatalogSpec;
import io.shroud.core.policy.Digests;
import io.shroud.core.policy.InputSpec;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.TableSpec;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Registers the policy's Iceberg catalogs as Spark catalogs ({@code spark.sql.catalog.NAME.*}) and reads tables
 * through them. Only Spark settings and names: no Iceberg class is loaded here, so runs without tables work
 * on a cluster that has no Iceberg runtime.
 *
 * <p>Tables on S3 go through Iceberg's {@code S3FileIO}, configured on the catalog: every data, manifest and
 * metadata file the catalog writes, in any bucket, gets SSE-KMS with the policy's key ({@code s3.sse.type=kms},
 * {@code s3.sse.key}), and the policy's endpoint, path style and region. Credentials come from the SDK's
 * default chain, as everywhere else.
 */
public final class IcebergCatalogs {
  static final String SPARK_CATALOG = "org.apache.iceberg.spark.SparkCatalog";
  static final String GLUE_CATALOG = "org.apache.iceberg.aws.glue.GlueCatalog";
  static final String S3_FILE_IO = "org.apache.iceberg.aws.s3.S3FileIO";
  /** Catalog spec to the Spark catalog registered for it, per JVM (one Spark session at a time). */
  private static final Map<CatalogSpec, Registration> REGISTERED = new ConcurrentHashMap<>();

  /** A registered catalog: its Spark name and its properties (relative keys, "" is the Spark catalog class). */
  record Registration(String name, Map<String, String> properties) {}

  private IcebergCatalogs() {}

  /** Registers the catalogs of the policy's input and output tables, if any. */
  public static void configure(SparkSession spark, Policy policy) {
    policy.input().table().ifPresent(t -> register(spark, t.catalog(), policy.extension(AwsSettings.class)));
    policy.output().table().ifPresent(t -> register(spark, t.catalog(), policy.extension(AwsSettings.class)));
  }

  /**
   * Registers one catalog and returns its Spark name. The name is derived from the settings, so the same
   * settings reuse one catalog and changed settings (another key, endpoint) get a fresh one.
   */
  public static String register(SparkSession spark, CatalogSpec catalog, Optional<AwsSettings> aws) {
    Map<String, String> properties = properties(catalog, aws, spark.sparkContext().hadoopConfiguration());
    String name = "shroud_" + catalog.type().yamlName() + "_"
        + Digests.sha256Hex(properties.toString()).substring(0, 12);
    properties.forEach((key, value) -> spark.conf().set("spark.sql.catalog." + name + (key.isEmpty() ? "" : "." + key), value));
    REGISTERED.put(catalog, new Registration(name, Map.copyOf(properties)));
    return name;
  }

  /** The registration of a catalog (registering it without AWS settings when the run has not). */
  static Registration registration(SparkSession spark, CatalogSpec catalog) {
    Registration registration = REGISTERED.get(catalog);
    if (registration == null) {
      register(spark, catalog, Optional.empty());
      registration = REGISTERED.get(catalog);
    }
    return registration;
  }

  static String nameOf(SparkSession spark, CatalogSpec catalog) {
    return registration(spark, catalog).name();
  }

  /** {@code catalog.namespace.table} for Spark. */
  static String qualified(SparkSession spark, TableSpec table) {
    return nameOf(spark, table.catalog()) + "." + table.identifier();
  }

  /** Reads a table input at its pinned snapshot (or the current one), as Spark rows. */
  public static Dataset<Row> read(SparkSession spark, InputSpec spec) {
    TableSpec table = spec.table().orElseThrow();
    var reader = spark.read().format("iceberg").options(spec.options());
    if (table.snapshotId().isPresent()) {
      reader = reader.option("snapshot-id", String.valueOf(table.snapshotId().get()));
    } else if (table.asOf().isPresent()) {
      reader = reader.option("as-of-timestamp", String.valueOf(table.asOf().get().toEpochMilli()));
    }
    return reader.load(qualified(spark, table));
  }

  /** The catalog's properties, keyed relative to {@code spark.sql.catalog.NAME} ("" is the catalog class). */
  static Map<String, String> properties(CatalogSpec catalog, Optional<AwsSettings> aws, Configuration hadoop) {
    Map<String, String> p = new TreeMap<>();
    p.put("", SPARK_CATALOG);
    // Every read sees the latest commit: Shroud commits through the same catalog it reads with.
    p.put("cache-enabled", "false");
    switch (catalog.type()) {
      case HADOOP -> {
        p.put("type", "hadoop");
        p.put("warehouse", qualify(catalog.warehouse().orElseThrow(), hadoop));
      }
      case GLUE -> {
        p.put("catalog-impl", GLUE_CATALOG);
        p.put("warehouse", catalog.warehouse().orElseThrow());
        catalog.endpoint().ifPresent(e -> p.put("glue.endpoint", e));
        catalog.catalogId().ifPresent(id -> p.put("glue.id", id));
        s3FileIo(p, aws);
      }
      case REST -> {
        p.put("type", "rest");
        p.put("uri", catalog.uri().orElseThrow());
        catalog.warehouse().ifPresent(w -> p.put("warehouse", w));
        if (aws.isPresent() && aws.get().s3().kmsKeyId().isPresent()) {
          s3FileIo(p, aws);
        }
      }
      default -> throw new IllegalStateException("unknown catalog type " + catalog.type());
    }
    return p;
  }

  private static void s3FileIo(Map<String, String> p, Optional<AwsSettings> aws) {
    p.put("io-impl", S3_FILE_IO);
    if (aws.isEmpty()) {
      return;
    }
    AwsSettings settings = aws.get();
    settings.region().ifPresent(region -> p.put("client.region", region));
    settings.s3().endpoint().ifPresent(endpoint -> p.put("s3.endpoint", endpoint));
    if (settings.s3().pathStyleAccess()) {
      p.put("s3.path-style-access", "true");
    }
    settings.s3().kmsKeyId().ifPresent(key -> {
      p.put("s3.sse.type", settings.s3().encryption() == S3Settings.Encryption.DSSE_KMS ? "dsse-kms" : "kms");
      p.put("s3.sse.key", key);
    });
  }

  /** A local warehouse as an absolute URI: Iceberg records table locations as given, and a relative one would move. */
  static String qualify(String warehouse, Configuration hadoop) {
    Path path = new Path(warehouse);
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      String qualified = fs.makeQualified(path).toString();
      return qualified.endsWith("/") ? qualified.substring(0, qualified.length() - 1) : qualified;
    } catch (IOException e) {
      throw new StorageException("Cannot open the warehouse " + warehouse + ": "
          + e.getMessage(), e);
    }
  }
}
