package io.shroud.jobs.nested;

import static io.shroud.jobs.SparkTestSupport.run;
import static io.shroud.jobs.SparkTestSupport.spark;
import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.jobs.SparkTestSupport.CliResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON record holding a 1,000,000-element array goes through sanitize whole (every element kept, the
 * e-mail addresses among them masked) in time comparable to the same elements spread over 10,000
 * ordinary records: a generous relative bound, never a wall-clock limit.
 */
class HugeArrayTest {
  static final int ELEMENTS = 1_000_000;
  static final int PER_RECORD = 100;

  @TempDir Path tmp;

  static String element(int i) {
    return i % 1000 == 0 ? "\"user" + i + "@example.com\"" : "\"tag-" + (i % 97) + "\"";
  }

  @Test
  void aMillionElementArrayTakesTimeLinearInItsSize() throws IOException {
    StringBuilder one = new StringBuilder("{\"id\":1,\"tags\":[");
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < ELEMENTS; i++) {
      one.append(i == 0 ? "" : ",").append(element(i));
      if (i % PER_RECORD == 0) {
        many.append(i == 0 ? "" : "]}\n").append("{\"id\":").append(i / PER_RECORD).append(",\"tags\":[");
      } else {
        many.append(',');
      }
      many.append(element(i));
    }
    Files.writeString(tmp.resolve("huge.jsonl"), one.append("]}\n"));
    Files.writeString(tmp.resolve("normal.jsonl"), many.append("]}\n"));

    long normal = sanitize("normal");
    long huge = sanitize("huge");
    assertThat(huge).as("1M-element record vs the same elements in 10,000 records (%d ms)", normal / 1_000_000)
        .isLessThan(5 * normal);

    var tags = spark().read().json(tmp.resolve("huge-out").toString()).select(functions.explode(functions.col("tags")));
    assertThat(tags.count()).isEqualTo(ELEMENTS);
    assertThat(tags.filter(functions.col("col").contains("@example.com")).count()).isZero();
    assertThat(tags.filter(functions.col("col").equalTo("<EMAIL>")).count()).isEqualTo(ELEMENTS / 1000);
  }

  private long sanitize(String name) throws IOException {
    Path policy = tmp.resolve(name + ".yaml");
    Files.writeString(policy, "input: { path: " + tmp.resolve(name + ".jsonl") + " }\noutput: { path: "
        + tmp.resolve(name + "-out") + " }\ncolumns:\n  id: { action: keep, reason: row id }\n"
        + "detection: { ner: { enabled: false } }\n");
    long start = System.nanoTime();
    CliResult result = run("sanitize", "--config", policy.toString(), "--quiet");
    long elapsed = System.nanoTime() - start;
    assertThat(result.exitCode()).as(result.err()).isZero();
    return elapsed;
  }
}
