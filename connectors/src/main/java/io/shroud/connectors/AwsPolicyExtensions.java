package io.shroud.connectors;

import io.shroud.connectors.aws.AwsParser;
import io.shroud.connectors.comprehend.ComprehendParser;
import io.shroud.connectors.macie.MacieParser;
import io.shroud.core.policy.PolicyExtension;
import io.shroud.core.policy.PolicyParser;
import java.util.List;

/**
 * The policy sections the connectors read: {@code aws} (S3, endpoints, preflight),
 * {@code detection.comprehend} and {@code detection.macie}. Jobs pass them to {@link PolicyParser}.
 */
public final class AwsPolicyExtensions {
  /** Every section, in the order their keys are listed in errors. */
  public static final List<PolicyExtension<?>> ALL = List.of(AwsParser.INSTANCE, ComprehendParser.INSTANCE,
      MacieParser.INSTANCE);

  private AwsPolicyExtensions() {}

  /** A policy parser that reads the core sections and these. */
  public static PolicyParser parser() {
    return new PolicyParser(ALL);
  }
}
