package io.shroud.connectors.s3;

import io.shroud.connectors.aws.AwsSettings;
import io.shroud.connectors.storage.StorageException;
import io.shroud.core.policy.S3Paths;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Tags S3 objects through the SDK: S3A cannot tag as it writes. {@code PutObjectTagging} replaces an
 * object's whole tag set, so objects Shroud has just written get the run's set as it is, and objects
 * with tags of their own (the input) are read first and merged ({@link InputTagging}).
 *
 * <p>At most {@link #CONCURRENCY} calls run at once; throttling ({@code 503 SlowDown}) and 5xx answers
 * are retried by the SDK's standard strategy with exponential backoff, up to {@link #MAX_ATTEMPTS}
 * attempts per object.
 */
public final class S3ObjectTagger implements AutoCloseable {
  public static final int CONCURRENCY = 8;
  public static final int MAX_ATTEMPTS = 8;
  private final S3Client s3;
  private final int concurrency;
  private final ExecutorService pool;

  /** A client from the policy's region and S3 endpoint, credentials from the default chain. */
  public S3ObjectTagger(AwsSettings aws) {
    this(client(aws, retries(Duration.ofMillis(100), Duration.ofSeconds(20))), CONCURRENCY);
  }

  S3ObjectTagger(S3Client s3, int concurrency) {
    this.s3 = s3;
    this.concurrency = concurrency;
    AtomicInteger threads = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(concurrency, r -> {
      Thread t = new Thread(r, "shroud-tagging-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * The SDK's standard retries (throttling and 5xx), with more attempts than its default of 3 and without
   * its circuit breaker: a run tags thousands of objects, and one object given up after a burst of
   * throttling elsewhere would fail the whole run.
   */
  static RetryStrategy retries(Duration base, Duration max) {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS)
        .backoffStrategy(BackoffStrategy.exponentialDelay(base, max))
        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(base.multipliedBy(5), max))
        .circuitBreakerEnabled(false).build();
  }

  static S3Client client(AwsSettings aws, RetryStrategy retries) {
    var builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(DefaultCredentialsProvider.builder().build())
        .forcePathStyle(aws.s3().pathStyleAccess())
        .overrideConfiguration(c -> c.retryStrategy(retries));
    aws.region().map(Region::of).ifPresent(builder::region);
    aws.s3().endpoint().ifPresent(e -> builder.endpointOverride(URI.create(e)));
    return builder.build();
  }

  /** Tags every object under a directory path ({@code s3a://bucket/prefix}); returns how many it tagged. */
  public int tagTree(String directory, Map<String, String> tags) {
    String bucket = S3Paths.bucketOf(directory);
    String key = S3Paths.keyOf(directory);
    List<String> keys = new ArrayList<>();
    try {
      s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(key.isEmpty() ? "" : key + "/")).contents().stream()
          .map(S3Object::key).forEach(keys::add);
    } catch (RuntimeException e) {
      throw new StorageException("Cannot tag the objects under " + directory + ": listing them failed: "
          + S3Failures.describe(e).orElse(e.getClass().getSimpleName()), e);
    }
    List<String> failures = forEach(keys, k -> {
      put(bucket, k, tags);
      return null;
    });
    if (!failures.isEmpty()) {
      throw new StorageException("Cannot tag " + failures.size() + " of " + keys.size() + " object(s) under " + directory
          + ": " + failures.get(0) + (failures.size() > 1 ? " (and " + (failures.size() - 1) + " more)" : ""));
    }
    return keys.size();
  }

  /** Tags one object ({@code s3a://bucket/key}). */
  public void tagObject(String location, Map<String, String> tags) {
    try {
      put(S3Paths.bucketOf(location), S3Paths.keyOf(location), tags);
    } catch (RuntimeException e) {
      throw new StorageException("Cannot tag " + location + ": " + S3Failures.describe(e).orElse(e.getClass().getSimpleName()), e);
    }
  }

  S3Client s3() {
    return s3;
  }

  void put(String bucket, String key, Map<String, String> tags) {
    List<Tag> set = tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
    s3.putObjectTagging(b -> b.bucket(bucket).key(key).tagging(t -> t.tagSet(set)));
  }

  /**
   * Runs {@code call} on each item, {@link #CONCURRENCY} at a time; returns one line per failure
   * ({@code KEY: AWS error}), in item order.
   */
  <T> List<String> forEach(List<T> items, Function<T, Void> call) {
    List<Future<Void>> futures = new ArrayList<>();
    for (T item : items) {
      futures.add(pool.submit(() -> call.apply(item)));
    }
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < futures.size(); i++) {
      try {
        futures.get(i).get();
      } catch (ExecutionException e) {
        failures.add(items.get(i) + ": " + S3Failures.describe(e.getCause()).orElse(e.getCause().getClass().getSimpleName()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        futures.forEach(f -> f.cancel(true));
        throw new StorageException("Cannot tag objects: interrupted", e);
      }
    }
    return failures;
  }

  int concurrency() {
    return concurrency;
  }

  @Override
  public void close() {
    pool.shutdownNow();
    s3.close();
  }
}
