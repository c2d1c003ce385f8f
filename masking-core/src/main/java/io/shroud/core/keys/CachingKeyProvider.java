package io.shroud.core.keys;

import io.shroud.core.policy.KeySpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches each key once per JVM. On Spark executors this is how keys arrive: tasks carry only the
 * key's reference and each executor resolves it here, so key bytes never travel in a task.
 */
public final class CachingKeyProvider implements KeyProvider {
  private static final CachingKeyProvider SHARED = new CachingKeyProvider(new LocalKeyFileProvider());

  private final KeyProvider delegate;
  private final Map<KeySpec, KeyMaterial> cache = new ConcurrentHashMap<>();

  public CachingKeyProvider(KeyProvider delegate) {
    this.delegate = delegate;
  }

  /** The JVM-wide provider for the built-in key sources. */
  public static CachingKeyProvider shared() {
    return SHARED;
  }

  @Override
  public KeyMaterial get(KeySpec spec) {
    return cache.computeIfAbsent(spec, delegate::get);
  }
}
