package io.shroud.core.policy;

import java.io.Serializable;

/**
 * A masking technique with its parameters, validated when the policy loads. Holds key names, never
 * key material, so it is safe to serialize to executors and to write to the audit.
 */
public sealed interface OperatorSpec extends Serializable
    permits RedactSpec, RemoveSpec, SuppressSpec, PartialMaskSpec, HashSpec, PseudonymizeSpec, SubstituteSpec,
        TokenizeSpec, EncryptSpec, GeneralizeSpec, PerturbSpec {

  /** The policy's name for the technique ({@code redact}, {@code partial-mask}, {@code hash}). */
  String action();

  /** The key this operator needs, or null. */
  default String keyName() {
    return null;
  }

  /** Parameters for the audit: everything except secrets (there are none in a spec). */
  java.util.Map<String, Object> auditParameters();
}
