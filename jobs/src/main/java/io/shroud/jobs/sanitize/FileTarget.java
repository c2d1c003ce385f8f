package io.shroud.jobs.sanitize;

import io.shroud.connectors.audit.AuditManifest;
import io.shroud.connectors.storage.OutputPublisher;
import io.shroud.connectors.storage.StaleStaging;
import io.shroud.core.plan.MaskingPlan;
import io.shroud.core.policy.InputSpec;
import io.shroud.core.policy.OutputSpec;
import io.shroud.jobs.spark.InputReader;
import io.shroud.jobs.spark.OutputWriter;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A file output: Spark writes into a hidden staging directory beside the target (claimed by a lease while the
 * run is alive), renamed into place on publish.
 */
final class FileTarget implements OutputTarget {
  private final SparkSession spark;
  private final OutputSpec output;
  private final OutputPublisher publisher;

  FileTarget(SparkSession spark, Configuration hadoop, OutputSpec output, String runId) {
    this.spark = spark;
    this.output = output;
    this.publisher = new OutputPublisher(hadoop, output.path(), output.mode(), runId);
  }

  @Override
  public void checkTarget() {
    publisher.checkTarget();
  }

  @Override
  public StaleStaging.Result removeStaleStaging() {
    return publisher.removeStaleStaging();
  }

  @Override
  public void holdLease() {
    publisher.holdLease();
  }

  @Override
  public void checkPlan(MaskingPlan plan) {}

  @Override
  public void write(Dataset<Row> masked) {
    OutputWriter.write(masked, output, publisher.stagingLocation());
  }

  @Override
  public void writeCsvLines(Dataset<Row> lines) {
    OutputWriter.writeCsvLines(lines, output, publisher.stagingLocation());
  }

  @Override
  public InputReader.Input written(StructType schema) {
    return InputReader.read(spark, new InputSpec(publisher.stagingLocation(), output.format(), output.options()), schema);
  }

  @Override
  public void publish(ObjectTagStage tagging) {
    publish(publisher, tagging);
  }

  /**
   * Moves the output into place, tags every object in it, then lets the {@code _SUCCESS} marker in (and
   * tags it): a reader that waits for the marker finds tagged objects. A tagging failure removes the new
   * output and puts the previous one back.
   */
  static void publish(OutputPublisher publisher, ObjectTagStage tagging) {
    OutputPublisher.Publication publication = publisher.publish(tagging.outputOnS3());
    try {
      tagging.tagOutput();
      tagging.tagMarker(publication.placeMarker());
    } catch (RuntimeException e) {
      publication.rollback();
      tagging.outputWithdrawn();
      throw e;
    }
    publication.commit();
  }

  @Override
  public void abort() {
    publisher.abort();
  }

  @Override
  public Map<String, Object> toAudit() {
    return Map.of();
  }

  @Override
  public String writeManifest(ManifestInput m) {
    return AuditManifest.write(m.conf(), new SparkFileDigester(spark), m.sink(), m.auditDir(), m.runId(),
        output.path(), m.auditFileName(), m.auditJson(), m.keyChecks(), m.signing());
  }
}
