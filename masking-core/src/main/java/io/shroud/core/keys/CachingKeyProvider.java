package io.shroud.core.keys;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches each key once per JVM. On Spark executors this is how keys arrive: tasks carry only the
 * key's reference and each executor resolves it here, so key bytes never travel in a task.
 */
public final class CachingKeyProvider implements KeyProvider {
  private static final Map<KeyProviderFactory, CachingKeyProvider> BY_FACTORY = new ConcurrentHashMap<>();

  private final KeyProvider delegate;
  private final Map<KeySpec, KeyMaterial> cache = new ConcurrentHashMap<>();

  public CachingKeyProvider(KeyProvider delegate) {
    this.delegate = delegate;
  }

  /** The JVM-wide provider for local key files. */
  public static CachingKeyProvider shared() {
    return forFactory(new KeyProviderFactory.LocalFiles());
  }

  /** The JVM-wide caching provider built by a factory (one per factory configuration). */
  public static CachingKeyProvider forFactory(KeyProviderFactory factory) {
    return BY_FACTORY.computeIfAbsent(factory, f -> new CachingKeyProvider(f.create()));
  }

  @Override
  public KeyMaterial get(KeySpec spec) {
    return cache.computeIfAbsent(spec, delegate::get);
  }
}
