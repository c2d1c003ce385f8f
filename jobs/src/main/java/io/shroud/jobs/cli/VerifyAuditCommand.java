package io.shroud.jobs.cli;

import io.shroud.connectors.AwsPolicyExtensions;
import io.shroud.connectors.audit.AuditVerifier;
import io.shroud.connectors.aws.AwsSettings;
import io.shroud.connectors.s3.S3aConfigurer;
import io.shroud.core.ShroudException;
import io.shroud.core.UsageException;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.PolicyOverrides;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shroud verify-audit MANIFEST}: checks a run's signed manifest against the output and audit record. */
@Command(name = "verify-audit", mixinStandardHelpOptions = true,
    description = {"Check a run's manifest: its Ed25519 signature, the audit record's digest, and the size and SHA-256",
        "of every output file (and that none was added). Exit 0 when everything matches, 1 otherwise."})
public final class VerifyAuditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "MANIFEST", description = "manifest-<runId>.json (local path or s3a:// URI)")
  String manifest;

  @Option(names = "--public-key", paramLabel = "FILE",
      description = "The signer's Ed25519 public key (base64, as printed by 'shroud keys public-key'). "
          + "Without it, the key inside the manifest is used: that proves integrity, not origin.")
  Path publicKey;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "Policy whose 'aws' section says how to reach S3 (needed for s3a:// and s3:// manifests)")
  Path config;

  @Override
  public Integer call() {
    Configuration conf = new Configuration();
    Optional<AwsSettings> aws = Optional.empty();
    if (config != null) {
      Policy policy = AwsPolicyExtensions.parser().parse(config, PolicyOverrides.NONE);
      aws = policy.extension(AwsSettings.class);
      S3aConfigurer.apply(conf, aws, List.of(manifest, policy.output().path()));
    } else {
      S3aConfigurer.apply(conf, aws, List.of(manifest));
    }
    AuditVerifier.Result result = new AuditVerifier(conf).verify(manifest, trustedKey());
    if (!result.verified()) {
      throw new ShroudException("Cannot verify audit " + manifest + ": " + String.join("; ", result.problems()));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("Verified %s: Ed25519 signature (key %s), audit record, %d output file(s)%n", manifest, result.signer(),
        result.files());
    result.notes().forEach(n -> out.println("Note: " + n));
    out.flush();
    return ExitCodes.OK;
  }

  private Optional<byte[]> trustedKey() {
    if (publicKey == null) {
      return Optional.empty();
    }
    try {
      byte[] key = Base64.getDecoder().decode(Files.readString(publicKey, StandardCharsets.US_ASCII).trim());
      if (key.length != 32) {
        throw new UsageException("Invalid public key " + publicKey + ": expected 32 bytes (base64), got " + key.length);
      }
      return Optional.of(key);
    } catch (IOException e) {
      throw new UsageException("Cannot read public key " + publicKey + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new UsageException("Invalid public key " + publicKey + ": not base64");
    }
  }
}
