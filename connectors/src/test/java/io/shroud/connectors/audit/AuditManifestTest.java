package io.shroud.connectors.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shroud.connectors.storage.AuditSink;
import io.shroud.core.UsageException;
import io.shroud.core.keys.KeyMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditManifestTest {
  static final String AUDIT_JSON = "{\"runId\":\"r1\",\"status\":\"succeeded\"}";

  @TempDir Path tmp;
  Path output;
  Path auditDir;
  Configuration conf = new Configuration();
  Ed25519Signer signer = Ed25519Signer.fromKey(key(1));

  static KeyMaterial key(int seed) {
    byte[] bytes = new byte[32];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * seed + 17);
    }
    return new KeyMaterial("audit", bytes);
  }

  @BeforeEach
  void output() throws IOException {
    output = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(output.resolve("part-00000.parquet"), "first part");
    Files.createDirectories(output.resolve("country=US"));
    Files.writeString(output.resolve("country=US/part-00001.parquet"), "second part");
    Files.writeString(output.resolve("_SUCCESS"), "");
    Files.writeString(output.resolve(".part-00000.parquet.crc"), "checksum side file");
    auditDir = tmp.resolve("out_audit");
  }

  String write(Optional<AuditManifest.Signing> signing) {
    AuditSink sink = new AuditSink(conf);
    sink.write(auditDir.toString(), "r1", AUDIT_JSON);
    return AuditManifest.write(conf, sink, auditDir.toString(), "r1", output.toString(), "audit-r1.json", AUDIT_JSON, signing);
  }

  String writeSigned() {
    return write(Optional.of(new AuditManifest.Signing(signer, "audit", 2)));
  }

  AuditVerifier.Result verify(String manifest, Optional<byte[]> key) {
    return new AuditVerifier(conf).verify(manifest, key);
  }

  byte[] publicKey() {
    return Base64.getDecoder().decode(signer.publicKeyBase64());
  }

  @Test
  void listsEveryVisibleFileWithSizeAndDigestAndVerifies() throws IOException {
    String manifest = writeSigned();
    assertThat(manifest).endsWith("out_audit/manifest-r1.json");
    String text = Files.readString(auditDir.resolve("manifest-r1.json"));
    assertThat(text).contains("\"part-00000.parquet\"").contains("\"country=US/part-00001.parquet\"").contains("\"_SUCCESS\"")
        .doesNotContain(".crc")
        // SHA-256("first part")
        .contains("\"sha256\" : \"" + OutputDigests.sha256("first part".getBytes()) + "\"").contains("\"size\" : 10");
    AuditVerifier.Result result = verify(manifest, Optional.of(publicKey()));
    assertThat(result.problems()).isEmpty();
    assertThat(result.files()).isEqualTo(3);
    assertThat(result.signer()).isEqualTo("audit v2");
    assertThat(result.notes()).isEmpty();
  }

  @Test
  void aTamperedDataFileIsNamed() throws IOException {
    String manifest = writeSigned();
    Files.writeString(output.resolve("country=US/part-00001.parquet"), "second pArt");
    Files.writeString(output.resolve("part-00002.parquet"), "added later");
    Files.delete(output.resolve("_SUCCESS"));
    assertThat(verify(manifest, Optional.of(publicKey())).problems()).containsExactly(
        "output file _SUCCESS is missing",
        "output file country=US/part-00001.parquet has size 11 and SHA-256 "
            + OutputDigests.sha256("second pArt".getBytes()) + ", the manifest says size 11 and SHA-256 "
            + OutputDigests.sha256("second part".getBytes()),
        "output file part-00002.parquet is not in the manifest");
  }

  @Test
  void aTamperedManifestOrAuditRecordFails() throws IOException {
    String manifest = writeSigned();
    Path file = auditDir.resolve("manifest-r1.json");
    String original = Files.readString(file);
    // Re-pointing the manifest at a forged file's digest breaks the signature.
    Files.writeString(file, original.replace(OutputDigests.sha256("first part".getBytes()), OutputDigests.sha256("forged 10b".getBytes())));
    Files.writeString(output.resolve("part-00000.parquet"), "forged 10b");
    assertThat(verify(manifest, Optional.of(publicKey())).problems()).containsExactly(
        "the signature does not verify with the given public key (the manifest was altered or signed by another key)");
    Files.writeString(file, original);
    Files.writeString(output.resolve("part-00000.parquet"), "first part");
    Files.writeString(auditDir.resolve("audit-r1.json"), AUDIT_JSON.replace("succeeded", "failed"));
    assertThat(verify(manifest, Optional.of(publicKey())).problems()).singleElement().asString()
        .startsWith("audit record audit-r1.json has SHA-256 ");
  }

  @Test
  void aManifestReSignedWithAnotherKeyFailsAgainstTheTrustedKeyOnly() {
    String manifest = write(Optional.of(new AuditManifest.Signing(Ed25519Signer.fromKey(key(3)), "audit", 2)));
    assertThat(verify(manifest, Optional.of(publicKey())).problems()).containsExactly(
        "the signature does not verify with the given public key (the manifest was altered or signed by another key)");
    AuditVerifier.Result selfChecked = verify(manifest, Optional.empty());
    assertThat(selfChecked.problems()).isEmpty();
    assertThat(selfChecked.notes()).containsExactly("checked against the public key inside the manifest: this proves the "
        + "manifest is intact, not who signed it; pass --public-key to check the signer");
  }

  @Test
  void anUnsignedManifestDoesNotVerify() {
    String manifest = write(Optional.empty());
    assertThat(verify(manifest, Optional.empty()).problems())
        .containsExactly("the manifest is not signed (set audit.signingKey in the policy)");
  }

  @Test
  void aMissingManifestIsAUsageError() {
    assertThatThrownBy(() -> verify(tmp.resolve("nope.json").toString(), Optional.empty()))
        .isInstanceOf(UsageException.class).hasMessage("Cannot verify " + tmp.resolve("nope.json") + ": the manifest does not exist");
  }

  @Test
  void theSigningKeyIsDerivedNotTheRawKey() {
    assertThat(signer.publicKeyBase64()).isEqualTo(Ed25519Signer.fromKey(key(1)).publicKeyBase64())
        .isNotEqualTo(Ed25519Signer.fromKey(key(3)).publicKeyBase64());
    byte[] raw = key(1).bytes();
    var direct = new Ed25519PrivateKeyParameters(raw, 0);
    assertThat(Base64.getEncoder().encodeToString(direct.generatePublicKey().getEncoded())).isNotEqualTo(signer.publicKeyBase64());
  }
}
