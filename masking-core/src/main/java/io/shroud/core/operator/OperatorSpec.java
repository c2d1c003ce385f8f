package io.shroud.core.operator;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A masking action with its parameters, validated when the policy loads. Each spec is its action's
 * one home: it states its YAML name, reads and checks its own parameters ({@code parse}), builds its
 * operator and answers what planning, detokenize, the residual scan and the output tags need to know,
 * so no caller tests for particular actions. Holds key names, never key material, so it is safe to
 * serialize to executors and to write to the audit.
 *
 * <p>A new action is a spec record (named in {@code permits} and in {@link #ACTIONS}) and its
 * operator class: three files (docs/architecture.md). {@code OperatorActionsTest} checks that every
 * permitted spec is registered.
 */
public sealed interface OperatorSpec extends Serializable
    permits RedactSpec, RemoveSpec, SuppressSpec, PartialMaskSpec, HashSpec, PseudonymizeSpec, SubstituteSpec,
        TokenizeSpec, EncryptSpec, GeneralizeSpec, PerturbSpec {

  /** Every action, in the order messages list them. */
  List<Action<?>> ACTIONS = List.of(
      new Action<>("redact", RedactSpec.class, RedactSpec::parse),
      new Action<>("remove", RemoveSpec.class, RemoveSpec::parse),
      new Action<>("partial-mask", PartialMaskSpec.class, PartialMaskSpec::parse),
      new Action<>("hash", HashSpec.class, HashSpec::parse),
      new Action<>("pseudonymize", PseudonymizeSpec.class, PseudonymizeSpec::parse),
      new Action<>("substitute", SubstituteSpec.class, SubstituteSpec::parse),
      new Action<>("tokenize", TokenizeSpec.class, TokenizeSpec::parse),
      new Action<>("encrypt", EncryptSpec.class, EncryptSpec::parse),
      new Action<>("generalize", GeneralizeSpec.class, GeneralizeSpec::parse),
      new Action<>("suppress", SuppressSpec.class, SuppressSpec::parse),
      new Action<>("perturb", PerturbSpec.class, PerturbSpec::parse));

  /** The YAML names of all actions, in {@link #ACTIONS} order. */
  static List<String> actionNames() {
    return ACTIONS.stream().map(Action::name).toList();
  }

  /** The action with this YAML name. */
  static Optional<Action<?>> named(String name) {
    return ACTIONS.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** The policy's name for the action ({@code redact}, {@code partial-mask}, {@code hash}). */
  String action();

  /** The key this operator needs, or null. */
  default String keyName() {
    return null;
  }

  /** Parameters for the audit: everything except secrets (there are none in a spec). */
  Map<String, Object> auditParameters();

  /**
   * What planning, detokenize, the residual scan and the output tags need to know of the action's
   * output, stated once per spec: the compiler asks every spec for it.
   *
   * @param reversible whoever holds the key can turn the output back into the input ({@code shroud
   *     detokenize}); the operator is then a {@link ReversibleOperator}
   * @param preservesType a number or date column keeps its type (the output parses as one again)
   *     instead of becoming text
   * @param producesLookalikes the output looks like real data of its kind (a tokenized card number is
   *     still a card number, a substitute name a name), so a scan of the output is expected to find it
   */
  record Traits(boolean reversible, boolean preservesType, boolean producesLookalikes) implements Serializable {
    /** Irreversible text that resembles nothing real: most actions. */
    public static final Traits OPAQUE = new Traits(false, false, false);
  }

  /** This action's {@link Traits}. */
  Traits traits();

  /** {@link Traits#reversible()}. */
  default boolean reversible() {
    return traits().reversible();
  }

  /** {@link Traits#preservesType()}. */
  default boolean preservesType() {
    return traits().preservesType();
  }

  /** {@link Traits#producesLookalikes()}. */
  default boolean producesLookalikes() {
    return traits().producesLookalikes();
  }

  /** The column whose value in the same row the output depends on (a date shift's subject), if any. */
  default Optional<String> subjectColumn() {
    return Optional.empty();
  }

  /** Whether each value needs another cell of its row, {@link #subjectColumn()}. */
  default boolean needsSubjectColumn() {
    return subjectColumn().isPresent();
  }

  /**
   * Why this action cannot mask findings of an entity type ({@code US_SSN}), or empty when it can.
   * Checked when the policy loads, for the types the {@code operators} section names.
   */
  default Optional<String> problemFor(String entityType) {
    return Optional.empty();
  }

  /** A fresh operator (one per thread), with key names resolved by {@code keys}. */
  MaskingOperator build(KeyResolver keys);

  /**
   * An action as the registry knows it: its YAML name, its spec record and how its parameters are read.
   *
   * @param name the YAML name, which the spec's {@link OperatorSpec#action()} returns too
   * @param type the spec record
   * @param parser reads and checks the parameters, throwing the parameters' own errors
   */
  record Action<S extends OperatorSpec>(String name, Class<S> type, Function<OperatorParams, S> parser) {
    public S parse(OperatorParams params) {
      return parser.apply(params);
    }
  }
}
