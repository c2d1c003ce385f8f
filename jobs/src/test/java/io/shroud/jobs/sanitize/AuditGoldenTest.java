package io.shroud.jobs.sanitize;

import static io.shroud.jobs.SparkTestSupport.repoRoot;
import static io.shroud.jobs.SparkTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.jobs.SparkTestSupport.CliResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit record and the HTML run report of one fixed run, byte for byte against golden files, once
 * the run's own values (run id, times, version, machine paths) are replaced by placeholders. Refactoring
 * the code that fills the audit must not change what it writes. To regenerate the golden files after an
 * intended change, run with {@code -Dshroud.golden.write=true} and review the diff.
 */
class AuditGoldenTest {
  private static final Path GOLDEN = repoRoot().resolve("jobs/src/test/resources/golden");
  // 32 fixed bytes: key fingerprints and check values in the audit are stable.
  private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

  @TempDir Path tmp;

  @Test
  void auditAndRunReportOfAFixedRunAreUnchanged() throws IOException {
    Path key = tmp.resolve("golden.key");
    Files.writeString(key, KEY + "\n");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    Path out = tmp.resolve("out");
    Path audit = tmp.resolve("audit");
    Path policy = tmp.resolve("golden.yaml");
    Files.writeString(policy, """
        version: 1
        input: { path: "%s" }
        output: { path: "%s", format: csv }
        columns:
          customer_id:   { action: pseudonymize, key: k, prefix: CUST }
          email:         { action: encrypt, key: k }
          phone:         { action: partial-mask, keepLast: 2 }
          ssn:           { action: hash, key: k, encoding: base32, length: 16 }
          credit_card:   { action: tokenize, key: k, keepLast: 4, luhn: true }
          ip_address:    { action: generalize, prefix: 3 }
          plan:          { action: keep, reason: "product tier, not personal data" }
          monthly_spend: { action: generalize, width: 100 }
          order_number:  { action: redact, replacement: "<ORDER>" }
          support_note:  detect
        unlistedColumns: detect
        operators:
          default:     { action: redact }
          EMAIL:       { action: remove }
          CREDIT_CARD: { action: tokenize, key: k, keepFirst: 6, luhn: true }
        audit: { path: "%s", residualSampleSize: 200 }
        keys:
          k: { file: "%s" }
        """.formatted(repoRoot().resolve("samples/customers.csv"), out, audit, key));
    CliResult result = run("sanitize", "--config", policy.toString());
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);

    String json = normalize(only(audit, "audit-", ".json"), List.of(tmp, repoRoot()));
    String html = normalize(only(audit, "report-", ".html"), List.of(tmp, repoRoot()));
    if (Boolean.getBoolean("shroud.golden.write")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(GOLDEN.resolve("audit-customers.json"), json, StandardCharsets.UTF_8);
      Files.writeString(GOLDEN.resolve("report-customers.html"), html, StandardCharsets.UTF_8);
    }
    assertThat(json).isEqualTo(Files.readString(GOLDEN.resolve("audit-customers.json")));
    assertThat(html).isEqualTo(Files.readString(GOLDEN.resolve("report-customers.html")));
  }

  private static String only(Path dir, String prefix, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found = files.filter(p -> p.getFileName().toString().startsWith(prefix)
          && p.getFileName().toString().endsWith(suffix)).toList();
      assertThat(found).as(prefix + "*" + suffix + " in " + dir).hasSize(1);
      return Files.readString(found.get(0));
    }
  }

  /** The run's own values as placeholders: what differs between two runs of the same data and policy. */
  static String normalize(String text, List<Path> roots) {
    String result = text;
    for (Path root : roots) {
      result = result.replace(root.toString(), "<" + (root.equals(repoRoot()) ? "repo" : "tmp") + ">");
    }
    return result
        .replaceAll("\\d{8}T\\d{6}Z-[0-9a-f]{8}", "<run-id>")
        .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>")
        // The policy's digest covers its text, which names the temporary directory.
        .replaceAll("sha256\" : \"[0-9a-f]{64}\"", "sha256\" : \"<policy-sha256>\"")
        .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "<instant>")
        .replaceAll("\"(durationMillis|millis)\" : \\d+", "\"$1\" : 0")
        .replaceAll("written, \\d+ ms\\.", "written, 0 ms.")
        .replaceAll("Took \\d+ ms", "Took 0 ms")
        .replaceAll("\"version\" : \"[^\"]*\"", "\"version\" : \"<version>\"");
  }
}
