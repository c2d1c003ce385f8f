package io.shroud.jobs.cli;

import static io.shroud.jobs.SparkTestSupport.repoRoot;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment scripts build exactly the command they would run; a test pins each one, and their
 * argument checks. No cloud is touched: the scripts only print without --run.
 */
class DeployScriptsTest {
  private static final String JAR = "s3://ml-artifacts/jars/shroud-job.jar";
  private static final String ROLE = "arn:aws:iam::123456789012:role/shroud-job";
  private static final String KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

  @TempDir Path tmp;

  record Result(int exitCode, String out, String err) {}

  static Result script(String name, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", repoRoot().resolve("scripts/" + name).toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("SPARK_HOME");
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(name + " did not finish");
    }
    return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void sparkSubmitBuildsTheCommandWithEncryptionAndEndpointSettings() throws Exception {
    Path jar = Files.createFile(tmp.resolve("shroud-job.jar"));
    Result r = script("spark-submit.sh", "--dry-run", "--jar", jar.toString(), "--region", "eu-west-1",
        "--kms-key-id", "alias/shroud-output", "--s3-endpoint", "https://bucket.vpce-0a1b2c3d-e4f5g6h7.s3.eu-west-1.vpce.amazonaws.com",
        "--num-executors", "4", "--conf", "spark.yarn.queue=ml", "--",
        "sanitize", "--config", "s3://ml-data/policies/training policy.yaml", "--quiet");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("spark-submit --master yarn --deploy-mode cluster --class io.shroud.jobs.cli.ShroudCli "
        + "--conf spark.executor.memory=4g --conf spark.executor.cores=2 --conf spark.sql.shuffle.partitions=200 "
        + "--conf spark.executor.instances=4 --conf spark.dynamicAllocation.enabled=false "
        + "--conf spark.hadoop.fs.s3a.endpoint.region=eu-west-1 "
        + "--conf spark.hadoop.fs.s3a.endpoint=https://bucket.vpce-0a1b2c3d-e4f5g6h7.s3.eu-west-1.vpce.amazonaws.com "
        + "--conf spark.hadoop.fs.s3a.encryption.algorithm=SSE-KMS --conf spark.hadoop.fs.s3a.encryption.key=alias/shroud-output "
        + "--conf spark.hadoop.fs.s3.enableServerSideEncryption=true "
        + "--conf spark.hadoop.fs.s3.serverSideEncryption.kms.keyId=alias/shroud-output --conf spark.yarn.queue=ml "
        + jar + " sanitize --config 's3://ml-data/policies/training policy.yaml' --quiet\n");
  }

  @Test
  void sparkSubmitRefusesPlainHttpEndpointsAndBadArguments() throws Exception {
    Result http = script("spark-submit.sh", "--jar", JAR, "--s3-endpoint", "http://s3.local", "--", "sanitize");
    assertThat(http.exitCode()).isEqualTo(2);
    assertThat(http.err()).startsWith("spark-submit.sh: invalid --s3-endpoint 'http://s3.local': expected https://HOST "
        + "(plain http is refused: data in transit must be encrypted)\n");
    Result noCommand = script("spark-submit.sh", "--jar", JAR);
    assertThat(noCommand.exitCode()).isEqualTo(2);
    assertThat(noCommand.err()).startsWith("spark-submit.sh: missing shroud arguments after '--'");
    Result badKey = script("spark-submit.sh", "--jar", JAR, "--kms-key-id", "my key", "--", "sanitize");
    assertThat(badKey.err()).startsWith("spark-submit.sh: invalid --kms-key-id 'my key': expected a key id, key ARN, "
        + "alias/NAME or alias ARN");
    Result missingJar = script("spark-submit.sh", "--jar", tmp.resolve("none.jar").toString(), "--", "sanitize");
    assertThat(missingJar.exitCode()).isEqualTo(2);
    assertThat(missingJar.err()).contains("cannot find the job jar");
    Result help = script("spark-submit.sh", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).startsWith("Usage: scripts/spark-submit.sh [options] -- SHROUD_COMMAND [ARGS...]");
  }

  @Test
  void emrStepIsASparkStepWithEmrfsAndS3aEncryption() throws Exception {
    Result r = script("emr-add-step.sh", "--cluster-id", "j-2AXXXXXXGAPLF", "--jar", JAR, "--kms-key-id", KEY_ARN,
        "--region", "us-east-1", "--", "sanitize", "--config", "s3://ml-data/policies/training.yaml");
    assertThat(r.exitCode()).as(r.err()).isZero();
    String prefix = "aws emr add-steps --cluster-id j-2AXXXXXXGAPLF --region us-east-1 --steps '";
    assertThat(r.out()).startsWith(prefix).endsWith("'\n");
    JsonNode steps = new ObjectMapper().readTree(r.out().substring(prefix.length(), r.out().length() - 2));
    JsonNode step = steps.get(0);
    assertThat(step.get("Type").asText()).isEqualTo("Spark");
    assertThat(step.get("Name").asText()).isEqualTo("shroud sanitize");
    assertThat(step.get("ActionOnFailure").asText()).isEqualTo("CONTINUE");
    List<String> args = new ArrayList<>();
    step.get("Args").forEach(a -> args.add(a.asText()));
    assertThat(args).containsExactly("--deploy-mode", "cluster", "--class", "io.shroud.jobs.cli.ShroudCli",
        "--conf", "spark.executor.memory=4g",
        "--conf", "spark.hadoop.fs.s3a.encryption.algorithm=SSE-KMS", "--conf", "spark.hadoop.fs.s3a.encryption.key=" + KEY_ARN,
        "--conf", "spark.hadoop.fs.s3.enableServerSideEncryption=true",
        "--conf", "spark.hadoop.fs.s3.serverSideEncryption.kms.keyId=" + KEY_ARN,
        JAR, "sanitize", "--config", "s3://ml-data/policies/training.yaml");
    Result bad = script("emr-add-step.sh", "--cluster-id", "cluster-1", "--jar", JAR, "--", "sanitize");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).startsWith("emr-add-step.sh: invalid --cluster-id 'cluster-1': expected j- followed by letters and digits");
    Result missing = script("emr-add-step.sh", "--jar", JAR, "--", "sanitize");
    assertThat(missing.err()).startsWith("emr-add-step.sh: missing required option --cluster-id");

    // A table run brings Iceberg's runtime with the step.
    Result iceberg = script("emr-add-step.sh", "--cluster-id", "j-2AXXXXXXGAPLF", "--jar", JAR, "--conf",
        "spark.jars.packages=org.apache.iceberg:iceberg-spark-runtime-4.0_2.13:1.10.0", "--", "sanitize");
    assertThat(iceberg.exitCode()).as(iceberg.err()).isZero();
    assertThat(iceberg.out()).contains("\"--conf\",\"spark.jars.packages=org.apache.iceberg:iceberg-spark-runtime-4.0_2.13:1.10.0\","
        + "\"" + JAR + "\",\"sanitize\"");
    Result badConf = script("emr-add-step.sh", "--cluster-id", "j-2AXXXXXXGAPLF", "--jar", JAR, "--conf", "novalue", "--", "sanitize");
    assertThat(badConf.exitCode()).isEqualTo(2);
    assertThat(badConf.err()).startsWith("emr-add-step.sh: invalid --conf 'novalue': expected KEY=VALUE");
  }

  @Test
  void emrServerlessTakesExtraSparkSettingsWithoutSpaces() throws Exception {
    Result r = script("emr-serverless-start-job.sh", "--application-id", "00fabc123def", "--execution-role-arn", ROLE,
        "--jar", JAR, "--conf", "spark.jars=/usr/share/aws/iceberg/lib/iceberg-spark3-runtime.jar", "--", "sanitize");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"sparkSubmitParameters\":\"--class io.shroud.jobs.cli.ShroudCli --conf spark.executor.memory=4g "
        + "--conf spark.jars=/usr/share/aws/iceberg/lib/iceberg-spark3-runtime.jar\"");
    Result spaced = script("emr-serverless-start-job.sh", "--application-id", "00fabc123def", "--execution-role-arn", ROLE,
        "--jar", JAR, "--conf", "spark.x=a b", "--", "sanitize");
    assertThat(spaced.exitCode()).isEqualTo(2);
    assertThat(spaced.err()).startsWith("emr-serverless-start-job.sh: invalid --conf 'spark.x=a b': expected KEY=VALUE without spaces");
  }

  @Test
  void emrServerlessJobRunCarriesTheJarArgumentsAndEncryptedLogs() throws Exception {
    Result r = script("emr-serverless-start-job.sh", "--application-id", "00fabc123def", "--execution-role-arn", ROLE,
        "--jar", JAR, "--kms-key-id", KEY_ARN, "--log-uri", "s3://ml-logs/shroud/", "--",
        "sanitize", "--config", "s3://ml-data/policies/training.yaml", "--quiet");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("aws emr-serverless start-job-run --application-id 00fabc123def --execution-role-arn "
        + ROLE + " --name 'shroud sanitize' --job-driver '{\"sparkSubmit\":{\"entryPoint\":\"" + JAR + "\","
        + "\"entryPointArguments\":[\"sanitize\",\"--config\",\"s3://ml-data/policies/training.yaml\",\"--quiet\"],"
        + "\"sparkSubmitParameters\":\"--class io.shroud.jobs.cli.ShroudCli --conf spark.executor.memory=4g "
        + "--conf spark.hadoop.fs.s3a.encryption.algorithm=SSE-KMS --conf spark.hadoop.fs.s3a.encryption.key=" + KEY_ARN
        + " --conf spark.hadoop.fs.s3.enableServerSideEncryption=true --conf spark.hadoop.fs.s3.serverSideEncryption.kms.keyId="
        + KEY_ARN + "\"}}' --configuration-overrides '{\"monitoringConfiguration\":{\"s3MonitoringConfiguration\":"
        + "{\"logUri\":\"s3://ml-logs/shroud/\",\"encryptionKeyArn\":\"" + KEY_ARN + "\"}}}'\n");
    Result badRole = script("emr-serverless-start-job.sh", "--application-id", "00fabc123def", "--execution-role-arn",
        "shroud-job", "--jar", JAR, "--", "sanitize");
    assertThat(badRole.err()).startsWith("emr-serverless-start-job.sh: invalid --execution-role-arn 'shroud-job': "
        + "expected arn:aws:iam::ACCOUNT:role/NAME");
  }

  @Test
  void nightlyScheduleStartsTheJobRunThroughTheSchedulerUniversalTarget() throws Exception {
    Result r = script("schedule-nightly.sh", "--schedule-name", "shroud-nightly", "--application-id", "00fabc123def",
        "--execution-role-arn", ROLE, "--scheduler-role-arn", "arn:aws:iam::123456789012:role/shroud-scheduler",
        "--jar", JAR, "--", "sanitize", "--config", "s3://ml-data/policies/training.yaml");
    assertThat(r.exitCode()).as(r.err()).isZero();
    String prefix = "aws scheduler create-schedule --name shroud-nightly --schedule-expression 'cron(0 2 * * ? *)' "
        + "--schedule-expression-timezone UTC --flexible-time-window '{\"Mode\":\"OFF\"}' --target '";
    assertThat(r.out()).startsWith(prefix);
    JsonNode target = new ObjectMapper().readTree(r.out().substring(prefix.length(), r.out().length() - 2));
    assertThat(target.get("Arn").asText()).isEqualTo("arn:aws:scheduler:::aws-sdk:emrserverless:startJobRun");
    assertThat(target.get("RoleArn").asText()).isEqualTo("arn:aws:iam::123456789012:role/shroud-scheduler");
    JsonNode request = new ObjectMapper().readTree(target.get("Input").asText());
    assertThat(request.get("ApplicationId").asText()).isEqualTo("00fabc123def");
    assertThat(request.get("ExecutionRoleArn").asText()).isEqualTo(ROLE);
    assertThat(request.get("ClientToken").asText()).isEqualTo("<aws.scheduler.execution-id>");
    assertThat(request.at("/JobDriver/SparkSubmit/EntryPoint").asText()).isEqualTo(JAR);
    assertThat(request.at("/JobDriver/SparkSubmit/EntryPointArguments").toString())
        .isEqualTo("[\"sanitize\",\"--config\",\"s3://ml-data/policies/training.yaml\"]");
    Result badCron = script("schedule-nightly.sh", "--schedule-name", "n", "--application-id", "00fabc123def",
        "--execution-role-arn", ROLE, "--scheduler-role-arn", ROLE, "--jar", JAR, "--cron", "0 2 * * *", "--", "sanitize");
    assertThat(badCron.exitCode()).isEqualTo(2);
    assertThat(badCron.err()).startsWith("schedule-nightly.sh: invalid --cron '0 2 * * *': expected cron(...) or rate(...)");
  }
}
