package io.shroud.connectors.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shroud.connectors.s3.S3Failures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A running job's claim on its staging directory: a small file beside it
 * ({@code .<output>.shroud-staging-<run>.lease}) holding the run id and the time of its last
 * heartbeat, rewritten every {@link #HEARTBEAT} while the job runs. A run that finds another run's
 * lease older than {@link StaleStaging#STALE_AFTER} knows that run is dead (a crashed or killed
 * driver stops rewriting it). Written before Spark creates the staging directory, deleted when the
 * run publishes or aborts.
 */
public final class StagingLease implements AutoCloseable {
  /** How often a live run rewrites its lease. */
  public static final Duration HEARTBEAT = Duration.ofMinutes(1);
  static final String SUFFIX = ".lease";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FileSystem fs;
  private final Path file;
  private final String runId;
  private final Clock clock;
  private final ScheduledExecutorService timer;

  private StagingLease(FileSystem fs, Path file, String runId, Clock clock, ScheduledExecutorService timer) {
    this.fs = fs;
    this.file = file;
    this.runId = runId;
    this.clock = clock;
    this.timer = timer;
  }

  /** Writes the lease beside {@code staging} and keeps it fresh until {@link #close()}. */
  static StagingLease hold(Configuration conf, Path staging, String runId, Duration heartbeat, Clock clock) {
    Path file = new Path(staging.getParent(), staging.getName() + SUFFIX);
    FileSystem fs;
    try {
      // A private instance: no checksum side files, and no settings leak into Spark's cached one.
      fs = FileSystem.newInstance(file.toUri(), conf);
      fs.setWriteChecksum(false);
    } catch (IOException e) {
      throw new StorageException("Cannot write staging lease " + file + ": " + e.getMessage(), e);
    }
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "shroud-staging-lease");
      t.setDaemon(true);
      return t;
    });
    StagingLease lease = new StagingLease(fs, file, runId, clock, timer);
    lease.write();
    long millis = heartbeat.toMillis();
    timer.scheduleAtFixedRate(lease::refresh, millis, millis, TimeUnit.MILLISECONDS);
    return lease;
  }

  private void write() {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("runId", runId);
    content.put("updatedAt", clock.instant().toString());
    content.put("host", host());
    try (OutputStream out = fs.create(file, true)) {
      out.write(JSON.writeValueAsBytes(content));
    } catch (IOException e) {
      // On S3 the same refusal would stop the data write a moment later: say it the same way.
      throw S3Failures.describe(e).isPresent() ? S3Failures.explain(e, String.valueOf(file.toUri().getAuthority()))
          : new StorageException("Cannot write staging lease " + file + ": " + e.getMessage(), e);
    }
  }

  /** A missed heartbeat is retried at the next one; only a run silent for the stale period loses its claim. */
  private void refresh() {
    try {
      write();
    } catch (RuntimeException e) {
      // Keep the timer alive: a later heartbeat may succeed.
    }
  }

  /** Stops the heartbeat and removes the lease. Never throws. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      fs.delete(file, false);
      fs.close();
    } catch (IOException | RuntimeException e) {
      // A leftover lease goes stale and is removed by a later run.
    }
  }

  /** The last heartbeat a lease file records, if it can be read. */
  static Optional<Instant> lastHeartbeat(FileSystem fs, Path lease) {
    try (InputStream in = fs.open(lease)) {
      JsonNode node = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      JsonNode updated = node == null ? null : node.get("updatedAt");
      return updated == null ? Optional.empty() : Optional.of(Instant.parse(updated.asText()));
    } catch (IOException | RuntimeException e) { // unreadable or not ours (a DateTimeParseException too)
      return Optional.empty();
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
