package io.shroud.connectors.audit;

import io.shroud.connectors.storage.AuditSink;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;

/**
 * The run's manifest: every output file with its size and SHA-256, and the audit record's digest,
 * signed with Ed25519 when the policy names an {@code audit.signingKey}. Written beside the audit
 * record as {@code manifest-<runId>.json} (with the bucket's SSE-KMS settings on S3).
 */
public final class AuditManifest {
  public static final int SCHEMA_VERSION = 1;

  private AuditManifest() {}

  /** Who signs: the signer and the key's name and version (for the verifier's messages). */
  public record Signing(Ed25519Signer signer, String keyName, int keyVersion) {}

  public static String fileName(String runId) {
    return "manifest-" + runId + ".json";
  }

  /** Digests the published output and the audit record, signs, writes; returns the manifest's location. */
  public static String write(Configuration conf, AuditSink sink, String auditDir, String runId, String outputPath,
      String auditFileName, String auditJson, Optional<Signing> signing) {
    return write(conf, sink, auditDir, runId, outputPath, auditFileName, auditJson, List.of(), signing);
  }

  /**
   * As above, with the key check values of the run's reversible columns (column, action, key, key
   * version, check value), so the signature covers what {@code detokenize} compares.
   */
  public static String write(Configuration conf, AuditSink sink, String auditDir, String runId, String outputPath,
      String auditFileName, String auditJson, List<Map<String, Object>> keyChecks, Optional<Signing> signing) {
    return write(conf, FileDigester.HERE, sink, auditDir, runId, outputPath, auditFileName, auditJson, keyChecks,
        signing);
  }

  /** As above, the output's files read by {@code digester} (a Spark job for a large output). */
  public static String write(Configuration conf, FileDigester digester, AuditSink sink, String auditDir, String runId,
      String outputPath, String auditFileName, String auditJson, List<Map<String, Object>> keyChecks,
      Optional<Signing> signing) {
    return write(sink, auditDir, runId, Map.of("path", outputPath, "files",
        OutputDigests.list(conf, outputPath, digester)), auditFileName, auditJson, keyChecks, signing);
  }

  /**
   * For a table output: the data files the run's snapshot added (paths relative to the table location), with the
   * table and snapshot. Verifying checks exactly these files: a table gains other files as it moves on. Key check
   * values as for files.
   */
  public static String writeForTable(Configuration conf, FileDigester digester, AuditSink sink, String auditDir,
      String runId, String table, long snapshotId, String location, List<FileDigester.OutputFile> dataFiles,
      String auditFileName, String auditJson, List<Map<String, Object>> keyChecks, Optional<Signing> signing) {
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("table", table);
    output.put("snapshotId", snapshotId);
    output.put("path", location);
    output.put("files", new TreeMap<>(digester.digest(conf, location, dataFiles)));
    return write(sink, auditDir, runId, output, auditFileName, auditJson, keyChecks, signing);
  }

  private static String write(AuditSink sink, String auditDir, String runId, Map<String, Object> output,
      String auditFileName, String auditJson, List<Map<String, Object>> keyChecks, Optional<Signing> signing) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("schemaVersion", SCHEMA_VERSION);
    manifest.put("runId", runId);
    manifest.put("createdAt", Instant.now().toString());
    manifest.put("auditRecord", Map.of("file", auditFileName,
        "sha256", OutputDigests.sha256(auditJson.getBytes(StandardCharsets.UTF_8))));
    manifest.put("output", output);
    if (!keyChecks.isEmpty()) {
      manifest.put("keyChecks", keyChecks);
    }
    if (signing.isPresent()) {
      Signing s = signing.get();
      manifest.put("signer", Map.of("algorithm", "Ed25519", "key", s.keyName(), "keyVersion", s.keyVersion(),
          "publicKey", s.signer().publicKeyBase64()));
      byte[] signature = s.signer().sign(CanonicalJson.bytes(manifest));
      manifest.put("signature", Base64.getEncoder().encodeToString(signature));
    }
    return sink.writeFile(auditDir, fileName(runId), CanonicalJson.pretty(manifest));
  }
}
