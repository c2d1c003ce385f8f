package io.shroud.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shroud.core.detect.EntityType;
import io.shroud.core.keys.KeyProviderFactory;
import io.shroud.core.mask.CellMasker;
import io.shroud.core.plan.ColumnInfo;
import io.shroud.core.plan.ColumnPlan;
import io.shroud.core.plan.MaskingPlan;
import io.shroud.core.plan.Treatment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A policy may keep the spans of an entity type (nationality and religion words), with a reason. */
class KeptEntityTypesTest {
  private static final String HEAD = "input: { path: a.csv }\noutput: { path: o }\n";
  private final PolicyParser parser = new PolicyParser();

  private Policy parse(String yaml) {
    return parser.parse(HEAD + yaml, "p.yaml", PolicyOverrides.NONE);
  }

  @Test
  void aKeptTypeIsParsedWithItsReason() {
    EntityOperators operators = parse("operators:\n  NRP: { action: keep, reason: \"survey about faith\" }\n"
        + "  EMAIL: { action: redact }\n").operators();
    assertThat(operators.keeps(EntityType.NRP)).isTrue();
    assertThat(operators.kept()).containsEntry(EntityType.NRP, "survey about faith");
    assertThat(operators.keeps(EntityType.EMAIL)).isFalse();
    assertThat(operators.keeps(EntityType.PERSON)).isFalse();
  }

  @Test
  void keepNeedsAReasonAndNeverAppliesToDefault() {
    assertThatThrownBy(() -> parse("operators:\n  NRP: { action: keep }\n")).isInstanceOf(InvalidPolicyException.class)
        .hasMessage("Invalid policy p.yaml, line 4: entity type 'NRP' is kept without a 'reason'; say why its spans "
            + "may stay (it goes to the audit)");
    assertThatThrownBy(() -> parse("operators:\n  default: { action: keep, reason: x }\n"))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessage("Invalid policy p.yaml, line 4: 'default' cannot be kept: every type nobody decided about is "
            + "masked (fail closed); keep names the types to leave as written, such as NRP");
    assertThatThrownBy(() -> parse("operators:\n  NRP: { action: keep, reason: x, key: k }\n"))
        .isInstanceOf(InvalidPolicyException.class).hasMessageContaining("key");
  }

  @Test
  void keptSpansStayWhileEveryOtherFindingIsMasked() {
    Policy policy = parse("operators:\n  NRP: { action: keep, reason: \"survey about faith\" }\n");
    ColumnInfo notes = new ColumnInfo("notes", ColumnInfo.Kind.STRING, "string");
    MaskingPlan plan = new MaskingPlan(List.of(new ColumnPlan(notes, Treatment.SCAN_TEXT, null, null, "policy", "scan")),
        policy.operators(), policy.detection(), Map.of());
    CellMasker masker = new CellMasker(plan, new KeyProviderFactory.LocalFiles().create());
    List<String> counted = new ArrayList<>();
    CellMasker.Counter counter = new CellMasker.Counter() {
      @Override
      public void found(int column, EntityType type) {
        counted.add(type.name());
      }

      @Override
      public void masked(int column) {
        counted.add("masked");
      }
    };
    assertThat(masker.mask(0, "As a Muslim I asked jo@example.com about it.", counter))
        .isEqualTo("As a Muslim I asked <EMAIL> about it.");
    assertThat(counted).containsExactlyInAnyOrder("NRP", "EMAIL", "masked");
    counted.clear();
    assertThat(masker.mask(0, "The Catholic school opened.", counter)).isEqualTo("The Catholic school opened.");
    assertThat(counted).containsExactly("NRP"); // found, counted, not masked
  }
}
