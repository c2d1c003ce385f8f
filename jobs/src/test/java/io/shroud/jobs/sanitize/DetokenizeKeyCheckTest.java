package io.shroud.jobs.sanitize;

import static io.shroud.jobs.SparkTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shroud.core.audit.AuditRecord;
import io.shroud.core.audit.ColumnAudit;
import io.shroud.jobs.SparkTestSupport.CliResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * detokenize checks its keys against the key check values the sanitize run recorded, before reading
 * a row: real FF1 and AES-GCM-SIV under key k1, reversed under k2, a rotated key, an edited rule, a
 * moved output.
 */
class DetokenizeKeyCheckTest {
  private static final String INPUT = "id,card,email\n1,4111 1111 1111 1111,ann@example.com\n2,5500 0000 0000 0004,bo@example.org\n";

  @TempDir Path tmp;
  private Path masked;

  @BeforeEach
  void sanitizeUnderK1() throws IOException {
    Files.writeString(tmp.resolve("in.csv"), INPUT);
    assertThat(run("keys", "generate", "--out", tmp.resolve("k1.key").toString()).exitCode()).isZero();
    assertThat(run("keys", "generate", "--out", tmp.resolve("k2.key").toString()).exitCode()).isZero();
    masked = tmp.resolve("masked");
    CliResult result = run("sanitize", "--config", policy("k1.key", "keepLast: 4").toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
  }

  private Path policy(String keyFile, String cardParameters) throws IOException {
    return policy("policy-" + keyFile + "-" + cardParameters.hashCode() + ".yaml",
        "k: { file: " + tmp.resolve(keyFile) + " }", cardParameters);
  }

  private Path policy(String name, String keyEntry, String cardParameters) throws IOException {
    Path policy = tmp.resolve(name);
    Files.writeString(policy, """
        input: { path: %s }
        output: { path: %s }
        columns:
          id: { action: keep, reason: row id }
          card: { action: tokenize, key: k, luhn: true, %s }
          email: { action: encrypt, key: k }
        keys:
          %s
        """.formatted(tmp.resolve("in.csv"), masked, cardParameters, keyEntry));
    return policy;
  }

  private CliResult detokenize(Path policy, String output, String... more) {
    String[] args = Stream.concat(Stream.of("detokenize", "--config", policy.toString(), "--input", masked.toString(),
        "--output", tmp.resolve(output).toString(), "--columns", "card,email"), Stream.of(more)).toArray(String[]::new);
    return run(args);
  }

  @Test
  void theSanitizeRunRecordsKeyCheckValuesInTheAuditAndTheSignedManifest() throws IOException {
    AuditRecord record = SanitizeEndToEndTest.onlyAudit(Path.of(masked + "_audit"));
    ColumnAudit.KeyUse card = column(record, "card").keys().get(0);
    ColumnAudit.KeyUse email = column(record, "email").keys().get(0);
    assertThat(card.name()).isEqualTo("k");
    assertThat(card.version()).isEqualTo(1);
    assertThat(card.checkValue()).matches("[0-9a-f]{16}").isNotEqualTo(email.checkValue()).isNotEqualTo(card.fingerprint());
    assertThat(column(record, "id").keys()).isEmpty();

    JsonNode manifest;
    try (Stream<Path> files = Files.list(Path.of(masked + "_audit"))) {
      Path file = files.filter(p -> p.getFileName().toString().startsWith("manifest-")).findFirst().orElseThrow();
      manifest = new ObjectMapper().readTree(file.toFile());
    }
    assertThat(manifest.get("keyChecks").toString()).isEqualTo("[{\"action\":\"tokenize\",\"checkValue\":\""
        + card.checkValue() + "\",\"column\":\"card\",\"key\":\"k\",\"keyVersion\":1},{\"action\":\"encrypt\","
        + "\"checkValue\":\"" + email.checkValue() + "\",\"column\":\"email\",\"key\":\"k\",\"keyVersion\":1}]");
  }

  @Test
  void aWrongKeyIsRefusedNamingKeyAndColumnBeforeAnyRowIsRead() throws IOException {
    CliResult wrong = detokenize(policy("k2.key", "keepLast: 4"), "restored");
    assertThat(wrong.exitCode()).isEqualTo(2);
    String checkValue = column(SanitizeEndToEndTest.onlyAudit(Path.of(masked + "_audit")), "card").keys().get(0).checkValue();
    assertThat(wrong.err()).startsWith("shroud: Cannot detokenize column 'card': key 'k' version 1 (file "
        + tmp.resolve("k2.key") + ") is not the key that masked it (key check value " + checkValue + " in audit-")
        .endsWith(" now); nothing was read\n").hasLineCount(1);
    assertThat(tmp.resolve("restored")).doesNotExist();
    assertThat(Path.of(tmp.resolve("restored") + "_audit")).doesNotExist();

    CliResult right = detokenize(policy("k1.key", "keepLast: 4"), "restored");
    assertThat(right.exitCode()).as(right.err()).isZero();
    assertThat(Files.readString(OperatorsEndToEndTest.onlyCsv(tmp.resolve("restored")))).isEqualTo(INPUT);
    assertThat(SanitizeEndToEndTest.auditText(Path.of(tmp.resolve("restored") + "_audit")))
        .contains("\"keyCheck\" : \"verified against file:" + masked + "_audit/audit-");
  }

  @Test
  void anEditedRuleIsRefused() throws IOException {
    CliResult edited = detokenize(policy("k1.key", "keepLast: 2"), "restored");
    assertThat(edited.exitCode()).isEqualTo(2);
    assertThat(edited.err()).startsWith("shroud: Cannot detokenize column 'card': its rule differs from the one that "
        + "masked it in audit-").endsWith("(keepLast: 4 then, 2 now); reverse it with the policy as it was\n");
  }

  @Test
  void aRotatedKeyNeedsTheVersionThatMaskedTheData() throws IOException {
    Path rotated = policy("rotated.yaml", "k: { version: 2, file: " + tmp.resolve("k2.key") + ", previous: [ { version: 1, file: "
        + tmp.resolve("k1.key") + " } ] }", "keepLast: 4");
    CliResult current = detokenize(rotated, "restored");
    assertThat(current.exitCode()).isEqualTo(2);
    assertThat(current.err()).isEqualTo("shroud: Cannot detokenize column 'card': it was masked with key 'k' version 1, "
        + "this run would use version 2; pass --key-version k=1\n");

    CliResult old = detokenize(rotated, "restored", "--key-version", "k=1");
    assertThat(old.exitCode()).as(old.err()).isZero();
    assertThat(Files.readString(OperatorsEndToEndTest.onlyCsv(tmp.resolve("restored")))).isEqualTo(INPUT);

    // A version 1 that is not the key that masked the data is refused too.
    Path forged = policy("forged.yaml", "k: { version: 2, file: " + tmp.resolve("k1.key") + ", previous: [ { version: 1, "
        + "file: " + tmp.resolve("k2.key") + " } ] }", "keepLast: 4");
    CliResult wrongOld = detokenize(forged, "again", "--key-version", "k=1");
    assertThat(wrongOld.exitCode()).isEqualTo(2);
    assertThat(wrongOld.err()).startsWith("shroud: Cannot detokenize column 'card': key 'k' version 1 (file "
        + tmp.resolve("k2.key") + ") is not the key that masked it");
  }

  @Test
  void withoutTheAuditRecordDetokenizeFailsClosedUnlessToldWhereItIsOrToSkip() throws IOException {
    Path moved = tmp.resolve("moved");
    Files.move(masked, moved);
    Path policy = policy("k1.key", "keepLast: 4");
    String[] columns = {"--columns", "card,email"};
    CliResult missing = run("detokenize", "--config", policy.toString(), "--input", moved.toString(), "--output",
        tmp.resolve("r1").toString(), columns[0], columns[1]);
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("shroud: Cannot detokenize " + moved + ": no audit record of the sanitize run "
        + "that wrote it (a succeeded sanitize audit-*.json whose output is " + moved + ") in " + moved + "_audit; pass "
        + "--audit FILE to name it, or --no-key-check to reverse without checking the keys (a wrong key then gives "
        + "wrong values)\n");

    Path auditFile;
    try (Stream<Path> files = Files.list(Path.of(masked + "_audit"))) {
      auditFile = files.filter(p -> p.getFileName().toString().startsWith("audit-")).findFirst().orElseThrow();
    }
    CliResult named = run("detokenize", "--config", policy.toString(), "--input", moved.toString(), "--output",
        tmp.resolve("r2").toString(), columns[0], columns[1], "--audit", auditFile.toString());
    assertThat(named.exitCode()).as(named.err()).isZero();
    assertThat(Files.readString(OperatorsEndToEndTest.onlyCsv(tmp.resolve("r2")))).isEqualTo(INPUT);

    CliResult namedWrongKey = run("detokenize", "--config", policy("k2.key", "keepLast: 4").toString(), "--input",
        moved.toString(), "--output", tmp.resolve("r3").toString(), columns[0], columns[1], "--audit", auditFile.toString());
    assertThat(namedWrongKey.exitCode()).isEqualTo(2);

    CliResult skipped = run("detokenize", "--config", policy.toString(), "--input", moved.toString(), "--output",
        tmp.resolve("r4").toString(), columns[0], columns[1], "--no-key-check");
    assertThat(skipped.exitCode()).as(skipped.err()).isZero();
    assertThat(SanitizeEndToEndTest.auditText(Path.of(tmp.resolve("r4") + "_audit")))
        .contains("\"keyCheck\" : \"skipped (--no-key-check)\"");
  }

  private static ColumnAudit column(AuditRecord record, String name) {
    return record.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }
}
