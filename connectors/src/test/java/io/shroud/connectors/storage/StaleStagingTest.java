package io.shroud.connectors.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.policy.WriteMode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staging directories of dead runs are removed, live runs' and parked previous outputs are kept. */
class StaleStagingTest {
  private static final Instant NOW = Instant.now();
  private static final Instant TWO_HOURS_AGO = NOW.minus(Duration.ofHours(2));

  @TempDir Path tmp;

  private Path stagingDir(String run) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(".out.shroud-staging-" + run));
    Files.writeString(dir.resolve("part-00000.csv"), "masked,values\n");
    return dir;
  }

  private void lease(String run, Instant updatedAt) throws IOException {
    Files.writeString(tmp.resolve(".out.shroud-staging-" + run + ".lease"),
        "{\"runId\":\"" + run + "\",\"updatedAt\":\"" + updatedAt + "\",\"host\":\"h\"}");
  }

  private static void age(Path dir, Instant when) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.toList()) {
        Files.setLastModifiedTime(p, FileTime.from(when));
      }
    }
  }

  @Test
  void removesDeadRunsOnlyAndSaysWhat() throws IOException {
    stagingDir("A-dead");
    lease("A-dead", TWO_HOURS_AGO);
    stagingDir("B-live");
    lease("B-live", NOW.minus(Duration.ofMinutes(2)));
    age(stagingDir("C-no-lease-old"), TWO_HOURS_AGO);
    stagingDir("D-no-lease-recent");
    lease("E-lease-only", TWO_HOURS_AGO);
    Files.createDirectories(tmp.resolve(".out.shroud-staging-F.previous"));
    lease("F", TWO_HOURS_AGO);
    Files.createDirectories(tmp.resolve(".other.shroud-staging-G"));
    Files.createDirectories(tmp.resolve(".out.shroud-staging-OWN"));

    FileSystem fs = FileSystem.getLocal(new Configuration());
    StaleStaging.Result result = StaleStaging.clean(fs, fs.makeQualified(
        new org.apache.hadoop.fs.Path(tmp.toString(), ".out.shroud-staging-OWN")), NOW, StaleStaging.STALE_AFTER);

    assertThat(result.removed()).containsExactly(".out.shroud-staging-A-dead", ".out.shroud-staging-C-no-lease-old",
        ".out.shroud-staging-E-lease-only");
    assertThat(result.kept()).containsExactly(".out.shroud-staging-F.previous");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          ".out.shroud-staging-B-live", ".out.shroud-staging-B-live.lease", ".out.shroud-staging-D-no-lease-recent",
          ".out.shroud-staging-F.previous", ".out.shroud-staging-F.lease", ".other.shroud-staging-G",
          ".out.shroud-staging-OWN");
    }
  }

  @Test
  void aRunStillPublishingKeepsItsParkedOutputAndHeldMarker() throws IOException {
    // Publishing to S3 parks the previous output and holds the _SUCCESS marker beside the output while
    // the new objects are tagged; the run's lease says it is alive until it commits or rolls back.
    Files.createDirectories(tmp.resolve(".out.shroud-staging-P.previous"));
    age(tmp.resolve(".out.shroud-staging-P.previous"), TWO_HOURS_AGO);
    Files.writeString(tmp.resolve(".out.shroud-staging-P._SUCCESS"), "");
    age(tmp.resolve(".out.shroud-staging-P._SUCCESS"), TWO_HOURS_AGO);
    lease("P", NOW.minus(Duration.ofMinutes(1)));
    Files.writeString(tmp.resolve(".out.shroud-staging-Q._SUCCESS"), "");
    lease("Q", TWO_HOURS_AGO);

    FileSystem fs = FileSystem.getLocal(new Configuration());
    StaleStaging.Result result = StaleStaging.clean(fs, fs.makeQualified(
        new org.apache.hadoop.fs.Path(tmp.toString(), ".out.shroud-staging-OWN")), NOW, StaleStaging.STALE_AFTER);

    assertThat(result.removed()).containsExactly(".out.shroud-staging-Q");
    assertThat(result.kept()).isEmpty();
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          ".out.shroud-staging-P.previous", ".out.shroud-staging-P._SUCCESS", ".out.shroud-staging-P.lease");
    }
  }

  @Test
  void aPublicationHoldsTheLeaseUntilItCommitsOrRollsBack() throws IOException {
    Path out = tmp.resolve("out");
    Path lease = tmp.resolve(".out.shroud-staging-R4.lease");
    OutputPublisher committed = new OutputPublisher(new Configuration(), out.toString(), WriteMode.ERROR_IF_EXISTS, "R4");
    committed.holdLease();
    Files.createDirectories(Path.of(URI.create(committed.stagingLocation())));
    OutputPublisher.Publication publication = committed.publish(true);
    assertThat(out).isDirectory();
    assertThat(lease).exists();
    publication.commit();
    assertThat(lease).doesNotExist();

    Path out2 = tmp.resolve("out2");
    OutputPublisher rolledBack = new OutputPublisher(new Configuration(), out2.toString(), WriteMode.ERROR_IF_EXISTS,
        "R5");
    rolledBack.holdLease();
    Files.createDirectories(Path.of(URI.create(rolledBack.stagingLocation())));
    OutputPublisher.Publication withdrawn = rolledBack.publish(true);
    assertThat(tmp.resolve(".out2.shroud-staging-R5.lease")).exists();
    withdrawn.rollback();
    assertThat(out2).doesNotExist();
    assertThat(tmp.resolve(".out2.shroud-staging-R5.lease")).doesNotExist();
  }

  @Test
  void nothingBesideAnOutputWhoseParentDoesNotExistYet() {
    OutputPublisher publisher = new OutputPublisher(new Configuration(), tmp.resolve("new/dir/out").toString(),
        WriteMode.ERROR_IF_EXISTS, "R1");
    assertThat(publisher.removeStaleStaging().isEmpty()).isTrue();
  }

  @Test
  void aLiveRunKeepsItsLeaseFreshAndRemovesItWhenItEnds() throws Exception {
    FileSystem fs = FileSystem.getLocal(new Configuration());
    org.apache.hadoop.fs.Path staging = fs.makeQualified(new org.apache.hadoop.fs.Path(tmp.toString(), ".out.shroud-staging-R1"));
    Path leaseFile = tmp.resolve(".out.shroud-staging-R1.lease");
    try (StagingLease lease = StagingLease.hold(new Configuration(), staging, "R1", Duration.ofMillis(400), Clock.systemUTC())) {
      Instant first = StagingLease.lastHeartbeat(fs, new org.apache.hadoop.fs.Path(leaseFile.toString())).orElseThrow();
      assertThat(Files.readString(leaseFile)).contains("\"runId\":\"R1\"");
      Instant later = first;
      for (int i = 0; i < 200 && !later.isAfter(first); i++) {
        Thread.sleep(25); // a read during a rewrite may find no content: lastHeartbeat is then empty
        later = StagingLease.lastHeartbeat(fs, new org.apache.hadoop.fs.Path(leaseFile.toString())).orElse(first);
      }
      assertThat(later).as("heartbeat rewrote the lease").isAfter(first);
      assertThat(tmp.resolve(".out.shroud-staging-R1.lease.crc")).doesNotExist();
    }
    assertThat(leaseFile).doesNotExist();
  }

  @Test
  void publishAndAbortReleaseTheLease() throws IOException {
    Path out = tmp.resolve("out");
    OutputPublisher publisher = new OutputPublisher(new Configuration(), out.toString(), WriteMode.ERROR_IF_EXISTS, "R2");
    publisher.holdLease();
    assertThat(tmp.resolve(".out.shroud-staging-R2.lease")).exists();
    Files.createDirectories(Path.of(URI.create(publisher.stagingLocation())));
    publisher.publish();
    assertThat(out).isDirectory();
    assertThat(tmp.resolve(".out.shroud-staging-R2.lease")).doesNotExist();

    OutputPublisher failed = new OutputPublisher(new Configuration(), tmp.resolve("out2").toString(),
        WriteMode.ERROR_IF_EXISTS, "R3");
    failed.holdLease();
    failed.abort();
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("out");
    }
  }
}
