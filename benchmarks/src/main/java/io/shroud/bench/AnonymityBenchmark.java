package io.shroud.bench;

import io.shroud.connectors.AwsPolicyExtensions;
import io.shroud.core.audit.AnonymityAudit;
import io.shroud.core.policy.DataFormat;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.PolicyOverrides;
import io.shroud.jobs.sanitize.RunInfo;
import io.shroud.jobs.sanitize.SanitizeJob;
import io.shroud.jobs.sanitize.SanitizeResult;
import io.shroud.jobs.spark.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * k-anonymity at scale: Adult replicated to N rows (same distinct quasi-identifier combinations) as
 * Parquet, then sanitize with conf/adult-k5.yaml. Prints the whole job time and the driver's search
 * time from the audit, showing the search depends on distinct combinations, not rows.
 * Usage: {@code AnonymityBenchmark ROWS WORKDIR} (run from the repository root).
 */
public final class AnonymityBenchmark {
  private AnonymityBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = Long.parseLong(args[0]);
    Path work = Path.of(args[1]);
    SanitizeBenchmark.deleteRecursively(work);
    Files.createDirectories(work);
    SparkSession spark = SparkSessions.getOrCreate(Optional.empty());
    String adult = "masking-core/src/test/resources/anonymity/adult/adult.csv";
    Dataset<Row> base = spark.read().option("header", "true").option("sep", ";").csv(adult);
    long copies = (rows + 30161) / 30162;
    Path data = work.resolve("adult-" + rows + ".parquet");
    long t0 = System.nanoTime();
    base.crossJoin(spark.range(copies).toDF("copy")).drop("copy").write().parquet(data.toString());
    rows = copies * 30162;
    System.out.printf(Locale.ROOT, "generated %,d rows in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
    // Replicating Adult c times multiplies every class size by c, so k = 5c on the copy is the same
    // problem as k = 5 on Adult: the search should find the same optimum on the same number of
    // distinct combinations, whatever the row count.
    Path policy = work.resolve("adult-k5c.yaml");
    for (long n : new long[] {30162, rows}) {
      long k = n == rows ? 5 * copies : 5;
      Files.writeString(policy, Files.readString(Path.of("conf/adult-k5.yaml")).replace("  k: 5\n", "  k: " + k + "\n"));
      Path input = n == rows ? data : Path.of(adult);
      String format = n == rows ? "parquet" : "csv";
      Policy parsed = AwsPolicyExtensions.parser().parse(policy, new PolicyOverrides(Optional.of(input.toString()),
          Optional.of(DataFormat.parse(format)), Optional.of(work.resolve("out-" + n).toString()),
          Optional.of(DataFormat.PARQUET), false));
      long start = System.nanoTime();
      SanitizeResult result = new SanitizeJob(spark).run(parsed, RunInfo.start("benchmark"));
      double seconds = (System.nanoTime() - start) / 1e9;
      AnonymityAudit a = result.audit().anonymity();
      System.out.printf(Locale.ROOT, "%,12d rows, k=%d: job %.1f s, search %s ms, %s distinct combinations, %s nodes, transformation %s%n",
          n, k, seconds, a.searchMillis(), a.distinctQuasiIdentifierCombinations(), a.latticeNodesEvaluated(),
          a.transformation());
    }
    spark.stop();
  }
}
