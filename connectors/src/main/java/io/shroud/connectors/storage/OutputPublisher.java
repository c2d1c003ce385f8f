package io.shroud.connectors.storage;

import io.shroud.core.UsageException;
import io.shroud.core.policy.WriteMode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Makes an output appear all at once or not at all. The job writes into a hidden staging directory
 * beside the target (through Spark's committer); {@link #publish()} renames it into place. A failed
 * run calls {@link #abort()} and leaves no partial output and the previous output, if any, intact.
 *
 * <p>Rename is atomic on local and HDFS file systems. On S3 a directory rename is a copy; there the
 * staging directory still keeps readers from seeing a half-written output under the final name.
 *
 * <p>While the job writes, a {@link StagingLease} beside the staging directory says the run is alive;
 * {@link #removeStaleStaging()} removes what dead runs left (see {@link StaleStaging}).
 */
public final class OutputPublisher {
  /** The marker Hadoop's committers write into a completed output directory. */
  public static final String SUCCESS_MARKER = "_SUCCESS";
  private final Configuration conf;
  private final Path target;
  private final Path staging;
  private final WriteMode mode;
  private final FileSystem fs;
  private final String runId;
  private StagingLease lease;

  public OutputPublisher(Configuration conf, String location, WriteMode mode, String runId) {
    this.conf = conf;
    this.target = new Path(location);
    this.mode = mode;
    this.runId = runId;
    try {
      this.fs = target.getFileSystem(conf);
    } catch (IOException e) {
      throw new StorageException("Cannot open file system for output " + location + ": " + e.getMessage(), e);
    }
    Path qualified = fs.makeQualified(target);
    Path parent = qualified.getParent();
    if (parent == null) {
      throw new UsageException("Cannot write output " + location + ": it is a file-system root");
    }
    this.staging = new Path(parent, "." + qualified.getName() + ".shroud-staging-" + runId);
  }

  /** Refuses an existing output unless overwriting was asked for. Call before any work starts. */
  public void checkTarget() {
    try {
      if (fs.exists(target) && mode != WriteMode.OVERWRITE) {
        throw new UsageException("Cannot write output " + target
            + ": it already exists; pass --overwrite or set output.mode: overwrite to replace it");
      }
    } catch (IOException e) {
      throw new StorageException("Cannot check output " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * Removes the staging directories of dead runs beside the output (a crashed or killed run leaves
   * masked part files there). Call before {@link #holdLease()}; a live run's directory is kept.
   * Housekeeping never fails a run: a listing or deletion the store refuses is reported in the result.
   */
  public StaleStaging.Result removeStaleStaging() {
    try {
      return StaleStaging.clean(fs, fs.makeQualified(staging), Instant.now(), StaleStaging.STALE_AFTER);
    } catch (IOException | RuntimeException e) {
      String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()));
      return new StaleStaging.Result(List.of(), List.of(), reason);
    }
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /**
   * Claims the staging directory for this run until {@link #publish()}, the commit or rollback of
   * {@link #publish(boolean)}, or {@link #abort()}.
   */
  public void holdLease() {
    if (lease == null) {
      lease = StagingLease.hold(conf, fs.makeQualified(staging), runId, StagingLease.HEARTBEAT,
          Clock.systemUTC());
    }
  }

  /** Where Spark should write. */
  public String stagingLocation() {
    return staging.toString();
  }

  /** Moves the staged output into place, replacing the old output only when overwriting. */
  public void publish() {
    publish(false).commit();
  }

  /**
   * Moves the staged output into place. The previous output (when overwriting) is kept aside until
   * {@link Publication#commit()}, so that work on the published objects (tagging them) can still fail
   * and be rolled back. With {@code holdMarker}, the committer's {@code _SUCCESS} marker stays out
   * until the commit: readers that wait for it find the output complete.
   */
  public Publication publish(boolean holdMarker) {
    Path backup = null;
    Path heldMarker = null;
    try {
      if (fs.exists(target)) {
        if (mode != WriteMode.OVERWRITE) {
          throw new UsageException("Cannot write output " + target + ": it appeared while the job ran");
        }
        backup = new Path(staging.getParent(), staging.getName() + ".previous");
        rename(target, backup);
      }
      Path marker = new Path(staging, SUCCESS_MARKER);
      if (holdMarker && fs.exists(marker)) {
        heldMarker = new Path(staging.getParent(), staging.getName() + "." + SUCCESS_MARKER);
        rename(marker, heldMarker);
      }
      Path parent = target.getParent();
      if (parent != null) {
        fs.mkdirs(parent);
      }
      rename(staging, target);
      return new Publication(backup, heldMarker);
    } catch (IOException e) {
      restore(backup);
      throw new StorageException("Cannot publish output " + target + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      restore(backup);
      throw e;
    }
  }

  /** An output moved into place, not yet final. */
  public final class Publication {
    private final Path backupOrNull;
    private final Path heldMarkerOrNull;
    private String markerPlaced;

    private Publication(Path backupOrNull, Path heldMarkerOrNull) {
      this.backupOrNull = backupOrNull;
      this.heldMarkerOrNull = heldMarkerOrNull;
    }

    /**
     * Puts the held marker into the output and returns its location (empty when none was held). The
     * publication can still be rolled back.
     */
    public Optional<String> placeMarker() {
      if (heldMarkerOrNull == null || markerPlaced != null) {
        return Optional.ofNullable(markerPlaced);
      }
      try {
        Path placed = new Path(target, SUCCESS_MARKER);
        rename(heldMarkerOrNull, placed);
        markerPlaced = fs.makeQualified(placed).toString();
        return Optional.of(markerPlaced);
      } catch (IOException e) {
        throw new StorageException("Cannot publish output " + target + ": " + e.getMessage(), e);
      }
    }

    /**
     * Places the marker if it is still held and drops the previous output: the publication is final.
     * The run's staging lease is held until here, so that no other run takes the parked previous output
     * or the held marker for a dead run's leftovers.
     */
    public void commit() {
      try {
        placeMarker();
        if (backupOrNull != null) {
          fs.delete(backupOrNull, true);
        }
      } catch (IOException e) {
        throw new StorageException("Cannot remove the previous output of " + target + ": " + e.getMessage(), e);
      } finally {
        releaseLease();
      }
    }

    /** Removes the new output and puts the previous one back. Never throws. */
    public void rollback() {
      try {
        fs.delete(target, true);
        if (heldMarkerOrNull != null) {
          fs.delete(heldMarkerOrNull, false);
        }
      } catch (IOException | RuntimeException e) {
        // Best effort, as for abort(): the run fails either way and says so.
      }
      restore(backupOrNull);
      releaseLease();
    }
  }

  /** Puts a kept-aside previous output back in place. Never throws. */
  private void restore(Path backupOrNull) {
    if (backupOrNull == null) {
      return;
    }
    try {
      if (!fs.exists(target)) {
        fs.rename(backupOrNull, target);
      }
    } catch (IOException | RuntimeException e) {
      // Best effort: the backup keeps the previous output under its hidden name.
    }
  }

  /** Removes the staging directory after a failure. Never throws. */
  public void abort() {
    try {
      fs.delete(staging, true);
    } catch (IOException | RuntimeException e) {
      // Best effort: a leftover staging directory is named after the run, and a later run removes it
      // once this run's lease has gone stale.
    }
    releaseLease();
  }

  private void releaseLease() {
    if (lease != null) {
      lease.close();
      lease = null;
    }
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("rename of " + from + " to " + to + " was refused");
    }
  }

  Configuration conf() {
    return conf;
  }
}
