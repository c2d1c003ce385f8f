package io.shroud.connectors.storage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Removes the staging directories that dead runs left beside an output
 * ({@code .<output>.shroud-staging-<run>}, holding masked part files). A run is dead when its lease's
 * last heartbeat (see {@link StagingLease}) is older than {@link #STALE_AFTER}; a staging directory
 * without a lease (a Shroud that predates leases) counts by its newest file. A live concurrent run's
 * directory is never touched. {@code .previous} directories (an old output parked while a run
 * replaced it) are never removed: a run that died between the two renames leaves the previous
 * output there, and only a person should decide whether to restore it.
 */
public final class StaleStaging {
  /** Silence after which a run counts as dead: thirty missed heartbeats. */
  public static final Duration STALE_AFTER = Duration.ofMinutes(30);
  private static final String PREVIOUS = ".previous";

  private StaleStaging() {}

  /**
   * What a clean-up found.
   *
   * @param removed names of the staging directories (and leases) of dead runs that were removed
   * @param kept names of {@code .previous} directories left in place for a person to decide
   */
  public record Result(List<String> removed, List<String> kept) {
    public static final Result NONE = new Result(List.of(), List.of());

    public boolean isEmpty() {
      return removed.isEmpty() && kept.isEmpty();
    }
  }

  /**
   * @param ownStaging this run's staging directory (skipped)
   * @param now the current time
   */
  static Result clean(FileSystem fs, Path ownStaging, Instant now, Duration staleAfter) throws IOException {
    Path parent = ownStaging.getParent();
    String own = ownStaging.getName();
    String prefix = own.substring(0, own.indexOf(".shroud-staging-") + ".shroud-staging-".length());
    FileStatus[] entries;
    try {
      entries = fs.listStatus(parent, p -> p.getName().startsWith(prefix));
    } catch (FileNotFoundException e) {
      return Result.NONE;
    }
    Map<String, List<FileStatus>> byRun = new TreeMap<>();
    for (FileStatus entry : entries) {
      byRun.computeIfAbsent(runDirectory(entry.getPath().getName()), k -> new ArrayList<>()).add(entry);
    }
    List<String> removed = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (Map.Entry<String, List<FileStatus>> run : byRun.entrySet()) {
      String name = run.getKey();
      if (name.equals(own)) {
        continue;
      }
      if (run.getValue().stream().anyMatch(s -> s.getPath().getName().endsWith(PREVIOUS))) {
        kept.add(name + PREVIOUS);
        continue;
      }
      Instant lastActivity = lastActivity(fs, parent, name, run.getValue());
      if (Duration.between(lastActivity, now).compareTo(staleAfter) > 0) {
        for (FileStatus entry : run.getValue()) {
          fs.delete(entry.getPath(), true);
        }
        removed.add(name);
      }
    }
    return new Result(List.copyOf(removed), List.copyOf(kept));
  }

  /** The staging directory an entry belongs to: itself, or the one its lease or .previous suffix names. */
  private static String runDirectory(String name) {
    if (name.endsWith(StagingLease.SUFFIX)) {
      return name.substring(0, name.length() - StagingLease.SUFFIX.length());
    }
    if (name.endsWith(PREVIOUS)) {
      return name.substring(0, name.length() - PREVIOUS.length());
    }
    return name;
  }

  /** The lease's last heartbeat; without a readable lease, the newest modification under the directory. */
  private static Instant lastActivity(FileSystem fs, Path parent, String name, List<FileStatus> entries)
      throws IOException {
    Optional<Instant> heartbeat = entries.stream().filter(s -> s.getPath().getName().endsWith(StagingLease.SUFFIX))
        .findFirst().flatMap(lease -> StagingLease.lastHeartbeat(fs, lease.getPath()));
    if (heartbeat.isPresent()) {
      return heartbeat.get();
    }
    long newest = 0;
    for (FileStatus entry : entries) {
      newest = Math.max(newest, entry.getModificationTime());
      if (entry.isDirectory()) {
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(new Path(parent, name), true);
        while (files.hasNext()) {
          newest = Math.max(newest, files.next().getModificationTime());
        }
      }
    }
    return Instant.ofEpochMilli(newest);
  }
}
