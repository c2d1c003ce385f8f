package io.shroud.core.detect.check;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Built-in validators that custom detectors can name. Each looks at the candidate's digits (or, for
 * mod97, its letters and digits) and says whether the check holds.
 */
public final class Validators {
  /** Checks one candidate match. */
  @FunctionalInterface
  public interface Validator {
    Validation validate(String candidate);
  }

  private static final Map<String, Validator> BY_NAME = registry();

  private Validators() {}

  /** The validator registered under {@code name} ("luhn", "mod97", "verhoeff", ...). */
  public static Optional<Validator> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  public static Set<String> names() {
    return BY_NAME.keySet();
  }

  private static Map<String, Validator> registry() {
    Map<String, Validator> map = new TreeMap<>();
    map.put("luhn", digits(Checksums::luhnValid));
    map.put("verhoeff", digits(Checksums::verhoeffValid));
    map.put("aba", digits(Checksums::abaValid));
    map.put("nhs_mod11", digits(Checksums::nhsValid));
    map.put("iso7064_mod11_10", digits(Checksums::iso7064Mod11_10Valid));
    map.put("mod97", candidate -> Validation.of(Checksums.mod97Valid(alphanumerics(candidate))));
    return Map.copyOf(map);
  }

  private static Validator digits(Function<String, Boolean> check) {
    return candidate -> {
      String digits = Checksums.digitsOf(candidate);
      return digits.isEmpty() ? Validation.REJECTED : Validation.of(check.apply(digits));
    };
  }

  private static String alphanumerics(String candidate) {
    StringBuilder sb = new StringBuilder(candidate.length());
    for (int i = 0; i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
