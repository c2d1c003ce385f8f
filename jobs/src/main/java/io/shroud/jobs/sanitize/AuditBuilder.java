package io.shroud.jobs.sanitize;

import io.shroud.connectors.comprehend.ComprehendSettings;
import io.shroud.core.ShroudVersion;
import io.shroud.core.audit.AnonymityAudit;
import io.shroud.core.audit.AuditRecord.Status;
import io.shroud.core.audit.AuditRecord;
import io.shroud.core.audit.AwsAudit;
import io.shroud.core.audit.ColumnAudit;
import io.shroud.core.audit.ObjectTagsAudit;
import io.shroud.core.audit.OperatorAudit;
import io.shroud.core.audit.PolicyAudit;
import io.shroud.core.audit.ResidualAudit;
import io.shroud.core.detect.ColumnProfile;
import io.shroud.core.detect.EntityType;
import io.shroud.core.operator.OperatorSpec;
import io.shroud.core.operator.Operators;
import io.shroud.core.plan.ColumnHints;
import io.shroud.core.plan.ColumnPlan.Origin;
import io.shroud.core.plan.ColumnPlan;
import io.shroud.core.plan.MaskingPlan;
import io.shroud.core.plan.Treatment;
import io.shroud.core.policy.Policy;
import io.shroud.core.utility.UtilityReport;
import io.shroud.jobs.spark.CellCount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Assembles the audit record from the plan and the run's counters: decisions and counts only. */
final class AuditBuilder {
  private final Policy policy;
  private final RunInfo run;
  private Map<String, Long> malformed;
  private String quarantine;
  private PolicyAudit.Macie macie;
  private AwsAudit aws;
  private final Map<String, String> inputNotes = new LinkedHashMap<>();
  private final Map<String, String> outputNotes = new LinkedHashMap<>();
  private Map<String, ColumnProfile> profiles = Map.of();
  private Supplier<ObjectTagsAudit> objectTags = () -> null;
  private Map<String, String> inputTable = Map.of();
  private Supplier<Map<String, Object>> outputTable = Map::of;
  private UtilityReport utility;
  private AnonymityAudit anonymity;
  private ResidualAudit residual;

  AuditBuilder(Policy policy, RunInfo run) {
    this.policy = policy;
    this.run = run;
  }

  /** Profiles of the run's columns: those of rule-masked columns say in the audit what they held. */
  AuditBuilder withProfiles(Map<String, ColumnProfile> columnProfiles) {
    this.profiles = Map.copyOf(columnProfiles);
    return this;
  }

  /** The caller identity and preflight outcomes of an S3 run, recorded in every record built afterwards. */
  AuditBuilder withAws(AwsAudit awsSection) {
    this.aws = awsSection;
    return this;
  }

  /** Where the run's objects were tagged and with what, read when each record is built. */
  AuditBuilder withObjectTags(Supplier<ObjectTagsAudit> section) {
    this.objectTags = section;
    return this;
  }

  /** The input table, the snapshot read and how it was chosen. */
  AuditBuilder withInputTable(Map<String, String> entries) {
    this.inputTable = entries;
    return this;
  }

  /** The output table's entries (snapshot ids), asked for when each record is built. */
  AuditBuilder withOutputTable(Supplier<Map<String, Object>> entries) {
    this.outputTable = entries;
    return this;
  }

  /** The record of a run that ended as it should. */
  AuditRecord succeeded(MaskingPlan plan, Operators operators, Map<CellCount, Long> findings, long rowsRead,
      long rowsWritten) {
    return build(plan, operators, findings, rowsRead, rowsWritten, Status.SUCCEEDED, null);
  }

  /** The record of a run that failed or could not be anonymized; the message says why (and holds no value). */
  AuditRecord ended(Status status, String message, MaskingPlan plan, Operators operators, Map<CellCount, Long> findings,
      long rowsRead, long rowsWritten) {
    if (status == Status.SUCCEEDED || message == null) {
      throw new IllegalArgumentException("Invalid run end " + status + ": use succeeded(...), and say why a run did not");
    }
    return build(plan, operators, findings, rowsRead, rowsWritten, status, message);
  }

  private AuditRecord build(MaskingPlan plan, Operators operators, Map<CellCount, Long> findings, long rowsRead,
      long rowsWritten, Status status, String errorOrNull) {
    Map<Integer, Map<String, Long>> byColumn = new TreeMap<>();
    Map<Integer, Long> maskedByColumn = new TreeMap<>();
    Map<String, Long> totals = new TreeMap<>();
    findings.forEach((key, count) -> {
      if (key.isMaskedCells()) {
        maskedByColumn.merge(key.column(), count, Long::sum);
      } else {
        String type = key.typeOrNull().name();
        byColumn.computeIfAbsent(key.column(), c -> new TreeMap<>()).merge(type, count, Long::sum);
        totals.merge(type, count, Long::sum);
      }
    });
    List<ColumnAudit> columns = new ArrayList<>();
    if (plan != null) {
      for (int i = 0; i < plan.columns().size(); i++) {
        ColumnAudit column = column(plan, i, operators, byColumn.getOrDefault(i, Map.of()),
            maskedByColumn.getOrDefault(i, 0L));
        columns.add(quasiIdentifier(withSample(column, plan.columns().get(i)), anonymity));
      }
    }
    Map<String, OperatorAudit> entityOperators = new LinkedHashMap<>();
    if (plan != null) {
      plan.operators().sorted().forEach((type, spec) -> entityOperators.put(type.name(), operatorAudit(spec)));
      new TreeMap<>(plan.operators().kept()).forEach((type, reason) ->
          entityOperators.put(type.name(), OperatorAudit.keep(reason)));
      entityOperators.put("default", operatorAudit(plan.operators().fallback()));
    }
    Instant finished = Instant.now();
    return new AuditRecord(AuditRecord.SCHEMA_VERSION, run.runId(),
        Map.of("name", "shroud", "version", ShroudVersion.get()), run.command(), status.label(), errorOrNull,
        run.startedAt().toString(), finished.toString(), Duration.between(run.startedAt(), finished).toMillis(),
        policyInfo(), inputInfo(), outputInfo(),
        rowsRead, rowsWritten, columns, totals, entityOperators, anonymity, residual, aws, objectTags.get(), utility);
  }

  /** The k-anonymity section (search, transformation, re-check), recorded in every record built afterwards. */
  void anonymity(AnonymityAudit section) {
    this.anonymity = section;
  }

  /** The rescan of the masked output, recorded in every record built afterwards. */
  void residual(ResidualAudit section) {
    this.residual = section;
  }

  /** The utility section (what masking cost the data), recorded in every record built afterwards. */
  void utility(UtilityReport report) {
    this.utility = report;
  }

  /** What Amazon Macie reported and where it was read from; hints per column (counts only). */
  void macie(String bucket, String prefix, int findings, int resultFiles, ColumnHints hints) {
    Map<String, Map<String, Long>> columns = new TreeMap<>();
    hints.byColumn().forEach((column, types) -> {
      Map<String, Long> counts = new TreeMap<>();
      types.forEach((type, n) -> counts.put(type.name(), n));
      columns.put(column, counts);
    });
    this.macie = new PolicyAudit.Macie(bucket, resultFiles, findings, columns, prefix);
  }

  /** A fact about the input for the record's {@code input} section (how detokenize checked its keys). */
  void inputNote(String key, String value) {
    inputNotes.put(key, value);
  }

  /** A fact about the output for the record's {@code output} section (staging left by dead runs). */
  void outputNote(String key, String value) {
    outputNotes.put(key, value);
  }

  /** Malformed records per file, and where quarantined ones went (null when not quarantined). */
  void malformed(Map<String, Long> perFile, String quarantine) {
    this.malformed = new TreeMap<>(perFile);
    this.quarantine = quarantine;
  }

  private Map<String, String> outputInfo() {
    Map<String, String> info = new LinkedHashMap<>();
    info.put("path", policy.output().path());
    info.put("format", policy.output().format().yamlName());
    info.put("mode", policy.output().mode().yamlName());
    // The record's values are text: snapshot ids and layouts are written as such.
    outputTable.get().forEach((key, value) -> info.put(key, value instanceof List<?> list
        ? String.join(", ", list.stream().map(String::valueOf).toList()) : String.valueOf(value)));
    info.putAll(outputNotes);
    return info;
  }

  private Map<String, String> inputInfo() {
    Map<String, String> info = new LinkedHashMap<>();
    info.put("path", policy.input().path());
    info.put("format", policy.input().format().yamlName());
    info.put("onMalformed", policy.input().onMalformed().yamlName());
    info.putAll(inputTable);
    if (malformed != null) {
      info.put("malformedRecords", String.valueOf(malformed.values().stream().mapToLong(Long::longValue).sum()));
      info.put("malformedByFile", malformed.toString());
    }
    if (quarantine != null) {
      info.put("quarantine", quarantine);
    }
    info.putAll(inputNotes);
    return info;
  }

  private PolicyAudit policyInfo() {
    // Text left the cluster for these services: the audit says so, and where to.
    PolicyAudit.Comprehend comprehend = policy.extension(ComprehendSettings.class).map(c -> PolicyAudit.Comprehend.of(
        c.region(), c.endpointOrNull(), c.languageCode(), c.columns(), c.maxCharacters())).orElse(null);
    return new PolicyAudit(comprehend, macie, policy.isAuto(), policy.digest(), policy.source().name(),
        policy.unlistedColumns().yamlName());
  }

  private static ColumnAudit column(MaskingPlan plan, int index, Operators operators, Map<String, Long> counts,
      long maskedCells) {
    ColumnPlan column = plan.columns().get(index);
    Map<String, Long> found = new TreeMap<>(counts);
    String outputType = column.treatment() == Treatment.DROP ? "dropped"
        : column.becomesString() ? "string" : column.column().typeName();
    List<ColumnAudit.KeyUse> keys = new ArrayList<>();
    List<OperatorSpec> used = new ArrayList<>();
    column.operator().ifPresent(used::add);
    if (column.treatment() == Treatment.SCAN_TEXT) {
      for (String type : found.keySet()) {
        EntityType entity = new EntityType(type);
        if (!plan.operators().keeps(entity)) {
          used.add(plan.operators().forType(entity));
        }
      }
    }
    // The column's own rule, when reversible, gets a key check value: detokenize compares it first.
    OperatorSpec reversible = column.treatment() == Treatment.MASK_VALUE ? column.operator().orElse(null) : null;
    String checkValue = reversible == null ? null : operators.checkValue(reversible);
    for (OperatorSpec spec : used) {
      String keyName = spec.keyName();
      if (keyName != null && keys.stream().noneMatch(k -> k.name().equals(keyName))) {
        keys.add(new ColumnAudit.KeyUse(keyName, plan.keys().get(keyName).version(),
            plan.keys().get(keyName).describe(), operators.key(keyName).fingerprint(),
            checkValue != null && keyName.equals(reversible.keyName()) ? checkValue : null));
      }
    }
    return new ColumnAudit(column.name(), column.column().typeName(), outputType, column.treatment().name(),
        column.origin(), column.entity().map(Object::toString).orElse(null),
        column.operator().map(AuditBuilder::operatorAudit).orElse(null), keys, column.reason(), found, maskedCells);
  }

  /** A rule-masked column with what the profiling sample found in it: its classification and findings. */
  private ColumnAudit withSample(ColumnAudit audit, ColumnPlan plan) {
    ColumnProfile profile = profiles.get(plan.name());
    if (profile == null || plan.treatment() != Treatment.MASK_VALUE || plan.decidedBy() != Origin.POLICY) {
      return audit;
    }
    Map<String, Long> found = new TreeMap<>();
    profile.findings().forEach((type, n) -> found.put(type.name(), (long) n));
    return new ColumnAudit(audit.name(), audit.inputType(), audit.outputType(), audit.treatment(), audit.origin(),
        profile.classification().map(Object::toString).orElse(null), audit.operator(), audit.keys(), audit.reason(),
        audit.findings(), audit.maskedCells(), new ColumnAudit.SampleScan(profile.nonEmpty(), found));
  }

  /**
   * A quasi-identifier passes the mask stage untouched and is generalized afterwards: its entry says
   * so, with the level chosen, what it means, and how many cells changed.
   */
  private static ColumnAudit quasiIdentifier(ColumnAudit audit, AnonymityAudit anonymity) {
    Map<String, Integer> levels = anonymity == null ? null : anonymity.transformation();
    if (levels == null || !levels.containsKey(audit.name())) {
      return audit;
    }
    Map<String, String> meaning = anonymity.levels();
    Map<String, Long> changed = anonymity.cellsChanged() == null ? Map.of() : anonymity.cellsChanged();
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("level", levels.get(audit.name()));
    parameters.put("meaning", meaning.get(audit.name()));
    OperatorAudit operator = new OperatorAudit("generalize", parameters);
    return new ColumnAudit(audit.name(), audit.inputType(), "string", "QUASI_IDENTIFIER", audit.origin(), null, operator,
        audit.keys(), "quasi-identifier for " + anonymity.k() + "-anonymity: " + meaning.get(audit.name()),
        audit.findings(), changed.getOrDefault(audit.name(), 0L), audit.sample());
  }

  private static OperatorAudit operatorAudit(OperatorSpec spec) {
    return new OperatorAudit(spec.action(), spec.auditParameters());
  }

  static Map<String, Object> describe(OperatorSpec spec) {
    return operatorAudit(spec).toJson();
  }
}
