package io.shroud.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.jobs.SparkTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
  @Test
  void printsStageProgressWhileAJobRunsAndNothingWhenQuiet() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    var spark = SparkTestSupport.spark();
    try (ProgressReporter reporter = ProgressReporter.start(spark.sparkContext(), () -> 42, 1, err)) {
      spark.range(0, 4, 1, 2).map((MapFunction<Long, Long>) v -> {
        Thread.sleep(2500);
        return v;
      }, Encoders.LONG()).count();
    }
    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertThat(printed).matches("(?s)shroud: \\d+s stage \\d+: \\d/\\d tasks; 42 rows done\n.*");
    try (ProgressReporter quiet = ProgressReporter.quiet()) {
      assertThat(quiet).isNotNull();
    }
  }
}
