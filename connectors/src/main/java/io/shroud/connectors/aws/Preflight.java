package io.shroud.connectors.aws;

import io.shroud.connectors.aws.PreflightSettings.CheckMode;
import io.shroud.connectors.storage.StorageException;
import io.shroud.core.policy.S3Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Posture checks on the buckets a run writes to (output, audit), on their account and on the output
 * KMS key, run before any row is read or written. Each check is {@code require} (refuse), {@code warn}
 * or {@code off}; a check that cannot be made (access denied) counts as failed, so refusing is the
 * default outcome of not knowing.
 *
 * <p>Refusals are {@link PreflightRefusedException} (exit 2: the environment must be fixed); a service
 * that cannot be reached under {@code require} is a {@link StorageException} (exit 1: try again).
 */
public final class Preflight {
  private final AwsSettings aws;
  private final AwsServiceClients clients;
  private final List<String> failures = new ArrayList<>();
  private final List<CheckResult> results = new ArrayList<>();

  public Preflight(AwsSettings aws, AwsServiceClients clients) {
    this.aws = aws;
    this.clients = clients;
  }

  /** Runs the enabled checks for the given written paths' buckets. */
  public PreflightReport run(Collection<String> writtenPaths) {
    failures.clear();
    results.clear();
    PreflightSettings p = aws.preflight();
    LinkedHashSet<String> buckets = new LinkedHashSet<>();
    writtenPaths.stream().filter(S3Paths::isS3Path).map(S3Paths::bucketOf).forEach(buckets::add);
    Optional<KeyMetadata> key = Optional.empty();
    String keyId = aws.s3().kmsKeyId().orElse(null);
    if (!buckets.isEmpty() && keyId != null && p.kmsKey() != CheckMode.OFF) {
      KeyChecks.Result r = call(() -> new KeyChecks(clients.kms()).check(keyId), "KMS key " + keyId, p.kmsKey());
      key = r == null ? Optional.empty() : r.metadata();
      results.add(judge("kmsKey", "KMS key " + keyId, p.kmsKey(),
          r == null ? Optional.of(lastFailure("KMS")) : r.problem(), "customer-managed, enabled, rotation on"));
    }
    BucketChecks checks = new BucketChecks(clients.s3());
    for (String bucket : buckets) {
      String subject = "bucket '" + bucket + "'";
      Optional<KeyMetadata> k = key;
      check("encryption", subject, p.encryption(), () -> checks.encryption(bucket, keyId, k),
          "default encryption is SSE-KMS" + (keyId == null ? "" : " with the policy's key"));
      if (aws.s3().encryption() == S3Settings.Encryption.DSSE_KMS) {
        // S3 Bucket Keys do not exist for DSSE-KMS: nothing to check, and nothing to fix.
        if (p.bucketKey() != CheckMode.OFF) {
          results.add(judge("bucketKey", subject, p.bucketKey(), Optional.empty(),
              "not applicable: S3 Bucket Keys are not supported with DSSE-KMS"));
        }
      } else {
        check("bucketKey", subject, p.bucketKey(), () -> checks.bucketKey(bucket), "S3 Bucket Key on");
      }
      check("publicAccessBlock", subject, p.publicAccessBlock(), () -> checks.publicAccessBlock(bucket),
          "Block Public Access fully on");
      check("secureTransport", subject, p.secureTransport(), () -> checks.secureTransport(bucket),
          "bucket policy denies requests without TLS");
      check("objectOwnership", subject, p.objectOwnership(), () -> checks.objectOwnership(bucket),
          "BucketOwnerEnforced (ACLs disabled)");
      check("versioning", subject, p.versioning(), () -> checks.versioning(bucket), "versioning enabled");
    }
    boolean accountCheck = !buckets.isEmpty() && p.accountPublicAccessBlock() != CheckMode.OFF;
    Map<String, String> identity = null;
    if (p.callerIdentity() != CheckMode.OFF || accountCheck) {
      // The account check needs the account id: STS answers it whatever the caller may do.
      CheckMode mode = p.callerIdentity() == CheckMode.REQUIRE || p.accountPublicAccessBlock() == CheckMode.REQUIRE
          ? CheckMode.REQUIRE : CheckMode.WARN;
      GetCallerIdentityResponse who = call(() -> clients.sts().getCallerIdentity(), "STS", mode);
      if (who != null) {
        identity = Map.of("account", who.account(), "arn", who.arn(), "userId", who.userId());
      }
      if (accountCheck) {
        String account = who == null ? null : who.account();
        String subject = account == null ? "account" : "account " + account;
        results.add(judge("accountPublicAccessBlock", subject, p.accountPublicAccessBlock(), account == null
            ? Optional.of("cannot check: the account id is unknown (STS GetCallerIdentity failed)")
            : problem(() -> new AccountChecks(clients.s3Control()).publicAccessBlock(account), subject,
                p.accountPublicAccessBlock()), "Block Public Access fully on for the account"));
      }
      if (p.callerIdentity() != CheckMode.OFF) {
        results.add(judge("callerIdentity", "caller", p.callerIdentity(),
            who == null ? Optional.of(lastFailure("STS")) : Optional.empty(), who == null ? "" : "recorded " + who.arn()));
      }
    }
    PreflightReport report = new PreflightReport(results, identity);
    List<CheckResult> refused = report.refused();
    if (!refused.isEmpty()) {
      throw new PreflightRefusedException(refused);
    }
    return report;
  }

  private void check(String name, String subject, CheckMode mode, Supplier<Optional<String>> check, String ok) {
    if (mode != CheckMode.OFF) {
      results.add(judge(name, subject, mode, problem(check, subject, mode), ok));
    }
  }

  private static CheckResult judge(String check, String subject, CheckMode mode, Optional<String> problem, String ok) {
    if (problem.isEmpty()) {
      return new CheckResult(check, subject, CheckResult.Outcome.PASSED, ok);
    }
    return new CheckResult(check, subject, mode == CheckMode.REQUIRE ? CheckResult.Outcome.REFUSED
        : CheckResult.Outcome.WARNED, problem.get());
  }

  /** A check's problem; a service error (access denied, ...) is a problem too: not knowing is not passing. */
  private Optional<String> problem(Supplier<Optional<String>> check, String subject, CheckMode mode) {
    Optional<String> result = call(check, subject, mode);
    return result == null ? Optional.of(lastFailure(subject)) : result;
  }

  /** Calls a service; returns null after recording why it failed (the caller reports it as a problem). */
  private <T> T call(Supplier<T> call, String subject, CheckMode mode) {
    try {
      return call.get();
    } catch (AwsServiceException e) {
      failures.add("cannot check: " + Describe.awsError(e));
      return null;
    } catch (SdkClientException e) {
      if (mode == CheckMode.REQUIRE) {
        throw new StorageException("Cannot run preflight checks on " + subject + ": service unreachable: "
            + Describe.firstLine(e.getMessage()), e);
      }
      failures.add("cannot check: service unreachable");
      return null;
    } catch (SdkException e) {
      failures.add("cannot check: " + e.getClass().getSimpleName());
      return null;
    }
  }

  private String lastFailure(String subject) {
    return failures.isEmpty() ? "cannot check " + subject : failures.get(failures.size() - 1);
  }
}
