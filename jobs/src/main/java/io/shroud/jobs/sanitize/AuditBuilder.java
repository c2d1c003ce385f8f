package io.shroud.jobs.sanitize;

import io.shroud.core.ShroudVersion;
import io.shroud.core.audit.AuditRecord;
import io.shroud.core.audit.ColumnAudit;
import io.shroud.core.mask.Operators;
import io.shroud.core.plan.ColumnPlan;
import io.shroud.core.plan.MaskingPlan;
import io.shroud.core.plan.Treatment;
import io.shroud.core.policy.OperatorSpec;
import io.shroud.core.policy.Policy;
import io.shroud.jobs.spark.MaskStage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Assembles the audit record from the plan and the run's counters: decisions and counts only. */
final class AuditBuilder {
  private final Policy policy;
  private final RunInfo run;
  private Map<String, Long> malformed;
  private String quarantine;
  private Map<String, Object> macie;
  private Map<String, Object> aws;

  AuditBuilder(Policy policy, RunInfo run) {
    this.policy = policy;
    this.run = run;
  }

  /** The caller identity and preflight outcomes of an S3 run, recorded in every record built afterwards. */
  AuditBuilder withAws(Map<String, Object> awsSection) {
    this.aws = awsSection;
    return this;
  }

  AuditRecord build(MaskingPlan plan, Operators operators, Map<String, Long> findings, long rowsRead,
      long rowsWritten, String status, String error) {
    return build(plan, operators, findings, rowsRead, rowsWritten, status, error, null);
  }

  AuditRecord build(MaskingPlan plan, Operators operators, Map<String, Long> findings, long rowsRead,
      long rowsWritten, String status, String error, Map<String, Object> anonymity) {
    return build(plan, operators, findings, rowsRead, rowsWritten, status, error, anonymity, null);
  }

  AuditRecord build(MaskingPlan plan, Operators operators, Map<String, Long> findings, long rowsRead,
      long rowsWritten, String status, String error, Map<String, Object> anonymity, Map<String, Object> residual) {
    Map<Integer, Map<String, Long>> byColumn = new TreeMap<>();
    Map<String, Long> totals = new TreeMap<>();
    findings.forEach((key, count) -> {
      int bar = key.indexOf('|');
      int column = Integer.parseInt(key.substring(0, bar));
      String type = key.substring(bar + 1);
      byColumn.computeIfAbsent(column, c -> new TreeMap<>()).merge(type, count, Long::sum);
      if (!type.equals(MaskStage.MASKED_CELLS)) {
        totals.merge(type, count, Long::sum);
      }
    });
    List<ColumnAudit> columns = new ArrayList<>();
    if (plan != null) {
      for (int i = 0; i < plan.columns().size(); i++) {
        columns.add(column(plan, i, operators, byColumn.getOrDefault(i, Map.of())));
      }
    }
    Map<String, Object> entityOperators = new LinkedHashMap<>();
    if (plan != null) {
      plan.operators().sorted().forEach((type, spec) -> entityOperators.put(type.name(), describe(spec)));
      new java.util.TreeMap<>(plan.operators().kept()).forEach((type, reason) ->
          entityOperators.put(type.name(), Map.of("action", "keep", "reason", reason)));
      entityOperators.put("default", describe(plan.operators().fallback()));
    }
    Instant finished = Instant.now();
    return new AuditRecord(AuditRecord.SCHEMA_VERSION, run.runId(),
        Map.of("name", "shroud", "version", ShroudVersion.get()), run.command(), status, error,
        run.startedAt().toString(), finished.toString(), Duration.between(run.startedAt(), finished).toMillis(),
        policyInfo(), inputInfo(),
        Map.of("path", policy.output().path(), "format", policy.output().format().yamlName(),
            "mode", policy.output().mode().yamlName()),
        rowsRead, rowsWritten, columns, totals, entityOperators, anonymity, residual, aws);
  }

  /** What Amazon Macie reported and where it was read from; hints per column (counts only). */
  void macie(String bucket, String prefix, int findings, int resultFiles, io.shroud.core.plan.ColumnHints hints) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("bucket", bucket);
    info.put("prefix", prefix);
    info.put("findingsRead", findings);
    info.put("detailedResultFiles", resultFiles);
    Map<String, Object> columns = new TreeMap<>();
    hints.byColumn().forEach((column, types) -> {
      Map<String, Long> counts = new TreeMap<>();
      types.forEach((type, n) -> counts.put(type.name(), n));
      columns.put(column, counts);
    });
    info.put("occurrencesByColumn", columns);
    this.macie = info;
  }

  /** Malformed records per file, and where quarantined ones went (null when not quarantined). */
  void malformed(Map<String, Long> perFile, String quarantine) {
    this.malformed = new TreeMap<>(perFile);
    this.quarantine = quarantine;
  }

  private Map<String, String> inputInfo() {
    Map<String, String> info = new LinkedHashMap<>();
    info.put("path", policy.input().path());
    info.put("format", policy.input().format().yamlName());
    info.put("onMalformed", policy.input().onMalformed().yamlName());
    if (malformed != null) {
      info.put("malformedRecords", String.valueOf(malformed.values().stream().mapToLong(Long::longValue).sum()));
      info.put("malformedByFile", malformed.toString());
    }
    if (quarantine != null) {
      info.put("quarantine", quarantine);
    }
    return info;
  }

  private Map<String, Object> policyInfo() {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("source", policy.source().name());
    info.put("sha256", policy.digest());
    info.put("auto", policy.isAuto());
    info.put("unlistedColumns", policy.unlistedColumns().yamlName());
    // Text left the cluster for these services: the audit says so, and where to.
    policy.detection().comprehend().ifPresent(c -> {
      Map<String, Object> comprehend = new LinkedHashMap<>();
      comprehend.put("region", c.region());
      comprehend.put("endpoint", c.endpointOrNull() == null ? "public regional endpoint" : c.endpointOrNull());
      comprehend.put("languageCode", c.languageCode());
      comprehend.put("columns", c.columns().isEmpty() ? "every free-text column" : c.columns());
      comprehend.put("maxCharactersPerExecutor", c.maxCharacters());
      comprehend.put("findingsDetectorId", "comprehend");
      info.put("amazonComprehend", comprehend);
    });
    if (macie != null) {
      info.put("amazonMacie", macie);
    }
    return info;
  }

  private static ColumnAudit column(MaskingPlan plan, int index, Operators operators, Map<String, Long> counts) {
    ColumnPlan column = plan.columns().get(index);
    Map<String, Long> found = new TreeMap<>(counts);
    long maskedCells = found.getOrDefault(MaskStage.MASKED_CELLS, 0L);
    found.remove(MaskStage.MASKED_CELLS);
    String outputType = column.treatment() == Treatment.DROP ? "dropped"
        : column.becomesString() ? "string" : column.column().typeName();
    List<ColumnAudit.KeyUse> keys = new ArrayList<>();
    List<OperatorSpec> used = new ArrayList<>();
    column.operator().ifPresent(used::add);
    if (column.treatment() == Treatment.SCAN_TEXT) {
      for (String type : found.keySet()) {
        io.shroud.core.detect.EntityType entity = new io.shroud.core.detect.EntityType(type);
        if (!plan.operators().keeps(entity)) {
          used.add(plan.operators().forType(entity));
        }
      }
    }
    for (OperatorSpec spec : used) {
      String keyName = spec.keyName();
      if (keyName != null && keys.stream().noneMatch(k -> k.name().equals(keyName))) {
        keys.add(new ColumnAudit.KeyUse(keyName, plan.keys().get(keyName).version(),
            plan.keys().get(keyName).describe(), operators.key(keyName).fingerprint()));
      }
    }
    return new ColumnAudit(column.name(), column.column().typeName(), outputType, column.treatment().name(),
        column.origin(), column.entity().map(Object::toString).orElse(null),
        column.operator().map(AuditBuilder::describe).orElse(null), keys, column.reason(), found, maskedCells);
  }

  static Map<String, Object> describe(OperatorSpec spec) {
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("action", spec.action());
    described.putAll(spec.auditParameters());
    return described;
  }
}
