package io.shroud.connectors.iam;

import io.shroud.core.UsageException;
import io.shroud.core.policy.CatalogSpec;
import io.shroud.core.policy.TableSpec;
import io.shroud.core.policy.WriteMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a run on Iceberg tables in the Glue Data Catalog needs: Glue actions on the catalog, database and table
 * ARNs (IAM authorizes a Glue table action on all three), and S3 object actions under the table's place in the
 * warehouse (Iceberg's S3FileIO reads and writes objects by key: no listing, no renames).
 */
final class TableStatements {
  /** S3FileIO's writes: single and multipart uploads, re-reads, deletes of an aborted run's files. */
  static final List<String> TABLE_WRITE_ACTIONS = List.of("s3:PutObject", "s3:GetObject", "s3:DeleteObject",
      "s3:AbortMultipartUpload");
  static final List<String> GLUE_READ = List.of("glue:GetTable");
  /** Append: load, commit; never creates or drops. */
  static final List<String> GLUE_APPEND = List.of("glue:GetTable", "glue:UpdateTable");
  /** Create (and overwrite, which creates a missing table): check the database, create, commit, drop after a failure. */
  static final List<String> GLUE_CREATE = List.of("glue:GetDatabase", "glue:GetTable", "glue:CreateTable",
      "glue:UpdateTable", "glue:DeleteTable");

  private TableStatements() {}

  static void input(TableSpec table, String region, String account, Statements s, List<Map<String, Object>> statements) {
    if (table.catalog().type() != CatalogSpec.Type.GLUE) {
      return;
    }
    statements.add(s.plain("ReadInputTable", GLUE_READ, glueArns(table, region, account, "input.table")));
    // The input table's files: its location is the catalog's to say, so the grant is the warehouse prefix.
    String warehouse = table.catalog().warehouse().orElseThrow();
    statements.add(s.s3("ReadInputTableFiles", List.of("s3:GetObject"), List.of(IamArns.object(warehouse, "/*"))));
  }

  static void output(TableSpec table, WriteMode mode, String region, String account, Statements s,
      List<Map<String, Object>> statements) {
    if (table.catalog().type() != CatalogSpec.Type.GLUE) {
      return;
    }
    statements.add(s.plain("WriteOutputTable", mode == WriteMode.APPEND ? GLUE_APPEND : GLUE_CREATE,
        glueArns(table, region, account, "output.table")));
    String location = table.defaultLocation().orElseThrow();
    statements.add(s.s3("WriteOutputTableFiles", TABLE_WRITE_ACTIONS, List.of(IamArns.object(location, "/*"))));
  }

  /** The catalog, database and table ARNs of a Glue table. */
  static List<String> glueArns(TableSpec table, String region, String account, String where) {
    String owner = table.catalog().catalogId().orElse(account);
    if (owner == null || region == null) {
      throw new UsageException("Cannot write an IAM policy for " + where + " " + table.identifier() + ": Glue ARNs need "
          + "aws.region and the catalog's account (output.catalog.catalogId / input.catalog.catalogId, or --account)");
    }
    String prefix = "arn:aws:glue:" + region + ":" + owner + ":";
    String database = table.namespace().get(0);
    List<String> arns = new ArrayList<>();
    arns.add(prefix + "catalog");
    arns.add(prefix + "database/" + database);
    arns.add(prefix + "table/" + database + "/" + table.name());
    return arns;
  }
}
