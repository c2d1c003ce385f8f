package io.shroud.connectors.comprehend;

import io.shroud.core.ShroudException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cost guard and rate limit, per executor JVM and run: characters sent so far against
 * {@code maxCharacters}, and a minimum interval between requests.
 */
final class ComprehendBudget {
  private static final Map<String, ComprehendBudget> BY_RUN = new ConcurrentHashMap<>();

  private final long maxCharacters;
  private final long intervalNanos;
  private final AtomicLong sent = new AtomicLong();
  private long nextRequestAt;

  private ComprehendBudget(long maxCharacters, double requestsPerSecond) {
    this.maxCharacters = maxCharacters;
    this.intervalNanos = (long) (1_000_000_000L / requestsPerSecond);
  }

  static ComprehendBudget forRun(String runId, long maxCharacters, double requestsPerSecond) {
    return BY_RUN.computeIfAbsent(runId, k -> new ComprehendBudget(maxCharacters, requestsPerSecond));
  }

  long sent() {
    return sent.get();
  }

  /** Reserves {@code characters} and waits for the next request slot; fails the run past the limit. */
  void acquire(long characters) {
    long total = sent.addAndGet(characters);
    if (total > maxCharacters) {
      throw new ShroudException("Cannot send more text to Amazon Comprehend: this run reached its cost limit "
          + "detection.comprehend.maxCharacters=" + maxCharacters + " (per executor); nothing was published");
    }
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long slot = Math.max(now, nextRequestAt);
      nextRequestAt = slot + intervalNanos;
      wait = slot - now;
    }
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ShroudException("Cannot wait for a Comprehend request slot: interrupted");
      }
    }
  }
}
