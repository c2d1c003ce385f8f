package io.shroud.jobs.iceberg;

import static io.shroud.jobs.SparkTestSupport.run;
import static io.shroud.jobs.SparkTestSupport.spark;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shroud.core.audit.AuditJson;
import io.shroud.core.audit.AuditRecord;
import io.shroud.core.audit.ObjectTagsAudit;
import io.shroud.core.policy.CatalogSpec;
import io.shroud.core.policy.TableSpec;
import io.shroud.jobs.SparkTestSupport.CliResult;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.collection.Seq;

/**
 * Iceberg in and out on a local warehouse through Iceberg's hadoop catalog and the real Spark runtime: create,
 * append, time travel, layout carried over or refused, and a failed run that leaves no snapshot.
 */
class IcebergLocalTest {
  static final String CSV = """
      id,name,email,country,note
      1,Ada Lovelace,ada@example.com,GB,Call me at ada@example.com please
      2,Alan Turing,alan@example.org,GB,nothing to see
      3,Grace Hopper,grace@example.net,US,grace@example.net wrote in
      """;
  static final String MORE = """
      id,name,email,country,note
      4,Edsger Dijkstra,edsger@example.nl,NL,goto considered harmful
      """;

  @TempDir Path tmp;
  Path warehouse;

  @BeforeEach
  void files() throws IOException {
    warehouse = tmp.resolve("warehouse");
    Files.writeString(tmp.resolve("people.csv"), CSV);
    Files.writeString(tmp.resolve("more.csv"), MORE);
    Files.writeString(tmp.resolve("k.key"), Base64.getEncoder().encodeToString(new byte[32]));
    Files.setPosixFilePermissions(tmp.resolve("k.key"), PosixFilePermissions.fromString("rw-------"));
  }

  Path policy(String name, String inputExtra, String mode, String columnsExtra) throws IOException {
    Path file = tmp.resolve(name + ".yaml");
    Files.writeString(file, """
        version: 1
        input: { table: db.people, catalog: { type: hadoop, warehouse: "%1$s" }%2$s }
        output: { table: db.people_masked, catalog: { type: hadoop, warehouse: "%1$s" }, mode: %3$s }
        audit: { path: "%4$s" }
        columns:
          id: { action: keep, reason: "row id" }
          name: { action: redact, replacement: "<PERSON>" }
          email: { action: hash, key: k, length: 16 }
          country: { action: keep, reason: "partition column" }
          note: detect
        %5$s
        detection: { ner: { enabled: false } }
        keys:
          k: { file: "%6$s" }
        """.formatted(warehouse, inputExtra, mode, tmp.resolve("audit"), columnsExtra, tmp.resolve("k.key")));
    return file;
  }

  HadoopCatalog catalog() {
    HadoopCatalog catalog = new HadoopCatalog();
    catalog.setConf(spark().sparkContext().hadoopConfiguration());
    catalog.initialize("check", Map.of("warehouse", warehouse.toUri().toString()));
    return catalog;
  }

  Table table(String name) {
    return catalog().loadTable(TableIdentifier.of("db", name));
  }

  static long snapshotIn(String out) {
    Matcher m = Pattern.compile("snapshot (\\d+)").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return Long.parseLong(m.group(1));
  }

  AuditRecord audit(String out) throws IOException {
    Matcher m = Pattern.compile("Audit: (\\S+)").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return AuditJson.fromJson(Files.readString(Path.of(URI.create(m.group(1)))));
  }

  Map<String, Row> rows(String table, Long snapshot) {
    var reader = spark().read().format("iceberg");
    if (snapshot != null) {
      reader = reader.option("snapshot-id", snapshot);
    }
    return reader.load(qualified(table)).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("id").toString(), r -> r));
  }

  /** The table through the catalog the runs registered (the same settings give the same Spark catalog). */
  String qualified(String table) {
    return IcebergCatalogs.qualified(spark(), new TableSpec("db." + table,
        new CatalogSpec(CatalogSpec.Type.HADOOP, warehouse.toString(), null,
            null, null)));
  }

  long load(Path policy, String file, String... extra) {
    String[] args = Stream.concat(Stream.of("table", "load", "--config", policy.toString(), "--from",
        tmp.resolve(file).toString()), Stream.of(extra)).toArray(String[]::new);
    CliResult loaded = run(args);
    assertThat(loaded.exitCode()).as(loaded.err()).isEqualTo(0);
    return snapshotIn(loaded.out());
  }

  @Test
  void createsAMaskedTableWithTheInputsLayoutAndRecordsBothSnapshots() throws IOException {
    Path policy = policy("create", "", "create", "");
    long loaded = load(policy, "people.csv", "--partition-by", "country");

    CliResult result = run("sanitize", "--config", policy.toString(), "-q");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    assertThat(result.out()).contains("Sanitized 3 rows from table db.people to table db.people_masked");

    Table masked = table("people_masked");
    assertThat(masked.spec().fields()).singleElement().satisfies(f -> {
      assertThat(f.transform().toString()).isEqualTo("identity");
      assertThat(masked.schema().findColumnName(f.sourceId())).isEqualTo("country");
    });
    assertThat(masked.properties()).containsEntry("shroud.source", "table db.people snapshot " + loaded)
        .containsKey("shroud.run-id").containsKey("shroud.policy-sha256").containsEntry("write.wap.enabled", "true");
    Snapshot published = masked.currentSnapshot();
    assertThat(masked.snapshots()).hasSize(1);
    assertThat(published.summary()).containsEntry("shroud.run-id", masked.properties().get("shroud.run-id"));

    Map<String, Row> rows = rows("people_masked", null);
    assertThat(rows).hasSize(3);
    assertThat(rows.get("1").<String>getAs("name")).isEqualTo("<PERSON>");
    assertThat(rows.get("1").<String>getAs("email")).hasSize(16).isNotEqualTo("ada@example.com");
    assertThat(rows.get("1").<String>getAs("note")).isEqualTo("Call me at <EMAIL> please");
    assertThat(rows.get("3").<String>getAs("country")).isEqualTo("US");

    AuditRecord record = audit(result.out());
    assertThat(record.input()).containsEntry("table", "db.people").containsEntry("snapshotId", String.valueOf(loaded))
        .containsEntry("snapshotRequested", "current").containsEntry("format", "iceberg");
    assertThat(record.output()).containsEntry("table", "db.people_masked").containsEntry("mode", "create")
        .containsEntry("snapshotId", String.valueOf(published.snapshotId())).containsEntry("created", "true")
        .containsEntry("partitionSpec", "identity(country)");
    assertThat(masked.properties().get("shroud.run-id")).isEqualTo(record.runId());
    assertThat(Files.readString(tmp.resolve("audit").resolve("report-" + record.runId() + ".html")))
        .contains("Input <code>table db.people</code> snapshot <code>" + loaded + "</code>, output <code>table "
            + "db.people_masked</code> snapshot <code>" + published.snapshotId() + "</code>");
    assertThat(record.residual().findings()).isEmpty();

    // The run's manifest lists the data files of its snapshot, and verifies.
    Matcher manifest = Pattern.compile("Manifest: (\\S+)").matcher(result.out());
    assertThat(manifest.find()).isTrue();
    String manifestJson = Files.readString(Path.of(URI.create(manifest.group(1))));
    assertThat(manifestJson).contains("\"snapshotId\" : " + published.snapshotId()).contains("data/country=GB/");
    // Unsigned (no signing key in this policy), but every data file of the snapshot is there, unchanged.
    CliResult verified = run("verify-audit", manifest.group(1));
    assertThat(verified.err()).contains("the manifest is not signed").doesNotContain("output file");
    Path dataFile = dataFiles("people_masked").get(0);
    Files.write(dataFile, new byte[] {1, 2, 3});
    Files.deleteIfExists(dataFile.resolveSibling("." + dataFile.getFileName() + ".crc"));
    CliResult tampered = run("verify-audit", manifest.group(1));
    assertThat(tampered.err()).contains("output file data/country=").contains(" has size 3 and SHA-256 ");
    Files.delete(dataFile);
    tampered = run("verify-audit", manifest.group(1));
    assertThat(tampered.err()).contains(" is missing");

    // Again: the table exists, and create refuses it without touching it.
    CliResult again = run("sanitize", "--config", policy.toString(), "-q");
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).startsWith("shroud: Cannot create table db.people_masked: it already exists in the hadoop "
        + "catalog (warehouse " + warehouse + "); set output.mode: overwrite or append (or pass --overwrite)");
    assertThat(table("people_masked").snapshots()).hasSize(1);
  }

  @Test
  void aTableManifestCarriesKeyCheckValuesAndTheTablesFilesAreNotTagged() throws IOException {
    Path policy = policy("reversible", "", "create", "");
    Files.writeString(policy, Files.readString(policy)
        .replace("email: { action: hash, key: k, length: 16 }", "email: { action: encrypt, key: k }"));
    load(policy, "people.csv");
    CliResult result = run("sanitize", "--config", policy.toString(), "-q");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);

    AuditRecord record = audit(result.out());
    String checkValue = record.columns().stream().filter(c -> c.name().equals("email")).findFirst().orElseThrow()
        .keys().get(0).checkValue();
    assertThat(checkValue).isNotBlank();
    Matcher manifest = Pattern.compile("Manifest: (\\S+)").matcher(result.out());
    assertThat(manifest.find()).isTrue();
    Map<String, Object> manifestJson = new ObjectMapper().readValue(
        Files.readString(Path.of(URI.create(manifest.group(1)))), Map.class);
    assertThat(manifestJson.get("keyChecks")).isEqualTo(List.of(Map.of("column", "email", "action", "encrypt",
        "key", "k", "keyVersion", 1, "checkValue", checkValue)));
    assertThat(record.objectTags().output()).isEqualTo(ObjectTagsAudit.Placement.notApplicable(
        "an Iceberg table: its files are written by Iceberg and not tagged"));
  }

  @Test
  void appendsANewSnapshotAndTravelsInTime() throws IOException {
    Path create = policy("first", "", "create", "");
    long first = load(create, "people.csv");
    assertThat(run("sanitize", "--config", create.toString(), "-q").exitCode()).isEqualTo(0);
    long second = load(create, "more.csv", "--append");

    // Time travel: the first snapshot again (3 rows), then by time the second (1 more row appended).
    Path pinned = policy("pinned", ", snapshot: " + first, "append", "");
    CliResult old = run("sanitize", "--config", pinned.toString(), "-q");
    assertThat(old.exitCode()).as(old.err()).isEqualTo(0);
    assertThat(audit(old.out()).input()).containsEntry("snapshotId", String.valueOf(first))
        .containsEntry("snapshotRequested", "snapshot " + first);
    assertThat(old.out()).contains("Sanitized 3 rows");
    String now = Instant.now().toString();
    Path asOf = policy("asof", ", asOf: \"" + now + "\"", "append", "");
    CliResult latest = run("sanitize", "--config", asOf.toString(), "-q");
    assertThat(latest.exitCode()).as(latest.err()).isEqualTo(0);
    AuditRecord record = audit(latest.out());
    assertThat(record.input()).containsEntry("snapshotId", String.valueOf(second))
        .containsEntry("snapshotRequested", "as of " + now);
    assertThat(latest.out()).contains("Sanitized 4 rows");

    Table masked = table("people_masked");
    assertThat(masked.snapshots()).hasSize(3);
    assertThat(masked.currentSnapshot().operation()).isEqualTo("append");
    assertThat(record.output()).containsEntry("mode", "append").containsEntry("created", "false")
        .containsEntry("snapshotId", String.valueOf(masked.currentSnapshot().snapshotId()));
    assertThat(spark().read().format("iceberg").load(qualified("people_masked")).count()).isEqualTo(10);
    assertThat(record.rowsWritten()).isEqualTo(4);
    assertThat(record.residual().columnsRescanned()).isNotEmpty();

    // Overwrite replaces the rows in one new snapshot.
    CliResult overwritten = run("sanitize", "--config", create.toString(), "--overwrite", "-q");
    assertThat(overwritten.exitCode()).as(overwritten.err()).isEqualTo(0);
    assertThat(rows("people_masked", null)).hasSize(4);
    assertThat(table("people_masked").snapshots()).hasSize(4);

    Path missing = policy("missing", ", snapshot: 42", "append", "");
    CliResult noSuch = run("sanitize", "--config", missing.toString(), "-q");
    assertThat(noSuch.exitCode()).isEqualTo(2);
    assertThat(noSuch.err()).startsWith("shroud: Cannot read input table db.people at snapshot 42: the table has no "
        + "such snapshot (it may have been expired); current snapshot: " + second);
  }

  @Test
  void aFailedRunLeavesNoSnapshot() throws IOException {
    Path create = policy("ok", "", "create", "");
    load(create, "people.csv");
    assertThat(run("sanitize", "--config", create.toString(), "-q").exitCode()).isEqualTo(0);
    Table before = table("people_masked");
    List<Long> snapshots = ids(before);
    List<Path> files = dataFiles("people_masked");

    // The residual rescan finds an e-mail address the "mask" put back: the run fails before publishing.
    String leaky = """
        audit: { path: "%s", failOnResidual: true }
        """.formatted(tmp.resolve("audit"));
    Path failing = Files.writeString(tmp.resolve("failing.yaml"), Files.readString(policy("f", "", "append", ""))
        .replace("name: { action: redact, replacement: \"<PERSON>\" }", "name: { action: redact, replacement: \"x@example.com\" }")
        .replaceAll("audit: \\{[^}]*}\n", leaky));
    CliResult failed = run("sanitize", "--config", failing.toString(), "-q");
    assertThat(failed.exitCode()).as(failed.out()).isEqualTo(1);
    assertThat(failed.err()).startsWith("shroud: Cannot publish table db.people_masked: the rescan of the masked output "
        + "found personal data (name: {EMAIL=3}); nothing was published");
    Table after = table("people_masked");
    assertThat(ids(after)).isEqualTo(snapshots);
    assertThat(after.currentSnapshot().snapshotId()).isEqualTo(before.currentSnapshot().snapshotId());
    assertThat(dataFiles("people_masked")).isEqualTo(files);
    assertThat(rows("people_masked", null).get("1").<String>getAs("name")).isEqualTo("<PERSON>");

    // A failed create leaves no table at all.
    Path failingCreate = Files.writeString(tmp.resolve("failing-create.yaml"), Files.readString(failing)
        .replace("db.people_masked", "db.people_other").replace("mode: append", "mode: create"));
    CliResult failedCreate = run("sanitize", "--config", failingCreate.toString(), "-q");
    assertThat(failedCreate.exitCode()).isEqualTo(1);
    assertThat(catalog().tableExists(TableIdentifier.of("db", "people_other"))).isFalse();
    AuditRecord record = AuditJson.fromJson(Files.readString(Files.list(tmp.resolve("audit"))
        .filter(p -> p.getFileName().toString().startsWith("audit-")).max(Comparator.naturalOrder()).orElseThrow()));
    assertThat(record.status()).isEqualTo("failed");
  }

  @Test
  void aMaskedPartitionColumnIsRefusedBeforeAnythingIsWritten() throws IOException {
    Path policy = Files.writeString(tmp.resolve("p.yaml"), Files.readString(policy("base", "", "create", ""))
        .replace("country: { action: keep, reason: \"partition column\" }", "country: { action: hash, key: k }"));
    load(policy, "people.csv", "--partition-by", "country");
    CliResult refused = run("sanitize", "--config", policy.toString(), "-q");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).startsWith("shroud: Cannot carry the partition field country (identity) of input table "
        + "db.people over: its source column 'country' is masked by hash, and a partition or sort column must pass "
        + "through unchanged; give 'country' { action: keep, reason: ... }");
    assertThat(catalog().tableExists(TableIdentifier.of("db", "people_masked"))).isFalse();
  }

  @Test
  void nestedTypesSurvive() throws IOException {
    Path json = Files.writeString(tmp.resolve("chats.jsonl"), """
        {"id": 1, "customer": {"email": "ada@example.com", "tier": "gold"}, "messages": [{"role": "user", "content": "mail me at ada@example.com"}, {"role": "assistant", "content": "sure"}]}
        {"id": 2, "customer": {"email": "alan@example.org", "tier": "silver"}, "messages": [{"role": "user", "content": "hello"}]}
        """);
    Path policy = Files.writeString(tmp.resolve("nested.yaml"), """
        input: { table: db.chats, catalog: { type: hadoop, warehouse: "%1$s" } }
        output: { table: db.chats_masked, catalog: { type: hadoop, warehouse: "%1$s" } }
        audit: { path: "%2$s" }
        columns:
          id: { action: keep, reason: "row id" }
        detection: { ner: { enabled: false } }
        """.formatted(warehouse, tmp.resolve("audit")));
    CliResult loaded = run("table", "load", "--config", policy.toString(), "--from", json.toString());
    assertThat(loaded.exitCode()).as(loaded.err()).isEqualTo(0);
    CliResult result = run("sanitize", "--config", policy.toString(), "-q");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    Table in = table("chats");
    Table out = table("chats_masked");
    assertThat(out.schema().asStruct().fields().stream().map(f -> f.name() + ":" + f.type()).toList())
        .isEqualTo(in.schema().asStruct().fields().stream().map(f -> f.name() + ":" + f.type()).toList());
    Row first = rows("chats_masked", null).get("1");
    assertThat(first.<Row>getAs("customer").<String>getAs("email")).isEqualTo("<EMAIL>");
    assertThat(first.<Row>getAs("customer").<String>getAs("tier")).isEqualTo("gold");
    assertThat(first.<Seq<Row>>getAs("messages").apply(0).<String>getAs("content"))
        .isEqualTo("mail me at <EMAIL>");
  }

  @Test
  void previewScanAndCheckAnonymityReadTheTable() throws IOException {
    Path policy = Files.writeString(tmp.resolve("read.yaml"), """
        input: { table: db.people, catalog: { type: hadoop, warehouse: "%s" } }
        output: { path: "%s" }
        columns: { name: { action: redact, replacement: "<PERSON>" } }
        anonymity: { k: 2, quasiIdentifiers: { country: { generalize: { prefix: true } } } }
        detection: { ner: { enabled: false } }
        """.formatted(warehouse, tmp.resolve("out")));
    long loaded = load(policy, "people.csv");
    CliResult preview = run("preview", "--config", policy.toString(), "--rows", "3");
    assertThat(preview.exitCode()).as(preview.err()).isEqualTo(0);
    assertThat(preview.out()).contains("<PERSON>").doesNotContain("Lovelace").doesNotContain("ada@example.com");
    CliResult scan = run("scan", "--config", policy.toString(), "--report", tmp.resolve("scan").toString());
    assertThat(scan.exitCode()).as(scan.err()).isEqualTo(0);
    assertThat(scan.out()).startsWith("Scanned 3 rows of table db.people: ");
    CliResult check = run("check-anonymity", "--config", policy.toString());
    assertThat(check.out()).startsWith("Anonymity of table db.people over country");
    assertThat(check.exitCode()).isEqualTo(1);
    CliResult detokenize = run("detokenize", "--config", policy.toString(), "--input", "x", "--output", "y", "--columns", "email");
    assertThat(detokenize.exitCode()).isEqualTo(2);
    assertThat(table("people").currentSnapshot().snapshotId()).isEqualTo(loaded);
  }

  static List<Long> ids(Table table) {
    List<Long> ids = new ArrayList<>();
    table.snapshots().forEach(s -> ids.add(s.snapshotId()));
    return ids;
  }

  List<Path> dataFiles(String table) throws IOException {
    try (Stream<Path> files = Files.walk(warehouse.resolve("db").resolve(table).resolve("data"))) {
      return files.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
    }
  }
}
