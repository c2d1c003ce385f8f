package io.shroud.connectors.iam;

import static io.shroud.connectors.iam.IamPolicyTest.parse;
import static io.shroud.connectors.iam.IamPolicyTest.statement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shroud.core.UsageException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IcebergIamPolicyTest {
  static final String GLUE = "{ type: glue, warehouse: \"s3://lake/wh\", catalogId: \"444455556666\" }";
  static final String POLICY = """
      input: { table: raw.customers, catalog: %1$s }
      output: { table: clean.customers, catalog: %1$s, mode: %2$s }
      audit: { path: "s3a://audit-bucket/customers" }
      columns: { email: redact }
      aws:
        region: eu-west-1
        s3: { encryption: { kmsKeyId: "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" } }
        preflight: { publicAccessBlock: "off", kmsKey: "off", versioning: "off" }
      """;

  static Map<String, Object> generate(String mode, String account) {
    return IamPolicyGenerator.generate(parse(POLICY.formatted(GLUE, mode)),
        new IamPolicyGenerator.Options(account, "vpce-1a2b3c4d", List.of()));
  }

  @Test
  void glueAndS3ActionsScopedToTheTablesAndTheWarehouse() throws Exception {
    Map<String, Object> doc = generate("create", null);
    String arn = "arn:aws:glue:eu-west-1:444455556666:";
    assertThat(statement(doc, "ReadInputTable").get("Action")).isEqualTo(List.of("glue:GetTable"));
    assertThat(statement(doc, "ReadInputTable").get("Resource"))
        .isEqualTo(List.of(arn + "catalog", arn + "database/raw", arn + "table/raw/customers"));
    assertThat(statement(doc, "ReadInputTableFiles").get("Action")).isEqualTo(List.of("s3:GetObject"));
    assertThat(statement(doc, "ReadInputTableFiles").get("Resource")).isEqualTo(List.of("arn:aws:s3:::lake/wh/*"));
    assertThat(statement(doc, "WriteOutputTable").get("Action")).isEqualTo(List.of("glue:GetDatabase", "glue:GetTable",
        "glue:CreateTable", "glue:UpdateTable", "glue:DeleteTable"));
    assertThat(statement(doc, "WriteOutputTable").get("Resource"))
        .isEqualTo(List.of(arn + "catalog", arn + "database/clean", arn + "table/clean/customers"));
    assertThat(statement(doc, "WriteOutputTableFiles").get("Action"))
        .isEqualTo(List.of("s3:PutObject", "s3:GetObject", "s3:DeleteObject", "s3:AbortMultipartUpload"));
    assertThat(statement(doc, "WriteOutputTableFiles").get("Resource"))
        .isEqualTo(List.of("arn:aws:s3:::lake/wh/clean/customers/*"));
    assertThat(statement(doc, "WriteOutputTableFiles").get("Condition").toString())
        .contains("aws:SourceVpce=vpce-1a2b3c4d").contains("aws:SecureTransport=true");
    assertThat(statement(doc, "PreflightBuckets").get("Resource"))
        .isEqualTo(List.of("arn:aws:s3:::lake", "arn:aws:s3:::audit-bucket"));
    assertThat(statement(doc, "OutputKeyThroughS3").get("Action")).isEqualTo(List.of("kms:GenerateDataKey", "kms:Decrypt"));
    // No file-output statements: nothing is staged or renamed beside a table.
    assertThat(doc.toString()).doesNotContain("WriteOutput,").doesNotContain("shroud-staging").doesNotContain("ListOutput");
    // The run's audit objects are tagged; the table's files (Iceberg's) are not.
    assertThat(statement(doc, "TagWrittenObjects").get("Resource"))
        .isEqualTo(List.of("arn:aws:s3:::audit-bucket/customers/*"));

    String json = new ObjectMapper().writeValueAsString(doc);
    assertThat(IamPolicyLinter.lint(json, "glue.json", IamPolicyLinter.actionsOf(doc))).isEmpty();
    assertThat(IamPolicyLinter.lint(json, "glue.json", IamPolicyLinter.SHROUD_ACTIONS)).isEmpty();
  }

  @Test
  void bucketPoliciesCoverTheWarehouseAndNoReaderIsGrantedByATagTableFilesLack() {
    var policy = parse(POLICY.formatted(GLUE, "create"));
    var options = new BucketPolicyGenerator.Options("111122223333", List.of(), List.of(), List.of(), null, "masked",
        List.of());
    assertThat(BucketPolicyGenerator.generate(policy, BucketPolicyGenerator.Which.ALL, options).keySet())
        .containsExactly("lake", "audit-bucket");
    assertThat(BucketPolicyGenerator.generate(policy, BucketPolicyGenerator.Which.OUTPUT, options)).containsOnlyKeys("lake");
    var withReader = new BucketPolicyGenerator.Options("111122223333", List.of(), List.of(), List.of(),
        "arn:aws:iam::111122223333:role/training", "masked", List.of());
    assertThatThrownBy(() -> BucketPolicyGenerator.generate(policy, BucketPolicyGenerator.Which.OUTPUT, withReader))
        .isInstanceOf(UsageException.class).hasMessage("Invalid --reader-role for p.yaml: its output is table "
            + "clean.customers, an Iceberg table whose files carry no Classification tag to grant by");
    assertThatThrownBy(() -> ReaderPolicyGenerator.generate(policy,
        new ReaderPolicyGenerator.Options("111122223333", null, "masked")))
        .isInstanceOf(UsageException.class).hasMessage("Cannot write a reader policy for p.yaml: its output table "
            + "clean.customers is an Iceberg table, whose files carry no Classification tag to grant by");
  }

  @Test
  void appendNeitherCreatesNorDropsTables() {
    assertThat(statement(generate("append", null), "WriteOutputTable").get("Action"))
        .isEqualTo(List.of("glue:GetTable", "glue:UpdateTable"));
  }

  @Test
  void theCatalogsAccountIsNeededForGlueArns() {
    String noId = POLICY.formatted("{ type: glue, warehouse: \"s3://lake/wh\" }", "create");
    assertThatThrownBy(() -> IamPolicyGenerator.generate(parse(noId), new IamPolicyGenerator.Options(null, null, List.of())))
        .isInstanceOf(UsageException.class)
        .hasMessage("Cannot write an IAM policy for input.table raw.customers: Glue ARNs need aws.region and the "
            + "catalog's account (output.catalog.catalogId / input.catalog.catalogId, or --account)");
    Map<String, Object> withAccount = IamPolicyGenerator.generate(parse(noId),
        new IamPolicyGenerator.Options("111122223333", null, List.of()));
    assertThat(statement(withAccount, "ReadInputTable").get("Resource").toString())
        .contains("arn:aws:glue:eu-west-1:111122223333:table/raw/customers");
  }

  @Test
  void theLinterRefusesGlueActionsTheJobDoesNotNeed() throws Exception {
    String wide = """
        { "Version": "2012-10-17", "Statement": [ { "Sid": "Glue", "Effect": "Allow",
          "Action": ["glue:GetTable", "glue:DeleteDatabase", "glue:*"], "Resource": ["arn:aws:glue:eu-west-1:444455556666:*"],
          "Condition": { "Bool": { "aws:SecureTransport": "true" } } } ] }
        """;
    assertThat(IamPolicyLinter.lint(wide, "wide.json", IamPolicyLinter.actionsOf(generate("append", null))))
        .extracting(IamPolicyLinter.Finding::toString).containsExactly(
            "error: statement Glue: action 'glue:DeleteDatabase' is not needed by the job",
            "error: statement Glue: wildcard action 'glue:*'",
            "error: statement Glue: wildcard resource 'arn:aws:glue:eu-west-1:444455556666:*'");
  }
}
