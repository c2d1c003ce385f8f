package io.shroud.connectors;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shroud.core.policy.InvalidPolicyException;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.PolicyOverrides;

/** Policies parsed as the jobs parse them (the core parser with the AWS extensions), for the tests. */
public final class AwsPolicies {
  private AwsPolicies() {}

  /** {@code yaml} parsed as a policy file named p.yaml. */
  public static Policy parse(String yaml) {
    return AwsPolicyExtensions.parser().parse(yaml, "p.yaml", PolicyOverrides.NONE);
  }

  /** Parsing {@code yaml} is refused with exactly {@code message}. */
  public static void assertInvalid(String yaml, String message) {
    assertThatThrownBy(() -> parse(yaml)).isInstanceOf(InvalidPolicyException.class).hasMessage(message);
  }
}
