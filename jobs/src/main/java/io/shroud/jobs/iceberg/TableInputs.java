package io.shroud.jobs.iceberg;

import io.shroud.connectors.aws.AwsSettings;
import io.shroud.connectors.s3.S3aConfigurer;
import io.shroud.connectors.storage.InputLocation;
import io.shroud.core.policy.InputSpec;
import io.shroud.core.policy.Policy;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Opens a policy's input for the read-only commands (scan, preview, check-anonymity): a path is configured
 * (S3A) and checked; a table's catalog is registered and the table pinned to the snapshot to read.
 */
public final class TableInputs {
  private TableInputs() {}

  /** The input to read: the policy's, with a table's snapshot resolved. */
  public static InputSpec open(SparkSession spark, Policy policy) {
    if (policy.input().table().isEmpty()) {
      S3aConfigurer.apply(spark.sparkContext().hadoopConfiguration(), policy.extension(AwsSettings.class),
          List.of(policy.input().path()));
      InputLocation.requireReadable(spark.sparkContext().hadoopConfiguration(), policy.input().path());
      return policy.input();
    }
    IcebergCatalogs.configure(spark, policy);
    return IcebergTableSource.resolve(spark, policy.input()).pinned(policy.input());
  }
}
