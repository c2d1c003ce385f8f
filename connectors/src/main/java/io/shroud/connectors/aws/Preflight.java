package io.shroud.connectors.aws;

import io.shroud.connectors.storage.StorageException;
import io.shroud.core.policy.AwsSettings;
import io.shroud.core.policy.PreflightSettings;
import io.shroud.core.policy.PreflightSettings.CheckMode;
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
 * Posture checks on the buckets a run writes to (output, audit) and on the output KMS key, run
 * before any row is read or written. Each check is {@code require} (refuse), {@code warn} or
 * {@code off}; a check that cannot be made (access denied) counts as failed, so refusing is the
 * default outcome of not knowing.
 *
 * <p>Refusals are {@link PreflightRefusedException} (exit 2: the environment must be fixed); a service
 * that cannot be reached under {@code require} is a {@link StorageException} (exit 1: try again).
 */
public final class Preflight {
  private final AwsSettings aws;
  private final AwsServiceClients clients;

  public Preflight(AwsSettings aws, AwsServiceClients clients) {
    this.aws = aws;
    this.clients = clients;
  }

  /** Runs the enabled checks for the given written paths' buckets. */
  public PreflightReport run(Collection<String> writtenPaths) {
    PreflightSettings p = aws.preflight();
    LinkedHashSet<String> buckets = new LinkedHashSet<>();
    writtenPaths.stream().filter(AwsSettings::isS3Path).map(AwsSettings::bucketOf).forEach(buckets::add);
    List<CheckResult> results = new ArrayList<>();
    List<String> unreachable = new ArrayList<>();
    Optional<KeyMetadata> key = Optional.empty();
    BucketChecks bucketChecks = new BucketChecks(clients.s3());
    KeyChecks keyChecks = new KeyChecks(clients.kms());
    String keyId = aws.s3().kmsKeyId().orElse(null);
    if (!buckets.isEmpty() && keyId != null && p.kmsKey() != CheckMode.OFF) {
      KeyChecks.Result r = call(() -> keyChecks.check(keyId), unreachable, "KMS key " + keyId, p.kmsKey());
      key = r == null ? Optional.empty() : r.metadata();
      results.add(judge("kmsKey", "KMS key " + keyId, p.kmsKey(),
          r == null ? Optional.of(lastProblem(unreachable, "KMS")) : r.problem(), "customer-managed, enabled, rotation on"));
    }
    for (String bucket : buckets) {
      String subject = "bucket '" + bucket + "'";
      if (p.encryption() != CheckMode.OFF) {
        Optional<KeyMetadata> k = key;
        results.add(judge("encryption", subject, p.encryption(),
            problem(() -> bucketChecks.encryption(bucket, keyId, k), unreachable, subject, p.encryption()),
            "default encryption is SSE-KMS" + (keyId == null ? "" : " with the policy's key")));
      }
      if (p.publicAccessBlock() != CheckMode.OFF) {
        results.add(judge("publicAccessBlock", subject, p.publicAccessBlock(),
            problem(() -> bucketChecks.publicAccessBlock(bucket), unreachable, subject, p.publicAccessBlock()),
            "Block Public Access fully on"));
      }
      if (p.versioning() != CheckMode.OFF) {
        results.add(judge("versioning", subject, p.versioning(),
            problem(() -> bucketChecks.versioning(bucket), unreachable, subject, p.versioning()), "versioning enabled"));
      }
    }
    Map<String, String> identity = null;
    if (p.callerIdentity() != CheckMode.OFF) {
      GetCallerIdentityResponse who = call(() -> clients.sts().getCallerIdentity(), unreachable, "STS", p.callerIdentity());
      if (who != null) {
        identity = Map.of("account", who.account(), "arn", who.arn(), "userId", who.userId());
      }
      results.add(judge("callerIdentity", "caller", p.callerIdentity(),
          who == null ? Optional.of(lastProblem(unreachable, "STS")) : Optional.empty(),
          who == null ? "" : "recorded " + who.arn()));
    }
    PreflightReport report = new PreflightReport(results, identity);
    List<CheckResult> refused = report.refused();
    if (!refused.isEmpty()) {
      throw new PreflightRefusedException(refused);
    }
    return report;
  }

  private static CheckResult judge(String check, String subject, CheckMode mode, Optional<String> problem, String ok) {
    if (problem.isEmpty()) {
      return new CheckResult(check, subject, CheckResult.Outcome.PASSED, ok);
    }
    return new CheckResult(check, subject, mode == CheckMode.REQUIRE ? CheckResult.Outcome.REFUSED
        : CheckResult.Outcome.WARNED, problem.get());
  }

  /** A check's problem; a service error (access denied, ...) is a problem too: not knowing is not passing. */
  private static Optional<String> problem(Supplier<Optional<String>> check, List<String> unreachable, String subject,
      CheckMode mode) {
    Optional<String> result = call(check, unreachable, subject, mode);
    return result == null ? Optional.of(lastProblem(unreachable, subject)) : result;
  }

  /** Calls a service; returns null after recording why it failed (the caller reports it as a problem). */
  private static <T> T call(Supplier<T> call, List<String> failures, String subject, CheckMode mode) {
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

  private static String lastProblem(List<String> failures, String subject) {
    return failures.isEmpty() ? "cannot check " + subject : failures.get(failures.size() - 1);
  }
}
