package io.shroud.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.jobs.SparkTestSupport;
import io.shroud.jobs.SparkTestSupport.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewCommandTest {
  @TempDir Path tmp;

  @Test
  void printsMaskedRowsWithTypesAndNeverOriginals() throws Exception {
    Path csv = tmp.resolve("in.csv");
    Files.writeString(csv, "id,email,note\n1,ann@example.com,call me at (415) 555-2671\n2,bob@example.org,nothing\n");
    CliResult result = SparkTestSupport.run("preview", "--input", csv.toString(), "--rows", "5");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    assertThat(result.out()).isEqualTo("""
        | id | email           | note                       |
        |----|-----------------|----------------------------|
        | 1  | <EMAIL> [EMAIL] | call me at <PHONE> [PHONE] |
        | 2  | <EMAIL> [EMAIL] | nothing                    |
        """);
    assertThat(result.out()).doesNotContain("ann@").doesNotContain("555-2671");
    assertThat(tmp.resolve("unused-preview-output")).doesNotExist();
  }
}
