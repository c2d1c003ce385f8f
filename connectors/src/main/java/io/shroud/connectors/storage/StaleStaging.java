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
import java.util.TreeSet;
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
 * directory is never touched, nor what it keeps beside it while it publishes (the previous output
 * parked, the {@code _SUCCESS} marker held until the output's objects are tagged). {@code .previous}
 * directories of dead runs are reported, never removed: a run that died while publishing leaves the
 * previous output there, and only a person should decide whether to restore it.
 *
 * <p>On S3A the objects are listed by key prefix ({@code .<output>.shroud-staging-}), which a
 * least-privilege role allows; listing the whole parent "directory" would need more.
 */
public final class StaleStaging {
  /** Silence after which a run counts as dead: thirty missed heartbeats. */
  public static final Duration STALE_AFTER = Duration.ofMinutes(30);
  static final String PREVIOUS = ".previous";
  /** A {@code _SUCCESS} marker kept out of a published output until its objects are tagged. */
  static final String HELD_MARKER = "." + OutputPublisher.SUCCESS_MARKER;

  private StaleStaging() {}

  /**
   * What a clean-up found.
   *
   * @param removed names of the staging directories (and leases) of dead runs that were removed
   * @param kept names of {@code .previous} directories left in place for a person to decide
   * @param problemOrNull why the clean-up could not look or finish (it never fails a run), or null
   */
  public record Result(List<String> removed, List<String> kept, String problemOrNull) {
    public static final Result NONE = new Result(List.of(), List.of(), null);

    public Result(List<String> removed, List<String> kept) {
      this(removed, kept, null);
    }

    public boolean isEmpty() {
      return removed.isEmpty() && kept.isEmpty() && problemOrNull == null;
    }
  }

  /**
   * What one run left beside the output.
   *
   * @param entries names directly beside the output (the staging directory, its lease, a .previous)
   * @param lease the lease file, if any
   * @param newest the newest modification time among everything it left (epoch millis)
   */
  record Leftovers(TreeSet<String> entries, Optional<Path> lease, long newest) {
    Leftovers with(String entry, Optional<Path> leaseFile, long modified) {
      TreeSet<String> all = new TreeSet<>(entries);
      all.add(entry);
      return new Leftovers(all, lease.or(() -> leaseFile), Math.max(newest, modified));
    }

    boolean parked() {
      return entries.stream().anyMatch(e -> e.endsWith(PREVIOUS));
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
    Map<String, Leftovers> byRun = fs.getClass().getName().equals("org.apache.hadoop.fs.s3a.S3AFileSystem")
        ? S3aListing.leftovers(fs, parent, prefix) : leftovers(fs, parent, prefix);
    List<String> removed = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (Map.Entry<String, Leftovers> run : byRun.entrySet()) {
      String name = run.getKey();
      Leftovers left = run.getValue();
      if (name.equals(own)) {
        continue;
      }
      Instant lastActivity = left.lease().flatMap(lease -> StagingLease.lastHeartbeat(fs, lease))
          .orElse(Instant.ofEpochMilli(left.newest()));
      if (Duration.between(lastActivity, now).compareTo(staleAfter) <= 0) {
        continue; // a live run: publishing, its previous output parked and its marker held until it commits
      }
      if (left.parked()) {
        kept.add(name + PREVIOUS);
      } else {
        for (String entry : left.entries()) {
          fs.delete(new Path(parent, entry), true);
        }
        removed.add(name);
      }
    }
    return new Result(List.copyOf(removed), List.copyOf(kept));
  }

  /** Through the FileSystem API: the parent's entries with the prefix, and the files inside them. */
  private static Map<String, Leftovers> leftovers(FileSystem fs, Path parent, String prefix) throws IOException {
    FileStatus[] entries;
    try {
      entries = fs.listStatus(parent, p -> p.getName().startsWith(prefix));
    } catch (FileNotFoundException e) {
      return Map.of();
    }
    Map<String, Leftovers> byRun = new TreeMap<>();
    for (FileStatus entry : entries) {
      String name = entry.getPath().getName();
      long newest = entry.getModificationTime();
      if (entry.isDirectory()) {
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(entry.getPath(), true);
        while (files.hasNext()) {
          newest = Math.max(newest, files.next().getModificationTime());
        }
      }
      add(byRun, name, name.endsWith(StagingLease.SUFFIX) ? Optional.of(entry.getPath()) : Optional.empty(), newest);
    }
    return byRun;
  }

  static void add(Map<String, Leftovers> byRun, String entry, Optional<Path> lease, long modified) {
    byRun.merge(runDirectory(entry), new Leftovers(new TreeSet<>(List.of(entry)), lease, modified),
        (a, b) -> a.with(entry, lease, modified));
  }

  /**
   * The staging directory an entry belongs to: itself, or the one its lease, .previous or held
   * {@code ._SUCCESS} marker suffix names.
   */
  static String runDirectory(String name) {
    if (name.endsWith(StagingLease.SUFFIX)) {
      return name.substring(0, name.length() - StagingLease.SUFFIX.length());
    }
    if (name.endsWith(HELD_MARKER)) {
      return name.substring(0, name.length() - HELD_MARKER.length());
    }
    if (name.endsWith(PREVIOUS)) {
      return name.substring(0, name.length() - PREVIOUS.length());
    }
    return name;
  }
}
