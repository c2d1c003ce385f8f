package io.shroud.core.keys;


/** Resolves a key reference from the policy to key material. */
public interface KeyProvider {
  /**
   * @throws KeyException when the key cannot be obtained; the message names the key and the place,
   *     never the material
   */
  KeyMaterial get(KeySpec spec);
}
