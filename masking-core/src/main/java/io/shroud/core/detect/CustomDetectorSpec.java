package io.shroud.core.detect;

import io.shroud.core.detect.check.RegexSafety;
import io.shroud.core.detect.check.Validators;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A detector declared in configuration rather than code.
 *
 * @param name identifier recorded with findings (lower-case letters, digits, '_' or '-')
 * @param entityType the type reported
 * @param regex the candidate pattern; rejected when it has nested unbounded quantifiers
 * @param validator optional name of a built-in validator ({@link Validators#names()}); null for none
 * @param contextWords words that raise confidence near a match or in the column name
 * @param baseScore score of a match (validated when a validator is named) before context, 0..1
 */
public record CustomDetectorSpec(
    String name, EntityType entityType, String regex, String validator, List<String> contextWords, double baseScore)
    implements Serializable {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  public CustomDetectorSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(entityType, "entityType");
    contextWords = contextWords == null ? List.of() : List.copyOf(contextWords);
    if (!NAME.matcher(name).matches()) {
      throw invalid(name, "name must be lower-case letters, digits, '_' or '-'");
    }
    String problem = RegexSafety.problem(regex).orElse(null);
    if (problem != null) {
      throw invalid(name, problem);
    }
    if (validator != null && Validators.named(validator).isEmpty()) {
      throw invalid(name, "unknown validator '" + validator + "', expected one of " + Validators.names());
    }
    if (!(baseScore >= 0.0 && baseScore <= 1.0)) {
      throw invalid(name, "baseScore must be between 0 and 1, got " + baseScore);
    }
  }

  private static IllegalArgumentException invalid(String name, String why) {
    return new IllegalArgumentException("Invalid custom detector '" + name + "': " + why);
  }

  /** A fresh detector for this spec (one per thread, like the built-in ones). */
  public Detector toDetector() {
    return new CustomDetector(this);
  }
}
