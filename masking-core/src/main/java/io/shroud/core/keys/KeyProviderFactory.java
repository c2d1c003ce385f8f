package io.shroud.core.keys;

import java.io.Serializable;

/**
 * Builds a {@link KeyProvider} where it is needed. Tasks carry this small serializable factory (no
 * secrets, no clients); each executor builds its provider lazily, once per JVM, through
 * {@link CachingKeyProvider#forFactory}. Implementations must have value equality (use records).
 */
public interface KeyProviderFactory extends Serializable {
  KeyProvider create();

  /** Local key files only. */
  record LocalFiles() implements KeyProviderFactory {
    @Override
    public KeyProvider create() {
      return new LocalKeyFileProvider();
    }
  }
}
