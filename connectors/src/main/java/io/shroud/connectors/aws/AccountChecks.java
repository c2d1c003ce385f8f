package io.shroud.connectors.aws;

import java.util.Optional;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.model.NoSuchPublicAccessBlockConfigurationException;
import software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration;

/**
 * Account-wide S3 settings (S3 Control). Its requests go to {@code ACCOUNT.s3-control.REGION.amazonaws.com}
 * with the account id in {@code x-amz-account-id}: the SDK adds the host prefix, to an endpoint
 * override too.
 */
final class AccountChecks {
  private final S3ControlClient s3Control;

  AccountChecks(S3ControlClient s3Control) {
    this.s3Control = s3Control;
  }

  /** All four Block Public Access settings are on for the whole account. */
  Optional<String> publicAccessBlock(String accountId) {
    PublicAccessBlockConfiguration c;
    try {
      c = s3Control.getPublicAccessBlock(r -> r.accountId(accountId)).publicAccessBlockConfiguration();
    } catch (NoSuchPublicAccessBlockConfigurationException e) {
      return Optional.of("has no account-level Block Public Access configuration");
    }
    return PublicAccessSettings.problem(c.blockPublicAcls(), c.ignorePublicAcls(), c.blockPublicPolicy(),
        c.restrictPublicBuckets()).map(p -> p + " for the account");
  }
}
