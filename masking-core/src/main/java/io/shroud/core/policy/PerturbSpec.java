package io.shroud.core.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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
