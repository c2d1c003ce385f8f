package io.shroud.connectors.comprehend;

import io.shroud.connectors.storage.StorageException;
import io.shroud.core.ShroudException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.comprehend.ComprehendClient;
import software.amazon.awssdk.services.comprehend.model.DetectPiiEntitiesResponse;
import software.amazon.awssdk.services.comprehend.model.PiiEntity;

/**
 * Amazon Comprehend DetectPiiEntities as a remote detector for free-text values: batches texts under
 * the request size limit, maps offsets back to each text in UTF-16 indices, spaces requests to a rate
 * limit, and refuses to send more than a run's character budget (a cost guard). Throttling is retried
 * with backoff by the SDK's retry strategy (configured by the caller's client).
 *
 * <p>Not yet wired into the Spark pipeline; see docs/aws.md.
 */
public final class ComprehendPiiClient {
  /** DetectPiiEntities accepts up to 100 KB of UTF-8 per request. */
  public static final int MAX_REQUEST_BYTES = 100 * 1024;

  private final ComprehendClient client;
  private final String endpointDescription;
  private final String languageCode;
  private final long maxCharacters;
  private final long minNanosBetweenRequests;
  private final TextBatcher batcher;
  private final Sleeper sleeper;
  private long charactersSent;
  private long lastRequestNanos = Long.MIN_VALUE;

  /** Waits between requests; tests replace it. */
  interface Sleeper {
    void sleepNanos(long nanos) throws InterruptedException;

    default long nanoTime() {
      return System.nanoTime();
    }
  }

  /**
   * @param endpointDescription for messages (the endpoint URL or region)
   * @param maxCharacters the run's budget of characters sent to Comprehend (billing is per character)
   * @param requestsPerSecond at most this many requests per second
   */
  public ComprehendPiiClient(ComprehendClient client, String endpointDescription, String languageCode,
      long maxCharacters, double requestsPerSecond) {
    this(client, endpointDescription, languageCode, maxCharacters, requestsPerSecond, MAX_REQUEST_BYTES,
        nanos -> java.util.concurrent.TimeUnit.NANOSECONDS.sleep(nanos));
  }

  ComprehendPiiClient(ComprehendClient client, String endpointDescription, String languageCode, long maxCharacters,
      double requestsPerSecond, int maxRequestBytes, Sleeper sleeper) {
    if (requestsPerSecond <= 0 || maxCharacters <= 0) {
      throw new IllegalArgumentException("requestsPerSecond and maxCharacters must be positive");
    }
    this.client = client;
    this.endpointDescription = endpointDescription;
    this.languageCode = languageCode;
    this.maxCharacters = maxCharacters;
    this.minNanosBetweenRequests = (long) (1_000_000_000L / requestsPerSecond);
    this.batcher = new TextBatcher(maxRequestBytes);
    this.sleeper = sleeper;
  }

  /** The entities in each text (same order as {@code texts}; blank texts have none). */
  public List<List<PiiSpan>> detect(List<String> texts) {
    List<List<PiiSpan>> results = new ArrayList<>();
    texts.forEach(t -> results.add(new ArrayList<>()));
    for (TextBatcher.Batch batch : batcher.batches(texts)) {
      long characters = batch.text().codePointCount(0, batch.text().length());
      if (charactersSent + characters > maxCharacters) {
        throw new ShroudException("Cannot send more text to Amazon Comprehend: this run would exceed its budget of "
            + maxCharacters + " characters (" + charactersSent + " sent); raise the limit or narrow the columns");
      }
      DetectPiiEntitiesResponse response = call(batch.text());
      charactersSent += characters;
      for (PiiEntity entity : response.entities()) {
        place(batch, entity, results);
      }
    }
    return results;
  }

  public long charactersSent() {
    return charactersSent;
  }

  private DetectPiiEntitiesResponse call(String text) {
    pace();
    try {
      return client.detectPiiEntities(r -> r.text(text).languageCode(languageCode));
    } catch (AwsServiceException e) {
      String code = e.awsErrorDetails() == null ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorCode();
      throw new StorageException("Cannot detect PII with Amazon Comprehend at " + endpointDescription + ": " + code
          + " (after retries)", e);
    } catch (SdkClientException e) {
      throw new StorageException("Cannot reach Amazon Comprehend at " + endpointDescription
          + ": the service is unreachable", e);
    }
  }

  private void pace() {
    long now = sleeper.nanoTime();
    if (lastRequestNanos != Long.MIN_VALUE) {
      long wait = lastRequestNanos + minNanosBetweenRequests - now;
      if (wait > 0) {
        try {
          sleeper.sleepNanos(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ShroudException("Cannot detect PII with Amazon Comprehend: interrupted");
        }
        now += wait;
      }
    }
    lastRequestNanos = now;
  }

  /** Maps an entity's code point offsets in the batch to UTF-16 indices in its own text. */
  private static void place(TextBatcher.Batch batch, PiiEntity entity, List<List<PiiSpan>> results) {
    int begin = TextBatcher.utf16Index(batch.text(), entity.beginOffset());
    int end = TextBatcher.utf16Index(batch.text(), entity.endOffset());
    for (TextBatcher.Piece piece : batch.pieces()) {
      int pieceEnd = piece.batchStart() + piece.length();
      if (begin >= piece.batchStart() && begin < pieceEnd) {
        int clippedEnd = Math.min(end, pieceEnd); // never across the separator into the next text
        results.get(piece.textIndex()).add(new PiiSpan(entity.typeAsString(),
            entity.score() == null ? 0f : entity.score(), begin - piece.batchStart() + piece.textOffset(),
            clippedEnd - piece.batchStart() + piece.textOffset()));
        return;
      }
    }
  }
}
