package io.shroud.core.detect.credential;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS access key ids: a four-letter type prefix (AKIA long-term, ASIA temporary, and the other IAM
 * unique-id prefixes) and 16 base-32 characters. Distinctive enough to report without context.
 */
public final class AwsAccessKeyIdDetector extends RegexDetector {
  private static final String[] PREFIXES = {"AKIA", "ASIA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "ABIA", "ACCA"};
  private static final Pattern CANDIDATE = Pattern.compile(
      "(?<![A-Za-z0-9])(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])");

  public AwsAccessKeyIdDetector() {
    super("aws_access_key_id", EntityType.AWS_ACCESS_KEY_ID, CANDIDATE, List.of("aws", "access key", "key id"));
  }

  @Override
  public TextGate gate() {
    return TextGate.letters(12);
  }

  @Override
  protected boolean mayContain(TextFeatures features) {
    if (features.upper() < 12) {
      return false;
    }
    for (String prefix : PREFIXES) {
      if (features.contains(prefix)) {
        return true;
      }
    }
    return false;
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    return new Score(0.9, "AWS key id prefix and base-32 body");
  }
}
