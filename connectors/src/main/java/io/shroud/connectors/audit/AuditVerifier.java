package io.shroud.connectors.audit;

import io.shroud.connectors.storage.StorageException;
import io.shroud.core.UsageException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Checks a run's manifest: the Ed25519 signature over it, the audit record's digest, and every
 * output file's size and digest (and that no file was added). Collects every problem found.
 */
public final class AuditVerifier {
  private final Configuration conf;

  public AuditVerifier(Configuration conf) {
    this.conf = conf;
  }

  /**
   * What verification found.
   *
   * @param problems each a reason the run's evidence cannot be trusted; empty means verified
   * @param notes caveats that do not fail verification
   * @param files output files checked
   * @param signer key name and version that signed, or null
   */
  public record Result(List<String> problems, List<String> notes, int files, String signer) {
    public boolean verified() {
      return problems.isEmpty();
    }
  }

  /**
   * @param manifestPath the manifest file (local path or Hadoop URI)
   * @param trustedPublicKey the signer's raw 32-byte Ed25519 public key; empty uses the manifest's own
   */
  @SuppressWarnings("unchecked")
  public Result verify(String manifestPath, Optional<byte[]> trustedPublicKey) {
    String text = read(manifestPath, "manifest");
    Map<String, Object> manifest;
    try {
      manifest = CanonicalJson.parse(text);
    } catch (IOException e) {
      throw new UsageException("Invalid manifest " + manifestPath + ": not JSON");
    }
    List<String> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    String signer = checkSignature(manifest, trustedPublicKey, problems, notes);

    Map<String, Object> audit = (Map<String, Object>) manifest.getOrDefault("auditRecord", Map.of());
    Path auditFile = new Path(new Path(manifestPath).getParent(), String.valueOf(audit.get("file")));
    String auditDigest = OutputDigests.sha256(read(auditFile.toString(), "audit record").getBytes(StandardCharsets.UTF_8));
    if (!auditDigest.equals(audit.get("sha256"))) {
      problems.add("audit record " + auditFile.getName() + " has SHA-256 " + auditDigest + ", the manifest says "
          + audit.get("sha256"));
    }

    Map<String, Object> output = (Map<String, Object>) manifest.getOrDefault("output", Map.of());
    Map<String, Object> expected = (Map<String, Object>) output.getOrDefault("files", Map.of());
    // A table's manifest lists the files its snapshot added; the table may have gained others since.
    boolean table = output.containsKey("table");
    Map<String, Map<String, Object>> actual = new HashMap<>(table
        ? presentFiles(String.valueOf(output.get("path")), expected.keySet())
        : OutputDigests.list(conf, String.valueOf(output.get("path"))));
    for (Map.Entry<String, Object> e : new TreeMap<>(expected).entrySet()) {
      Map<String, Object> want = (Map<String, Object>) e.getValue();
      Map<String, Object> got = actual.remove(e.getKey());
      if (got == null) {
        problems.add("output file " + e.getKey() + " is missing");
      } else if (((Number) got.get("size")).longValue() != ((Number) want.get("size")).longValue()
          || !got.get("sha256").equals(want.get("sha256"))) {
        problems.add("output file " + e.getKey() + " has size " + got.get("size") + " and SHA-256 " + got.get("sha256")
            + ", the manifest says size " + want.get("size") + " and SHA-256 " + want.get("sha256"));
      }
    }
    new TreeSet<>(actual.keySet()).forEach(extra -> problems.add("output file " + extra + " is not in the manifest"));
    return new Result(problems, notes, expected.size(), signer);
  }

  /** The listed files that still exist, digested. */
  private Map<String, Map<String, Object>> presentFiles(String root, Set<String> listed) {
    List<String> present = new ArrayList<>();
    for (String relative : listed) {
      Path file = new Path(new Path(root), relative);
      try {
        if (file.getFileSystem(conf).exists(file)) {
          present.add(relative);
        }
      } catch (IOException e) {
        throw new StorageException("Cannot read output " + file + ": " + e.getMessage(), e);
      }
    }
    return OutputDigests.files(conf, root, present);
  }

  @SuppressWarnings("unchecked")
  private static String checkSignature(Map<String, Object> manifest, Optional<byte[]> trusted, List<String> problems,
      List<String> notes) {
    Object signature = manifest.get("signature");
    Map<String, Object> signer = (Map<String, Object>) manifest.get("signer");
    if (signature == null || signer == null) {
      problems.add("the manifest is not signed (set audit.signingKey in the policy)");
      return null;
    }
    Map<String, Object> signed = new LinkedHashMap<>(manifest);
    signed.remove("signature");
    byte[] publicKey;
    try {
      publicKey = trusted.orElseGet(() -> Base64.getDecoder().decode(String.valueOf(signer.get("publicKey"))));
      byte[] value = Base64.getDecoder().decode(String.valueOf(signature));
      if (!Ed25519Signer.verify(publicKey, CanonicalJson.bytes(signed), value)) {
        problems.add(trusted.isPresent()
            ? "the signature does not verify with the given public key (the manifest was altered or signed by another key)"
            : "the signature does not verify (the manifest was altered)");
      }
    } catch (IllegalArgumentException e) {
      problems.add("the signature or public key is not valid base64");
    }
    if (trusted.isEmpty()) {
      notes.add("checked against the public key inside the manifest: this proves the manifest is intact, not who "
          + "signed it; pass --public-key to check the signer");
    }
    return signer.get("key") + " v" + signer.get("keyVersion");
  }

  private String read(String location, String what) {
    Path path = new Path(location);
    try {
      FileSystem fs = path.getFileSystem(conf);
      try (InputStream in = fs.open(path)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (FileNotFoundException e) {
      throw new UsageException("Cannot verify " + location + ": the " + what + " does not exist");
    } catch (IOException e) {
      throw new StorageException("Cannot read " + what + " " + location + ": " + e.getMessage(), e);
    }
  }
}
