package io.shroud.core.operator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Adds noise to numbers, or shifts dates by a per-subject offset.
 *
 * @param kind laplace, uniform or date-shift
 * @param epsilon privacy budget for {@link Kind#LAPLACE} (noise scale = sensitivity / epsilon)
 * @param sensitivity largest change one record can make, for {@link Kind#LAPLACE}
 * @param bound noise is uniform in [-bound, bound] for {@link Kind#UNIFORM}
 * @param key key for {@link Kind#DATE_SHIFT} offsets
 * @param subject column whose value identifies the subject for {@link Kind#DATE_SHIFT}: the same
 *     subject always gets the same shift, so intervals between its dates survive
 * @param maxDays shifts are between -maxDays and +maxDays
 */
public record PerturbSpec(Kind kind, double epsilon, double sensitivity, double bound, String key, String subject,
    int maxDays) implements OperatorSpec {

  public PerturbSpec {
    Objects.requireNonNull(kind, "kind");
  }

  static PerturbSpec parse(OperatorParams params) {
    params.allowOnly("action", "kind", "epsilon", "sensitivity", "bound", "key", "subject", "maxDays");
    Kind kind = params.enumValue("kind", Kind.class, Kind::yamlName)
        .orElseThrow(() -> params.error(null, "perturb needs 'kind': laplace, uniform or date-shift"));
    switch (kind) {
      case LAPLACE -> {
        double epsilon = params.positive("epsilon");
        double sensitivity = params.positive("sensitivity");
        return new PerturbSpec(kind, epsilon, sensitivity, 0, null, null, 0);
      }
      case UNIFORM -> {
        return new PerturbSpec(kind, 0, 0, params.positive("bound"), null, null, 0);
      }
      default -> {
        String key = params.requireKey("date-shift");
        String subject = params.string("subject").orElseThrow(() -> params.error(null,
            "date-shift needs 'subject': the column whose value identifies the person (same person, same shift)"));
        int maxDays = params.integer("maxDays").orElse(30);
        if (maxDays < 1 || maxDays > 3650) {
          throw params.error("maxDays", "'" + params.dotted("maxDays") + "' must be between 1 and 3650, got " + maxDays);
        }
        return new PerturbSpec(kind, 0, 0, 0, key, subject, maxDays);
      }
    }
  }

  @Override
  public String action() {
    return "perturb";
  }

  @Override
  public String keyName() {
    return key;
  }

  @Override
  public Map<String, Object> auditParameters() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("kind", kind.yamlName());
    switch (kind) {
      case LAPLACE -> {
        params.put("epsilon", epsilon);
        params.put("sensitivity", sensitivity);
      }
      case UNIFORM -> params.put("bound", bound);
      case DATE_SHIFT -> {
        params.put("key", key);
        params.put("subject", subject);
        params.put("maxDays", maxDays);
      }
    }
    return params;
  }

  @Override
  public Traits traits() {
    // noisy numbers stay numbers and shifted dates stay dates, still lookalikes of their kind
    return new Traits(false, true, true);
  }

  @Override
  public Optional<String> subjectColumn() {
    return Optional.ofNullable(subject);
  }

  @Override
  public MaskingOperator build(KeyResolver keys) {
    return kind == Kind.DATE_SHIFT ? new DateShifter(this, keys.key(key)) : new NoisePerturber(this);
  }

  /** Perturbation kinds. */
  public enum Kind {
    LAPLACE("laplace"),
    UNIFORM("uniform"),
    DATE_SHIFT("date-shift");

    private final String yamlName;

    Kind(String yamlName) {
      this.yamlName = yamlName;
    }

    public String yamlName() {
      return yamlName;
    }
  }
}
