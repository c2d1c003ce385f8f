package io.shroud.core.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.shroud.core.plan.ColumnInfo;
import io.shroud.core.plan.MaskingPlan;
import io.shroud.core.plan.Planner;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.PolicyOverrides;
import io.shroud.core.policy.PolicyParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunTagsTest {
  private static final List<ColumnInfo> SCHEMA = List.of(new ColumnInfo("email", ColumnInfo.Kind.STRING, "string"),
      new ColumnInfo("notes", ColumnInfo.Kind.STRING, "string"));
  private static final String KEYS = "keys: { t: { file: t.key } }\n";

  private static MaskingPlan plan(String rest) {
    Policy policy = new PolicyParser().parse("input: { path: a.csv }\noutput: { path: o }\n" + rest, "p.yaml",
        PolicyOverrides.NONE);
    return Planner.bind(policy, SCHEMA).plan(Map.of());
  }

  @Test
  void irreversibleMaskingIsMasked() {
    assertThat(OutputClassification.of(plan("columns: { email: { action: hash, key: t }, notes: detect }\n" + KEYS),
        false)).isEqualTo(OutputClassification.MASKED);
    assertThat(OutputClassification.of(null, false)).isEqualTo(OutputClassification.MASKED);
  }

  @Test
  void tokenizedOrEncryptedColumnsAndFindingsAreReversible() {
    assertThat(OutputClassification.of(plan("columns: { email: { action: encrypt, key: t }, notes: drop }\n" + KEYS),
        false)).isEqualTo(OutputClassification.CONTAINS_REVERSIBLE_TOKENS);
    // A scanned column may hold a finding whose type is tokenized.
    assertThat(OutputClassification.of(plan("columns: { email: drop, notes: detect }\n"
        + "operators: { US_SSN: { action: tokenize, key: t } }\n" + KEYS), false))
        .isEqualTo(OutputClassification.CONTAINS_REVERSIBLE_TOKENS);
    // ... but not once every scanned column is gone.
    assertThat(OutputClassification.of(plan("columns: { email: drop, notes: drop }\n"
        + "operators: { US_SSN: { action: tokenize, key: t } }\n" + KEYS), false)).isEqualTo(OutputClassification.MASKED);
  }

  @Test
  void residualFindingsOutrankEverything() {
    assertThat(OutputClassification.of(plan("columns: { email: { action: encrypt, key: t } }\n" + KEYS), true))
        .isEqualTo(OutputClassification.RESIDUAL_PII);
    assertThat(OutputClassification.RESIDUAL_PII.tagValue()).isEqualTo("residual-pii");
  }

  @Test
  void policyTagsComeFirstThenClassificationThenShroudsOwn() {
    RunTags derived = RunTags.of(Map.of("team", "ml"), OutputClassification.CONTAINS_REVERSIBLE_TOKENS, "20261122T051500Z-1a2b3c4d",
        "ab".repeat(32));
    assertThat(derived.tags()).containsExactly(entry("team", "ml"), entry("Classification", "contains-reversible-tokens"),
        entry("shroud:run-id", "20261122T051500Z-1a2b3c4d"), entry("shroud:policy-sha256", "ab".repeat(32)));
    assertThat(derived.classificationFromPolicy()).isFalse();

    RunTags given = RunTags.of(Map.of("Classification", "masked-pii"), OutputClassification.RESIDUAL_PII, "r", "s");
    assertThat(given.classification()).isEqualTo("masked-pii");
    assertThat(given.classificationFromPolicy()).isTrue();
    assertThat(given.tags()).hasSize(3);
  }
}
