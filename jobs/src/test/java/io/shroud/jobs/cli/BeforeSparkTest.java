package io.shroud.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shroud.connectors.AwsPolicyExtensions;
import io.shroud.core.UsageException;
import io.shroud.core.policy.DataFormat;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.PolicyOverrides;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refusals that need no data are made before Spark starts, with plain java.nio on local paths and
 * the jobs' own messages; nothing is looked at for remote paths or a non-local master.
 */
class BeforeSparkTest {
  @TempDir Path tmp;

  private Policy auto(String input, String output, boolean overwrite) {
    return Policy.auto(input, Optional.empty(), output, Optional.empty(), overwrite);
  }

  @Test
  void localRefusalsUseTheJobsMessages() throws Exception {
    Path input = Files.writeString(tmp.resolve("in.csv"), "id\n1\n");
    Path existing = Files.createDirectories(tmp.resolve("out"));
    Optional<String> local = Optional.of("local[1]");

    assertThatThrownBy(() -> BeforeSpark.checkWrite(auto(input.toString(), existing.toString(), false), local))
        .isInstanceOf(UsageException.class).hasMessage("Cannot write output " + existing
            + ": it already exists; pass --overwrite or set output.mode: overwrite to replace it");
    assertThatCode(() -> BeforeSpark.checkWrite(auto(input.toString(), existing.toString(), true), local))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> BeforeSpark.checkWrite(auto(tmp.resolve("nope.csv").toString(), tmp.resolve("o").toString(),
        false), local)).hasMessage("Cannot read input " + tmp.resolve("nope.csv") + ": path does not exist");
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Files.writeString(empty.resolve("_SUCCESS"), "");
    assertThatThrownBy(() -> BeforeSpark.checkRead(auto(empty.toString(), "x", false), local))
        .hasMessage("Cannot read input " + empty + ": the directory has no data files");
    assertThatThrownBy(() -> BeforeSpark.checkWrite(auto(tmp.toString(), tmp.resolve("masked").toString(), false), local))
        .hasMessageStartingWith("Invalid output " + tmp.resolve("masked") + ": it is inside the input " + tmp);
  }

  @Test
  void remotePathsAndClusterMastersAreLeftToTheJob() {
    String missing = tmp.resolve("nope.csv").toString();
    assertThatCode(() -> BeforeSpark.checkWrite(auto(missing, tmp.resolve("o").toString(), false), Optional.of("yarn")))
        .doesNotThrowAnyException();
    assertThatCode(() -> BeforeSpark.checkWrite(auto("s3a://bucket/in.csv", "s3a://bucket/out", false),
        Optional.of("local[1]"))).doesNotThrowAnyException();
    assertThatCode(() -> BeforeSpark.checkRead(auto(tmp.resolve("*.csv").toString(), "x", false), Optional.of("local[1]")))
        .as("a glob is Hadoop's to expand").doesNotThrowAnyException();
    // The overlap check needs no file system, so it runs for every master and scheme.
    assertThatThrownBy(() -> BeforeSpark.checkWrite(auto("s3a://bucket/in", "s3://bucket/in/masked", false),
        Optional.of("yarn"))).hasMessageStartingWith("Invalid output s3://bucket/in/masked: it is inside the input");
  }

  private static Policy parse(String yaml) {
    return AwsPolicyExtensions.parser().parse(yaml, "t.yaml", PolicyOverrides.NONE);
  }

  @Test
  void tablesAreLookedUpLaterButKeptApartFromWhatTheRunReads() throws Exception {
    String hadoop = "catalog: { type: hadoop, warehouse: \"" + tmp.resolve("wh") + "\" }";
    String audit = "audit: { path: \"" + tmp.resolve("audit") + "\" }\n";
    Optional<String> local = Optional.of("local[1]");
    // Neither table exists yet, and no local path is looked for under a table's name.
    assertThatCode(() -> BeforeSpark.checkWrite(parse("input: { table: db.raw, " + hadoop + " }\noutput: { table: "
        + "db.masked, " + hadoop + " }\n" + audit), local)).doesNotThrowAnyException();
    assertThatThrownBy(() -> BeforeSpark.checkWrite(parse("input: { table: db.raw, " + hadoop + " }\noutput: { table: "
        + "db.raw, " + hadoop + ", mode: append }\n" + audit), local)).isInstanceOf(UsageException.class)
        .hasMessage("Invalid output table db.raw at " + tmp.resolve("wh/db/raw") + ": it is the input; write the masked "
            + "copy to another path");
    // A table whose files would land inside the directory the run reads.
    Path data = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(data.resolve("a.csv"), "id\n1\n");
    assertThatThrownBy(() -> BeforeSpark.checkWrite(parse("input: { path: \"" + data + "\" }\noutput: { table: db.masked, "
        + "catalog: { type: hadoop, warehouse: \"" + data.resolve("wh") + "\" } }\n" + audit), local))
        .hasMessage("Invalid output table db.masked at " + data.resolve("wh/db/masked") + ": it is inside the input "
            + data + " (the next read of the input would include it); write it outside the input");
  }

  @Test
  void aDirectoryOfPartFilesIsReadInTheirFormat() throws Exception {
    Path parquet = Files.createDirectories(tmp.resolve("masked"));
    Files.writeString(parquet.resolve("part-00000-1.snappy.parquet"), "");
    Files.writeString(parquet.resolve("_SUCCESS"), "");
    Files.writeString(parquet.resolve(".part-00000-1.snappy.parquet.crc"), "");
    assertThat(InputFormats.guess(parquet.toString())).contains(DataFormat.PARQUET);
    Path mixed = Files.createDirectories(tmp.resolve("mixed"));
    Files.writeString(mixed.resolve("a.csv"), "");
    Files.writeString(mixed.resolve("b.json"), "");
    assertThat(InputFormats.guess(mixed.toString())).isEmpty();
    assertThat(InputFormats.guess("s3a://bucket/masked")).isEmpty();
  }
}
