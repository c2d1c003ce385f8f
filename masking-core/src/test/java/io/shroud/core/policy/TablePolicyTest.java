package io.shroud.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TablePolicyTest {
  private static final String HADOOP = "catalog: { type: hadoop, warehouse: warehouse/ }";
  private static final String OUT = "output: { table: db.masked, " + HADOOP + " }\naudit: { path: out/audit }\n";

  private final PolicyParser parser = new PolicyParser();

  private Policy parse(String yaml) {
    return parser.parse(yaml, "p.yaml", PolicyOverrides.NONE);
  }

  private void assertInvalid(String yaml, String message) {
    assertThatThrownBy(() -> parse(yaml)).isInstanceOf(InvalidPolicyException.class).hasMessage(message);
  }

  @Test
  void readsATableInAndATableOut() {
    Policy policy = parse("input: { table: db.customers, " + HADOOP + ", snapshot: 5816021305187384327 }\n" + OUT);
    TableSpec in = policy.input().table().orElseThrow();
    assertThat(in).isEqualTo(new TableSpec("db.customers",
        new CatalogSpec(CatalogSpec.Type.HADOOP, "warehouse/", null, null, null), 5816021305187384327L, null));
    assertThat(in.namespace()).containsExactly("db");
    assertThat(in.name()).isEqualTo("customers");
    assertThat(policy.input().path()).isEqualTo("table db.customers");
    assertThat(policy.input().format()).isEqualTo(DataFormat.ICEBERG);
    assertThat(policy.output().table().orElseThrow().identifier()).isEqualTo("db.masked");
    assertThat(policy.output().mode()).isEqualTo(WriteMode.CREATE);
    assertThat(policy.output().storageLocation()).isEqualTo("warehouse/db/masked");
    assertThat(policy.audit().directoryFor(policy.output().path())).isEqualTo("out/audit");
  }

  @Test
  void objectTagsGoWithATableOutputButInputTaggingOnlyWithAPath() {
    Policy policy = parse("input: { path: in.csv }\noutput: { table: db.masked, " + HADOOP
        + ", tags: { owner: ml-platform } }\naudit: { path: out/audit }\n");
    assertThat(policy.output().tags()).containsExactly(Map.entry("owner", "ml-platform"));
    assertThat(policy.output().table()).isPresent();
    assertInvalid("input: { path: in.csv }\noutput: { table: db.masked, " + HADOOP
        + ", tags: { \"aws:x\": y } }\naudit: { path: out/audit }\n",
        "Invalid policy p.yaml, line 2: invalid tag key 'aws:x' in 'output.tags': the aws: prefix is reserved for AWS");
    assertInvalid("input: { table: db.t, " + HADOOP + ", tagSanitized: true }\n" + OUT,
        "Invalid policy p.yaml, line 1: 'input.tagSanitized' does not apply to a table: 'input.table' and "
            + "'input.tagSanitized' are mutually exclusive");
  }

  @Test
  void aTableReadIntoFilesDefaultsToParquet() {
    Policy policy = parse("input: { table: db.t, " + HADOOP + " }\noutput: { path: out/masked }\n");
    assertThat(policy.output().format()).isEqualTo(DataFormat.PARQUET);
    assertThat(policy.output().table()).isEmpty();
    assertThat(policy.output().mode()).isEqualTo(WriteMode.ERROR_IF_EXISTS);
  }

  @Test
  void timeTravelByInstant() {
    Policy policy = parse("input: { table: a.b.c, " + HADOOP + ", asOf: \"2026-11-22T06:15:00+01:00\" }\n" + OUT);
    assertThat(policy.input().table().orElseThrow().asOf()).contains(Instant.parse("2026-11-22T05:15:00Z"));
    assertThat(policy.input().table().orElseThrow().namespace()).containsExactly("a", "b");
    assertInvalid("input: { table: db.t, " + HADOOP + ", asOf: yesterday }\n" + OUT,
        "Invalid policy p.yaml, line 1: invalid value 'yesterday' for 'input.asOf'; expected an ISO-8601 time with a "
            + "zone, such as 2026-11-22T05:15:00Z");
    assertInvalid("input: { table: db.t, " + HADOOP + ", snapshot: 1, asOf: \"2026-11-22T05:15:00Z\" }\n" + OUT,
        "Invalid policy p.yaml, line 1: 'input.snapshot' and 'input.asOf' are mutually exclusive: give one snapshot id "
            + "or one point in time");
    assertInvalid("input: { table: db.t, " + HADOOP + ", snapshot: -4 }\n" + OUT,
        "Invalid policy p.yaml, line 1: 'input.snapshot' must be a snapshot id (a positive number), got -4");
  }

  @Test
  void tableModes() {
    String in = "input: { path: a.csv }\n";
    for (String mode : new String[] {"create", "overwrite", "append"}) {
      Policy policy = parse(in + "output: { table: db.m, mode: " + mode + ", " + HADOOP + " }\naudit: { path: x }\n");
      assertThat(policy.output().mode().yamlName()).isEqualTo(mode);
    }
    Policy overwritten = parser.parse(in + OUT, "p.yaml", new PolicyOverrides(Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), true));
    assertThat(overwritten.output().mode()).isEqualTo(WriteMode.OVERWRITE);
    assertInvalid(in + "output: { table: db.m, mode: error-if-exists, " + HADOOP + " }\naudit: { path: x }\n",
        "Invalid policy p.yaml, line 2: invalid value 'error-if-exists' for 'output.mode'; expected one of: create, "
            + "overwrite, append");
    // File outputs keep exactly their two modes.
    assertInvalid(in + "output: { path: out, mode: append }\n",
        "Invalid policy p.yaml, line 2: invalid value 'append' for 'output.mode'; expected one of: error-if-exists, overwrite");
  }

  @Test
  void tablesAndPathsAreMutuallyExclusive() {
    assertInvalid("input: { table: db.t, path: a.csv, " + HADOOP + " }\n" + OUT,
        "Invalid policy p.yaml, line 1: 'input.path' does not apply to a table: 'input.table' and 'input.path' are "
            + "mutually exclusive");
    assertInvalid("input: { path: a.csv }\noutput: { table: db.t, format: parquet, " + HADOOP + " }\naudit: { path: x }\n",
        "Invalid policy p.yaml, line 2: 'output.format' does not apply to a table: 'output.table' and 'output.format' "
            + "are mutually exclusive");
    assertInvalid("input: { path: a.csv, snapshot: 3 }\noutput: { path: b }\n",
        "Invalid policy p.yaml, line 1: 'input.snapshot' applies to a table input; set 'input.table' too");
    assertInvalid("input: { path: a.csv, format: iceberg }\noutput: { path: b }\n",
        "Invalid policy p.yaml, line 1: 'input.format' cannot be iceberg: name an Iceberg table with 'input.table' "
            + "and a 'catalog' instead of a path and format (see conf/README.md)");
    assertThatThrownBy(() -> parser.parse("input: { table: db.t, " + HADOOP + " }\n" + OUT, "p.yaml",
        new PolicyOverrides(Optional.of("x.csv"), Optional.empty(), Optional.empty(), Optional.empty(), false)))
        .hasMessage("Invalid policy p.yaml, line 1: the policy reads table db.t; --input and --input-format apply to "
            + "a path input (remove 'input.table' to read a path)");
  }

  @Test
  void catalogsAreValidatedPerType() {
    String in = "input: { path: a.csv }\n";
    String audit = "\naudit: { path: x }\n";
    assertInvalid(in + "output: { table: db.t }" + audit,
        "Invalid policy p.yaml, line 2: 'output.table' needs a 'catalog', such as { type: hadoop, warehouse: warehouse/ }");
    assertInvalid(in + "output: { table: db.t, catalog: { type: hive } }" + audit,
        "Invalid policy p.yaml, line 2: invalid value 'hive' for 'output.catalog.type'; expected one of: glue, hadoop, rest");
    assertInvalid(in + "output: { table: db.t, catalog: { type: hadoop, warehouse: \"s3a://b/w\" } }" + audit,
        "Invalid policy p.yaml, line 2: a hadoop catalog cannot have its warehouse on S3 (s3a://b/w): it commits by "
            + "renaming a file, which S3 cannot do atomically; use type: glue (or rest) for tables on S3");
    assertInvalid(in + "output: { table: db.t, catalog: { type: glue, warehouse: local/warehouse } }" + audit,
        "Invalid policy p.yaml, line 2: invalid value 'local/warehouse' for 'output.catalog.warehouse'; a glue catalog needs an "
            + "S3 warehouse such as s3://bucket/warehouse (tables Shroud creates go under it, and the execution role is "
            + "scoped to it)");
    assertInvalid(in + "output: { table: Db.T, catalog: { type: glue, warehouse: \"s3://b/w\" } }" + audit,
        "Invalid policy p.yaml, line 2: invalid table name 'Db.T' for a glue catalog; expected database.table in lower "
            + "case, such as db.customers (Glue has one namespace level and lower-case names)");
    assertInvalid(in + "output: { table: customers, " + HADOOP + " }" + audit,
        "Invalid policy p.yaml, line 2: invalid table name 'customers' for 'output.table'; expected namespace.table "
            + "such as db.customers (letters, digits and '_')");
    assertInvalid(in + "output: { table: db.t, catalog: { type: rest } }" + audit,
        "Invalid policy p.yaml, line 2: missing required key 'output.catalog.uri' (the REST catalog's base URL)");
    assertInvalid(in + "output: { table: db.t, catalog: { type: rest, uri: \"http://catalog.example.com\" } }" + audit,
        "Invalid policy p.yaml, line 2: invalid URL 'http://catalog.example.com' for 'output.catalog.uri'; expected "
            + "https://HOST (plain http is accepted only for a test server on 127.0.0.1 or localhost)");
    assertInvalid(in + "output: { table: db.t, catalog: { type: hadoop, warehouse: w, endpoint: \"https://glue\" } }" + audit,
        "Invalid policy p.yaml, line 2: 'output.catalog.endpoint' applies to a glue catalog, not hadoop");
    assertInvalid(in + "output: { table: db.t, catalog: { type: glue, warehouse: \"s3://b/w\", catalogId: acme } }" + audit,
        "Invalid policy p.yaml, line 2: invalid value 'acme' for 'output.catalog.catalogId'; expected the 12-digit "
            + "account id that owns the Glue Data Catalog");
    Policy rest = parse(in + "output: { table: db.t, catalog: { type: rest, uri: \"https://catalog.example.com/api\", "
        + "warehouse: analytics } }" + audit);
    assertThat(rest.output().table().orElseThrow().catalog())
        .isEqualTo(new CatalogSpec(CatalogSpec.Type.REST, "analytics", "https://catalog.example.com/api", null, null));
    assertThat(rest.output().storageLocation()).isNull();
  }

  @Test
  void aTableOutputNeedsAnAuditPath() {
    assertInvalid("input: { path: a.csv }\noutput: { table: db.t, " + HADOOP + " }\n",
        "Invalid policy p.yaml, line 2: a table output needs 'audit.path': the directory (local, hdfs:// or s3a://) "
            + "where the run's audit record, report and manifest go");
  }
}
