package io.shroud.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shroud.core.detect.ColumnProfile;
import io.shroud.core.detect.EntityType;
import io.shroud.core.operator.RedactSpec;
import io.shroud.core.policy.InvalidPolicyException;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.PolicyOverrides;
import io.shroud.core.policy.PolicyParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlannerTest {
  private static final List<ColumnInfo> SCHEMA = List.of(
      new ColumnInfo("email", ColumnInfo.Kind.STRING, "string"),
      new ColumnInfo("notes", ColumnInfo.Kind.STRING, "string"),
      new ColumnInfo("amount", ColumnInfo.Kind.NUMBER, "double"),
      new ColumnInfo("active", ColumnInfo.Kind.OTHER_ATOMIC, "boolean"));

  private static Policy policy(String columns) {
    return new PolicyParser().parse("input: { path: a.csv }\noutput: { path: o }\n" + columns, "p.yaml",
        PolicyOverrides.NONE);
  }

  @Test
  void ruleForAMissingColumnNamesLineAndSuggestsTheNearest() {
    assertThatThrownBy(() -> Planner.bind(policy("columns:\n  emial: redact\n"), SCHEMA))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessage("Invalid policy p.yaml, line 4: column 'emial' is not in the input a.csv "
            + "(its columns: email, notes, amount, active; did you mean 'email'?)");
  }

  @Test
  void unlistedFailListsUndecidedColumns() {
    assertThatThrownBy(() -> Planner.bind(policy("unlistedColumns: fail\ncolumns:\n  email: redact\n"), SCHEMA))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessage("Invalid policy p.yaml, line 3: unlistedColumns is 'fail' and the policy has no rule for 3 "
            + "column(s): notes, amount, active");
  }

  @Test
  void nestedLeavesTakeTheMostSpecificRuleAndKeepTheirSchema() {
    List<ColumnInfo> schema = List.of(
        leaf("customer.email", ColumnInfo.Kind.STRING, "customer"),
        leaf("customer.age", ColumnInfo.Kind.NUMBER, "customer"),
        leaf("customer.notes", ColumnInfo.Kind.STRING, "customer"));
    MaskingPlan plan = Planner.bind(policy("columns:\n  customer: { action: redact }\n"
        + "  customer.notes: { action: keep, reason: reviewed }\n"), schema).plan(Map.of());
    assertThat(plan.columns()).extracting(ColumnPlan::treatment)
        .containsExactly(Treatment.MASK_VALUE, Treatment.SCAN_NUMBER, Treatment.KEEP);
    assertThat(plan.columns()).extracting(ColumnPlan::origin).containsExactly("policy", "policy", "policy");
    // A number inside a struct is detected, never classified into a string: the schema stays as it was.
    assertThat(Planner.bind(policy(""), schema).plan(Map.of("customer.age", new ColumnProfile("customer.age", 10, 10, 10,
        Map.of(EntityType.PHONE, 10), Map.of(EntityType.PHONE, 10), Optional.of(EntityType.PHONE), 1.0))).columns()
        .get(1).treatment()).isEqualTo(Treatment.SCAN_NUMBER);
    assertThatThrownBy(() -> Planner.bind(policy("columns:\n  customer.age: redact\n"), schema))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("cannot apply redact to 'customer.age' of type int: nested fields keep their type, so only "
            + "perturb applies to them");
    assertThatThrownBy(() -> Planner.bind(policy("columns:\n  customer.email: shuffle\n"), schema))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("cannot shuffle 'customer.email'");
    assertThat(Planner.bind(policy("columns:\n  customer: drop\n"), schema).plan(Map.of()).outputColumns()).isEmpty();
  }

  @Test
  void outsideFindingsMaskWhatTheSampleScanMissedButNeverOverruleARule() {
    List<ColumnInfo> schema = List.of(new ColumnInfo("notes", ColumnInfo.Kind.STRING, "string"),
        new ColumnInfo("memo", ColumnInfo.Kind.STRING, "string"),
        new ColumnInfo("born", ColumnInfo.Kind.OTHER_ATOMIC, "date"),
        new ColumnInfo("kept", ColumnInfo.Kind.STRING, "string"));
    ColumnHints hints = new ColumnHints("Amazon Macie", Map.of(
        "notes", Map.of(EntityType.PERSON, 4L),
        "memo", Map.of(EntityType.EMAIL, 1L),
        "born", Map.of(EntityType.DATE_OF_BIRTH, 2L),
        "kept", Map.of(EntityType.US_SSN, 1L)));
    ColumnProfile memo = new ColumnProfile("memo", 10, 10, 3, Map.of(EntityType.EMAIL, 3), Map.of(), Optional.empty(), 0.3);
    MaskingPlan plan = Planner.bind(policy("columns:\n  kept: { action: keep, reason: reviewed }\n"), schema)
        .plan(Map.of("memo", memo), hints);
    ColumnPlan notes = plan.columns().get(0);
    assertThat(notes.treatment()).isEqualTo(Treatment.MASK_VALUE);
    assertThat(notes.entity()).contains(EntityType.PERSON);
    assertThat(notes.origin()).isEqualTo("macie");
    assertThat(notes.reason()).isEqualTo("Amazon Macie found PERSON (4 occurrences); Shroud's sample scan did not, so "
        + "every value is masked as PERSON");
    assertThat(plan.columns().get(1).treatment()).as("the sample scan agrees: spans stay span-level")
        .isEqualTo(Treatment.SCAN_TEXT);
    assertThat(plan.columns().get(1).reason()).endsWith("; Amazon Macie found EMAIL (1 occurrence)");
    assertThat(plan.columns().get(2).treatment()).isEqualTo(Treatment.MASK_VALUE);
    assertThat(plan.columns().get(3).treatment()).isEqualTo(Treatment.KEEP);
    assertThat(plan.columns().get(3).reason()).isEqualTo("reviewed; note: Amazon Macie found US_SSN (1 occurrence) in it");
  }

  private static ColumnInfo leaf(String path, ColumnInfo.Kind kind, String top) {
    return new ColumnInfo(path, kind, kind == ColumnInfo.Kind.STRING ? "string" : "int", top, List.of(top), true);
  }

  @Test
  void detectedColumnsFollowTheirProfiles() {
    BoundPolicy bound = Planner.bind(Policy.auto("a.csv", Optional.empty(), "o", Optional.empty(), false), SCHEMA);
    assertThat(bound.columnsToProfile()).extracting(ColumnInfo::name).containsExactly("email", "notes", "amount");
    ColumnProfile emailProfile = new ColumnProfile("email", 10, 10, 10, Map.of(EntityType.EMAIL, 10),
        Map.of(EntityType.EMAIL, 10), Optional.of(EntityType.EMAIL), 1.0);
    MaskingPlan plan = bound.plan(Map.of("email", emailProfile));
    assertThat(plan.columns()).extracting(ColumnPlan::treatment)
        .containsExactly(Treatment.MASK_VALUE, Treatment.SCAN_TEXT, Treatment.SCAN_NUMBER, Treatment.KEEP);
    assertThat(plan.columns().get(0).operator()).contains(RedactSpec.LABEL);
    assertThat(plan.columns().get(0).reason()).isEqualTo("classified as EMAIL (100% of 10 sampled values)");
    assertThat(plan.columns().get(3).reason()).isEqualTo("type boolean holds no text the detectors apply to");
  }

  @Test
  void explicitRulesBeatDetection() {
    MaskingPlan plan = Planner.bind(policy("unlistedColumns: drop\ncolumns:\n  email: { action: keep, reason: test }\n"
        + "  amount: redact\n"), SCHEMA).plan(Map.of());
    assertThat(plan.columns()).extracting(ColumnPlan::treatment)
        .containsExactly(Treatment.KEEP, Treatment.DROP, Treatment.MASK_VALUE, Treatment.DROP);
    assertThat(plan.columns().get(2).becomesString()).isTrue();
    assertThat(plan.outputColumns()).extracting(ColumnPlan::name).containsExactly("email", "amount");
  }
}
