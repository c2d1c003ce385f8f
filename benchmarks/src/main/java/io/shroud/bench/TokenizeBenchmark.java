package io.shroud.bench;

import io.shroud.connectors.AwsPolicyExtensions;
import io.shroud.core.detect.check.Checksums;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.PolicyOverrides;
import io.shroud.jobs.sanitize.RunInfo;
import io.shroud.jobs.sanitize.SanitizeJob;
import io.shroud.jobs.spark.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * FF1 tokenization of a card-number column through the whole sanitize job: generates N Luhn-valid
 * 16-digit card numbers to Parquet with Spark, then times sanitize with {@code tokenize} (first six
 * digits kept, check digit recomputed) and, on a tenth of the rows, with the last four kept
 * (cycle-walking). Usage: {@code TokenizeBenchmark ROWS WORKDIR}.
 */
public final class TokenizeBenchmark {
  private TokenizeBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = Long.parseLong(args[0]);
    Path work = Path.of(args[1]);
    SanitizeBenchmark.deleteRecursively(work);
    Files.createDirectories(work);
    SparkSession spark = SparkSessions.getOrCreate(Optional.empty());
    Path cards = work.resolve("cards.parquet");
    long t0 = System.nanoTime();
    spark.range(rows).map((MapFunction<Long, String>) TokenizeBenchmark::card, Encoders.STRING())
        .toDF("card").write().mode(SaveMode.ErrorIfExists).parquet(cards.toString());
    System.out.printf(Locale.ROOT, "generated %,d cards in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
    Path key = work.resolve("bench.key");
    time(spark, work, cards, key, "keepFirst: 6, luhn: true", "tokenize, first 6 kept, check digit recomputed", rows);
    Path tenth = work.resolve("cards-tenth.parquet");
    spark.read().parquet(cards.toString()).limit((int) Math.min(Integer.MAX_VALUE, rows / 10)).write().parquet(tenth.toString());
    time(spark, work, tenth, key, "keepLast: 4, luhn: true", "tokenize, last 4 kept (cycle-walking)", rows / 10);
    spark.stop();
  }

  private static void time(SparkSession spark, Path work, Path input, Path key, String params, String label, long rows)
      throws Exception {
    Path policy = work.resolve("policy-" + Math.abs(params.hashCode()) + ".yaml");
    Files.writeString(policy, "input: { path: " + input + ", format: parquet }\noutput: { path: " + work.resolve("out-" + Math.abs(params.hashCode()))
        + ", format: parquet }\ncolumns:\n  card: { action: tokenize, key: k, " + params + " }\nkeys:\n  k: { file: " + key
        + ", generateIfMissing: true }\n");
    Policy parsed = AwsPolicyExtensions.parser().parse(policy, PolicyOverrides.NONE);
    long start = System.nanoTime();
    new SanitizeJob(spark).run(parsed, RunInfo.start("benchmark"));
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "%-50s %,12d rows %8.1f s %,12.0f rows/s (%d cores)%n", label, rows, seconds, rows / seconds,
        Runtime.getRuntime().availableProcessors());
  }

  static String card(long i) {
    SplittableRandom random = new SplittableRandom(i * 0x9E3779B97F4A7C15L);
    StringBuilder digits = new StringBuilder("4");
    while (digits.length() < 15) {
      digits.append(random.nextInt(10));
    }
    return digits.append(Checksums.luhnCheckDigit(digits)).toString();
  }
}
