package io.shroud.jobs.sanitize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shroud.connectors.AwsPolicyExtensions;
import io.shroud.connectors.storage.OutputPublisher;
import io.shroud.connectors.storage.StorageException;
import io.shroud.core.audit.ObjectTagsAudit;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.PolicyOverrides;
import io.shroud.core.policy.WriteMode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order a file output is published in: output in place, every object tagged, then the marker; a tagging
 * failure takes the new output away and puts the previous one back. On the local file system, with the
 * S3 calls replaced by recorders.
 */
class PublishWithTagsTest {
  @TempDir Path tmp;

  /** Behaves as for an S3 output, recording (or failing) the tagging calls instead of making them. */
  final class RecordingStage extends ObjectTagStage {
    final List<String> calls = new ArrayList<>();
    final boolean fail;

    RecordingStage(boolean fail) {
      super(policy(), new RunInfo("r2", Instant.now(), "sanitize"), tmp.resolve("out_audit").toString());
      this.fail = fail;
    }

    @Override
    boolean outputOnS3() {
      return true;
    }

    @Override
    void tagOutput() {
      calls.add("tagOutput, marker present: " + Files.exists(tmp.resolve("out/_SUCCESS")));
      if (fail) {
        throw new StorageException("Cannot tag 1 of 2 object(s) under s3a://clean/out: part-00000.csv: AccessDenied");
      }
    }

    @Override
    void tagMarker(Optional<String> marker) {
      calls.add("tagMarker " + marker.map(m -> m.substring(m.lastIndexOf('/') + 1)).orElse("none"));
    }
  }

  Policy policy() {
    return AwsPolicyExtensions.parser().parse("input: { path: in.csv }\noutput: { path: " + tmp.resolve("out") + " }\n", "p.yaml",
        PolicyOverrides.NONE);
  }

  OutputPublisher staged(WriteMode mode, String run) throws IOException {
    OutputPublisher publisher = new OutputPublisher(new Configuration(), tmp.resolve("out").toString(), mode, run);
    Path staging = Path.of(URI.create(publisher.stagingLocation()));
    Files.createDirectories(staging);
    Files.writeString(staging.resolve("part-00000.csv"), "id\n" + run + "\n");
    Files.writeString(staging.resolve(OutputPublisher.SUCCESS_MARKER), "");
    return publisher;
  }

  @Test
  void objectsAreTaggedBeforeTheMarkerArrives() throws IOException {
    RecordingStage stage = new RecordingStage(false);
    FileTarget.publish(staged(WriteMode.ERROR_IF_EXISTS, "r1"), stage);
    assertThat(stage.calls).containsExactly("tagOutput, marker present: false", "tagMarker _SUCCESS");
    assertThat(tmp.resolve("out/_SUCCESS")).exists();
  }

  @Test
  void aTaggingFailureWithdrawsTheOutputAndRestoresThePreviousOne() throws IOException {
    staged(WriteMode.ERROR_IF_EXISTS, "r1").publish();
    RecordingStage stage = new RecordingStage(true);
    assertThatThrownBy(() -> FileTarget.publish(staged(WriteMode.OVERWRITE, "r2"), stage))
        .isInstanceOf(StorageException.class).hasMessageStartingWith("Cannot tag 1 of 2 object(s)");
    assertThat(Files.readString(tmp.resolve("out/part-00000.csv"))).isEqualTo("id\nr1\n");
    try (var left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("out");
    }
    assertThat(stage.toAudit().output()).isEqualTo(ObjectTagsAudit.Placement.notPublished());
  }
}
