package io.shroud.core.mask;

import io.shroud.core.keys.KeyException;
import io.shroud.core.keys.KeyMaterial;
import io.shroud.core.keys.KeyProvider;
import io.shroud.core.policy.EncryptSpec;
import io.shroud.core.policy.GeneralizeSpec;
import io.shroud.core.policy.HashSpec;
import io.shroud.core.policy.PerturbSpec;
import io.shroud.core.policy.PseudonymizeSpec;
import io.shroud.core.policy.RemoveSpec;
import io.shroud.core.policy.SubstituteSpec;
import io.shroud.core.policy.SuppressSpec;
import io.shroud.core.policy.TokenizeSpec;
import io.shroud.core.keys.KeySpec;
import io.shroud.core.policy.OperatorSpec;
import io.shroud.core.policy.PartialMaskSpec;
import io.shroud.core.policy.RedactSpec;
import java.util.Map;

/** Builds operators from their specs, resolving named keys through a {@link KeyProvider}. */
public final class Operators {
  private final Map<String, KeySpec> keys;
  private final KeyProvider keyProvider;

  public Operators(Map<String, KeySpec> keys, KeyProvider keyProvider) {
    this.keys = Map.copyOf(keys);
    this.keyProvider = keyProvider;
  }

  public MaskingOperator create(OperatorSpec spec) {
    if (spec instanceof RedactSpec redact) {
      return new Redactor(redact);
    }
    if (spec instanceof PartialMaskSpec partial) {
      return new PartialMasker(partial);
    }
    if (spec instanceof HashSpec hash) {
      return new KeyedHasher(hash, key(hash.key()));
    }
    if (spec instanceof RemoveSpec) {
      return (value, type) -> "";
    }
    if (spec instanceof SuppressSpec) {
      return (value, type) -> null;
    }
    if (spec instanceof PseudonymizeSpec pseudo) {
      return new Pseudonymizer(pseudo, key(pseudo.key()));
    }
    if (spec instanceof TokenizeSpec tokenize) {
      return new Ff1Tokenizer(tokenize, key(tokenize.key()));
    }
    if (spec instanceof EncryptSpec encrypt) {
      return new SivEncryptor(key(encrypt.key()));
    }
    if (spec instanceof GeneralizeSpec generalize) {
      return new Generalizer(generalize);
    }
    if (spec instanceof SubstituteSpec substitute) {
      return new Substituter(substitute, key(substitute.key()));
    }
    if (spec instanceof PerturbSpec perturb) {
      return perturb.kind() == PerturbSpec.Kind.DATE_SHIFT
          ? new DateShifter(perturb, key(perturb.key())) : new NoisePerturber(perturb);
    }
    throw new IllegalArgumentException("Cannot build operator for action " + spec.action());
  }

  /**
   * The key check value of a reversible operator ({@code tokenize}, {@code encrypt}), or null for
   * any other: see {@link ReversibleOperator#checkValue()}.
   */
  public String checkValue(OperatorSpec spec) {
    if (!(spec instanceof TokenizeSpec) && !(spec instanceof EncryptSpec)) {
      return null;
    }
    return ((ReversibleOperator) create(spec)).checkValue();
  }

  /** The key behind a name, for operators and for the audit's fingerprints. */
  public KeyMaterial key(String name) {
    KeySpec spec = keys.get(name);
    if (spec == null) {
      throw new KeyException("Cannot find key '" + name + "' in the policy's keys section");
    }
    return keyProvider.get(spec);
  }
}
