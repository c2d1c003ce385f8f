package io.shroud.jobs.sanitize;

import io.shroud.core.audit.ResidualAudit;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.scan.ScanMemo;
import io.shroud.core.detect.scan.TextScanner;
import io.shroud.core.plan.ColumnInfo;
import io.shroud.core.plan.ColumnPlan;
import io.shroud.core.plan.MaskingPlan;
import io.shroud.core.plan.Treatment;
import io.shroud.core.policy.InputSpec;
import io.shroud.core.policy.Policy;
import io.shroud.jobs.spark.InputReader;
import io.shroud.jobs.spark.ProfileStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Residual-risk rescan: after masking, the detectors run again over a sample of the written output.
 * Columns whose operator produces realistic-looking values on purpose (tokenize, substitute,
 * perturb, keep, shuffle, quasi-identifiers) are left out, as are entity types whose span operator
 * does the same; anything else found is residual risk, reported per column (counts only).
 */
final class ResidualScan {
  private ResidualScan() {}

  static ResidualAudit scan(SparkSession spark, Policy policy, MaskingPlan plan, String staging,
      StructType schema) {
    // The schema just written is known: JSON output is not re-inferred over all of it for a sample.
    return scan(policy, plan, () -> InputReader.read(spark,
        new InputSpec(staging, policy.output().format(), policy.output().options()), schema));
  }

  /** Rescans a sample of what {@code written} reads (opened only when some column is rescanned). */
  static ResidualAudit scan(Policy policy, MaskingPlan plan, Supplier<InputReader.Input> written) {
    // Conditional rules add a second plan per field ("[otherwise]"); the rescan reads each field once.
    List<ColumnPlan> rescanned = plan.columns().stream().filter(ResidualScan::expectsNoPii)
        .filter(c -> !c.name().endsWith(" [otherwise]")).toList();
    Map<String, Map<String, Long>> findings = new TreeMap<>();
    Integer rowsScanned = null;
    if (!rescanned.isEmpty() && policy.audit().residualSampleSize() > 0) {
      List<ColumnInfo> columns = new ArrayList<>();
      for (ColumnPlan c : rescanned) {
        columns.add(c.column());
      }
      ProfileStage.Sample sampled = ProfileStage.sampleValues(written.get(), columns, policy.audit().residualSampleSize());
      List<List<String>> sample = sampled.values();
      rowsScanned = sampled.rows();
      // Masked output repeats itself ("<REDACTED>", masked categories): each distinct value is scanned once.
      ScanMemo scanner = new ScanMemo(TextScanner.standard(plan.detection()));
      for (int i = 0; i < rescanned.size(); i++) {
        ColumnPlan column = rescanned.get(i);
        Predicate<EntityType> expected = expected(plan, column);
        DetectionContext context = DetectionContext.forColumn(column.name());
        for (String value : sample.get(i)) {
          if (value == null) {
            continue;
          }
          for (Finding f : scanner.scan(value, context)) {
            if (!expected.test(f.type())) {
              findings.computeIfAbsent(column.name(), c -> new TreeMap<>()).merge(f.type().name(), 1L, Long::sum);
            }
          }
        }
      }
    }
    return new ResidualAudit(rescanned.stream().map(ColumnPlan::name).toList(), findings, rowsScanned,
        policy.audit().residualSampleSize());
  }

  /** Columns whose output should hold no personal data at all. */
  private static boolean expectsNoPii(ColumnPlan column) {
    if (column.treatment() == Treatment.SCAN_TEXT || column.treatment() == Treatment.SCAN_NUMBER) {
      return true;
    }
    return column.treatment() == Treatment.MASK_VALUE && !column.operator().orElseThrow().producesLookalikes();
  }

  /**
   * Span types left in the text on purpose: kept by the policy, or masked by an operator that outputs
   * lookalikes (a tokenized card is still a card number).
   */
  private static Predicate<EntityType> expected(MaskingPlan plan, ColumnPlan column) {
    if (column.treatment() != Treatment.SCAN_TEXT) {
      return type -> false;
    }
    return type -> plan.operators().keeps(type) || plan.operators().forType(type).producesLookalikes();
  }
}
