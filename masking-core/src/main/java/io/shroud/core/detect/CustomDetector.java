package io.shroud.core.detect;

import io.shroud.core.detect.check.Validators;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A detector built from a {@link CustomDetectorSpec}: the spec's regex, validator and context words. */
final class CustomDetector extends RegexDetector {
  private final Validators.Validator validator;
  private final double baseScore;

  CustomDetector(CustomDetectorSpec spec) {
    super("custom:" + spec.name(), spec.entityType(), Pattern.compile(spec.regex()),
        new ContextWords(spec.contextWords()), false);
    this.validator = spec.validator() == null ? null : Validators.named(spec.validator()).orElseThrow();
    this.baseScore = spec.baseScore();
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    if (match.end() == match.start()) {
      return null;
    }
    if (validator == null) {
      return new Score(baseScore, "custom pattern");
    }
    return switch (validator.validate(match.group())) {
      case CONFIRMED -> new Score(baseScore, "custom pattern, validator passed");
      case UNKNOWN -> new Score(baseScore, "custom pattern, validator inconclusive");
      case REJECTED -> null;
    };
  }
}
