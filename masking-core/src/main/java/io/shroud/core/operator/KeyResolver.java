package io.shroud.core.operator;

import io.shroud.core.keys.KeyMaterial;

/** Key material by the name a policy gives the key (see {@link Operators#key}). */
@FunctionalInterface
public interface KeyResolver {
  KeyMaterial key(String name);
}
