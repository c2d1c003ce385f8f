package io.shroud.core.operator;

import io.shroud.core.keys.KeyException;
import io.shroud.core.keys.KeyMaterial;
import io.shroud.core.keys.KeyProvider;
import io.shroud.core.keys.KeySpec;
import java.util.Map;

/** Builds operators from their specs, resolving named keys through a {@link KeyProvider}. */
public final class Operators implements KeyResolver {
  private final Map<String, KeySpec> keys;
  private final KeyProvider keyProvider;

  public Operators(Map<String, KeySpec> keys, KeyProvider keyProvider) {
    this.keys = Map.copyOf(keys);
    this.keyProvider = keyProvider;
  }

  public MaskingOperator create(OperatorSpec spec) {
    return spec.build(this);
  }

  /**
   * The key check value of a reversible operator ({@code tokenize}, {@code encrypt}), or null for
   * any other: see {@link ReversibleOperator#checkValue()}.
   */
  public String checkValue(OperatorSpec spec) {
    if (!spec.reversible()) {
      return null;
    }
    return ((ReversibleOperator) create(spec)).checkValue();
  }

  /** The key behind a name, for operators and for the audit's fingerprints. */
  @Override
  public KeyMaterial key(String name) {
    KeySpec spec = keys.get(name);
    if (spec == null) {
      throw new KeyException("Cannot find key '" + name + "' in the policy's keys section");
    }
    return keyProvider.get(spec);
  }
}
