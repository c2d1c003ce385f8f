package io.shroud.jobs.scan;

import io.shroud.core.detect.ColumnProfile;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.scan.ColumnProfiler;
import io.shroud.core.detect.scan.TextScanner;
import io.shroud.core.keys.KeyProviderFactory;
import io.shroud.core.operator.MaskingOperator;
import io.shroud.core.operator.Operators;
import io.shroud.core.operator.PartialMaskSpec;
import io.shroud.core.plan.ColumnInfo;
import io.shroud.core.policy.Policy;
import io.shroud.core.report.PolicySuggester;
import io.shroud.core.report.ScanReport;
import io.shroud.jobs.iceberg.TableInputs;
import io.shroud.jobs.spark.InputReader;
import io.shroud.jobs.spark.ProfileStage;
import io.shroud.jobs.spark.SchemaMapping;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;

/**
 * Discovery only: samples the input, profiles every column and reports what it holds. Writes no data.
 * Examples in the report are findings masked with a partial mask (last four kept at most).
 */
public final class ScanJob {
  private static final int EXAMPLES_PER_COLUMN = 3;
  private static final int EXAMPLE_WIDTH = 40;

  private final SparkSession spark;

  public ScanJob(SparkSession spark) {
    this.spark = spark;
  }

  public ScanReport run(Policy policy) {
    Instant start = Instant.now();
    InputReader.Input input = InputReader.read(spark, TableInputs.open(spark, policy));
    List<ColumnInfo> columns = SchemaMapping.columns(input.dataSchema());
    List<ColumnInfo> scannable = columns.stream()
        .filter(c -> c.kind() == ColumnInfo.Kind.STRING || c.kind() == ColumnInfo.Kind.NUMBER).toList();
    ProfileStage.Sample sample = ProfileStage.sampleValues(input, scannable, policy.detection().sampleSize());
    TextScanner scanner = TextScanner.standard(policy.detection());
    ColumnProfiler profiler = new ColumnProfiler(scanner, policy.detection().classifyThreshold());
    Operators operators = new Operators(Map.of(), new KeyProviderFactory.LocalFiles().create());
    MaskingOperator lastFour = operators.create(PartialMaskSpec.LAST_FOUR);
    MaskingOperator full = operators.create(new PartialMaskSpec(0, 0, '*'));
    List<ScanReport.ColumnReport> reports = new ArrayList<>();
    Map<String, Long> totals = new TreeMap<>();
    for (ColumnInfo column : columns) {
      int index = scannable.indexOf(column);
      if (index < 0) {
        reports.add(new ScanReport.ColumnReport(column.name(), column.typeName(), null, 0, 0, 0, 0, Map.of(), List.of(),
            "keep with a reason, or drop (type " + column.typeName() + " is not scanned)"));
        continue;
      }
      List<String> values = sample.values().get(index);
      ColumnProfile profile = profiler.profile(column.name(), values);
      Map<String, Integer> findings = new TreeMap<>();
      profile.findings().forEach((type, n) -> findings.put(type.name(), n));
      // Types recognised by column (PERSON name columns) have whole-value matches but no spans.
      profile.wholeValueMatches().forEach((type, n) -> findings.putIfAbsent(type.name(), n));
      findings.forEach((type, n) -> totals.merge(type, (long) n, Long::sum));
      String classification = profile.classification().map(Object::toString).orElse(null);
      reports.add(new ScanReport.ColumnReport(column.name(), column.typeName(), classification, profile.confidence(),
          profile.sampled(), profile.nonEmpty(),
          profile.nonEmpty() == 0 ? 0
              : Math.max((double) profile.valuesWithFindings() / profile.nonEmpty(), profile.confidence()),
          findings, examples(scanner, lastFour, full, column.name(), values),
          PolicySuggester.actionFor(classification, !findings.isEmpty())));
    }
    totals.values().removeIf(n -> n == 0);
    return new ScanReport(policy.input().path(), policy.input().format().yamlName(), Instant.now().toString(),
        sample.rows(), Duration.between(start, Instant.now()).toMillis(), reports, totals);
  }

  /** Types whose last four digits are conventionally shown (receipts, statements). */
  private static final Set<String> LAST_FOUR_TYPES = Set.of("US_SSN", "CREDIT_CARD", "PHONE", "IBAN", "US_BANK_ACCOUNT");

  /**
   * An e-mail address in a report: every character of the local part and of the domain masked but the
   * top-level domain, since a vanity or company domain can name the person ({@code ****@*******.com}).
   */
  static String emailExample(String address) {
    int at = address.lastIndexOf('@');
    int tld = address.lastIndexOf('.');
    StringBuilder out = new StringBuilder(address.length());
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      boolean domain = at >= 0 && i > at;
      boolean kept = i == at || (domain && (c == '.' || (tld > at && i > tld)));
      out.append(kept ? c : '*');
    }
    return out.toString();
  }

  private static List<String> examples(TextScanner scanner, MaskingOperator lastFour, MaskingOperator full, String column,
      List<String> values) {
    Set<String> examples = new LinkedHashSet<>();
    DetectionContext context = DetectionContext.forColumn(column);
    for (String value : values) {
      if (value == null || examples.size() >= EXAMPLES_PER_COLUMN) {
        continue;
      }
      for (Finding f : scanner.scan(value, context)) {
        MaskingOperator masker = LAST_FOUR_TYPES.contains(f.type().name()) ? lastFour : full;
        String found = value.substring(f.start(), f.end());
        String masked = f.type().name().equals("EMAIL") ? emailExample(found) : masker.apply(found, f.type());
        String clipped = masked.length() > EXAMPLE_WIDTH ? "…" + masked.substring(masked.length() - EXAMPLE_WIDTH + 1) : masked;
        examples.add(f.type() + ": " + clipped);
        if (examples.size() >= EXAMPLES_PER_COLUMN) {
          break;
        }
      }
    }
    return List.copyOf(examples);
  }
}
