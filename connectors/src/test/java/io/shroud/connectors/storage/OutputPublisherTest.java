package io.shroud.connectors.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.policy.WriteMode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing a staged output on the local file system: marker held back, commit, rollback. */
class OutputPublisherTest {
  @TempDir Path tmp;

  OutputPublisher staged(WriteMode mode, String run) throws IOException {
    OutputPublisher publisher = new OutputPublisher(new Configuration(), tmp.resolve("out").toString(), mode, run);
    Path staging = Path.of(URI.create(publisher.stagingLocation()));
    Files.createDirectories(staging);
    Files.writeString(staging.resolve("part-00000.csv"), "id\n" + run + "\n");
    Files.writeString(staging.resolve(OutputPublisher.SUCCESS_MARKER), "");
    return publisher;
  }

  static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theMarkerArrivesOnlyAtCommit() throws IOException {
    OutputPublisher publisher = staged(WriteMode.ERROR_IF_EXISTS, "r1");
    OutputPublisher.Publication publication = publisher.publish(true);
    assertThat(names(tmp.resolve("out"))).containsExactly("part-00000.csv");
    assertThat(publication.placeMarker()).hasValueSatisfying(m -> assertThat(m).endsWith("/out/_SUCCESS"));
    assertThat(publication.placeMarker()).as("placed once").hasValueSatisfying(m -> assertThat(m).endsWith("/out/_SUCCESS"));
    publication.commit();
    assertThat(names(tmp.resolve("out"))).containsExactly("_SUCCESS", "part-00000.csv");
    assertThat(names(tmp)).containsExactly("out");
  }

  @Test
  void rollbackRemovesTheNewOutputAndRestoresThePreviousOne() throws IOException {
    staged(WriteMode.ERROR_IF_EXISTS, "r1").publish();
    OutputPublisher second = staged(WriteMode.OVERWRITE, "r2");
    OutputPublisher.Publication publication = second.publish(true);
    assertThat(Files.readString(tmp.resolve("out/part-00000.csv"))).isEqualTo("id\nr2\n");
    publication.placeMarker();
    publication.rollback();
    assertThat(Files.readString(tmp.resolve("out/part-00000.csv"))).isEqualTo("id\nr1\n");
    assertThat(names(tmp.resolve("out"))).containsExactly("_SUCCESS", "part-00000.csv");
    assertThat(names(tmp)).containsExactly("out");
  }

  @Test
  void commitDropsThePreviousOutput() throws IOException {
    staged(WriteMode.ERROR_IF_EXISTS, "r1").publish();
    OutputPublisher second = staged(WriteMode.OVERWRITE, "r2");
    second.publish(false).commit();
    assertThat(Files.readString(tmp.resolve("out/part-00000.csv"))).isEqualTo("id\nr2\n");
    assertThat(names(tmp)).containsExactly("out");
  }
}
