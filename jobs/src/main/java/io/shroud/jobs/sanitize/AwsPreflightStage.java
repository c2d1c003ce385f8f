package io.shroud.jobs.sanitize;

import io.shroud.connectors.aws.AwsServiceClients;
import io.shroud.connectors.aws.AwsSettings;
import io.shroud.connectors.aws.CheckResult;
import io.shroud.connectors.aws.Preflight;
import io.shroud.connectors.aws.PreflightReport;
import io.shroud.core.audit.AwsAudit;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.S3Paths;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the preflight checks on the output and audit buckets before the job reads a row, prints the
 * warnings, and returns the audit's {@code aws} section (null for runs without an {@code aws} section).
 */
final class AwsPreflightStage {
  private AwsPreflightStage() {}

  static AwsAudit run(Policy policy, String auditDir, PrintStream warnings) {
    if (policy.extension(AwsSettings.class).isEmpty()) {
      return null;
    }
    AwsSettings aws = policy.extension(AwsSettings.class).get();
    // A table's files go under its location in the warehouse; a file output's under its path.
    List<String> written = Stream.of(policy.output().storageLocation(), auditDir).filter(S3Paths::isS3Path).toList();
    PreflightReport report;
    try (AwsServiceClients clients = new AwsServiceClients(aws)) {
      report = new Preflight(aws, clients).run(written);
    }
    for (CheckResult warning : report.warnings()) {
      warnings.println("shroud: warning: " + warning.describe());
    }
    warnings.flush();
    return report.toAudit();
  }
}
