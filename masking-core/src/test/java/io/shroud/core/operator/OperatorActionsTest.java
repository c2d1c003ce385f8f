package io.shroud.core.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.shroud.core.policy.ColumnRule;
import io.shroud.core.policy.Policy;
import io.shroud.core.policy.PolicyOverrides;
import io.shroud.core.policy.PolicyParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every action is registered once, and each spec answers for itself what callers used to test by
 * class: the dispatch is checked here instead of in the callers.
 */
class OperatorActionsTest {
  /** One rule per action, as a policy writes it. */
  private static final Map<String, String> RULES = Map.ofEntries(
      Map.entry("redact", "{ action: redact }"),
      Map.entry("remove", "{ action: remove }"),
      Map.entry("partial-mask", "{ action: partial-mask }"),
      Map.entry("hash", "{ action: hash, key: k1 }"),
      Map.entry("pseudonymize", "{ action: pseudonymize, key: k1 }"),
      Map.entry("substitute", "{ action: substitute, key: k1, type: PERSON }"),
      Map.entry("tokenize", "{ action: tokenize, key: k1 }"),
      Map.entry("encrypt", "{ action: encrypt, key: k1 }"),
      Map.entry("generalize", "{ action: generalize, width: 10 }"),
      Map.entry("suppress", "{ action: suppress }"),
      Map.entry("perturb", "{ action: perturb, kind: date-shift, key: k1, subject: id }"));

  @Test
  void everyPermittedSpecIsRegisteredOnce() {
    List<Class<?>> registered = OperatorSpec.ACTIONS.stream().<Class<?>>map(OperatorSpec.Action::type).toList();
    assertThat(registered).doesNotHaveDuplicates()
        .containsExactlyInAnyOrder(OperatorSpec.class.getPermittedSubclasses());
    assertThat(OperatorSpec.actionNames()).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(RULES.keySet());
  }

  @Test
  void eachActionParsesItsOwnSpecWhichNamesIt() {
    Map<String, OperatorSpec> parsed = parseAll();
    for (OperatorSpec.Action<?> action : OperatorSpec.ACTIONS) {
      OperatorSpec spec = parsed.get(action.name());
      assertThat(spec).as(action.name()).isInstanceOf(action.type());
      assertThat(spec.action()).isEqualTo(action.name());
      assertThat(OperatorSpec.named(action.name())).containsSame(action);
    }
    assertThat(OperatorSpec.named("keep")).as("keep is a rule, not an operator").isEmpty();
  }

  @Test
  void specsAnswerWhatCallersNeed() {
    Map<String, String> answers = new LinkedHashMap<>();
    parseAll().forEach((action, spec) -> answers.put(action, (spec.reversible() ? "reversible " : "")
        + (spec.preservesType() ? "preservesType " : "") + (spec.producesLookalikes() ? "lookalikes " : "")
        + spec.subjectColumn().map(s -> "subject=" + s).orElse("")));
    assertThat(answers).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry("redact", ""),
        Map.entry("remove", ""),
        Map.entry("partial-mask", ""),
        Map.entry("hash", ""),
        Map.entry("pseudonymize", ""),
        Map.entry("substitute", "lookalikes "),
        Map.entry("tokenize", "reversible lookalikes "),
        Map.entry("encrypt", "reversible "),
        Map.entry("generalize", ""),
        Map.entry("suppress", ""),
        Map.entry("perturb", "preservesType lookalikes subject=id")));
    assertThat(new PerturbSpec(PerturbSpec.Kind.LAPLACE, 1, 1, 0, null, null, 0).needsSubjectColumn()).isFalse();
  }

  @Test
  void everyActionBuildsItsOperator() {
    Operators operators = OperatorsTest.operators();
    parseAll().forEach((action, spec) -> {
      MaskingOperator operator = operators.create(spec);
      assertThat(operator).as(action).isNotNull();
      assertThat(operator instanceof ReversibleOperator).as(action).isEqualTo(spec.reversible());
      assertThat(operators.checkValue(spec) != null).as(action).isEqualTo(spec.reversible());
    });
  }

  private static Map<String, OperatorSpec> parseAll() {
    StringBuilder yaml = new StringBuilder("input: { path: a.csv }\noutput: { path: o }\n"
        + "keys: { k1: { file: k.key } }\ncolumns:\n");
    RULES.forEach((action, rule) -> yaml.append("  c_").append(action.replace('-', '_')).append(": ").append(rule)
        .append('\n'));
    Policy policy = new PolicyParser().parse(yaml.toString(), "p.yaml", PolicyOverrides.NONE);
    Map<String, OperatorSpec> specs = new LinkedHashMap<>();
    for (String action : RULES.keySet()) {
      ColumnRule rule = policy.columns().get("c_" + action.replace('-', '_'));
      specs.put(action, rule.operator().orElseThrow());
    }
    assertThat(specs.keySet()).containsExactlyInAnyOrderElementsOf(List.copyOf(RULES.keySet()));
    return specs;
  }
}
