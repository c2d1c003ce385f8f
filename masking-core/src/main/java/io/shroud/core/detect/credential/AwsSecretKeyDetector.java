package io.shroud.core.detect.credential;

import io.shroud.core.detect.ContextWords;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS secret access keys: 40 base64 characters mixing upper case, lower case and digits. Plenty of
 * hashes share the shape, so they are reported only next to "aws", "secret" and the like.
 */
public final class AwsSecretKeyDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile("(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");

  public AwsSecretKeyDetector() {
    super("aws_secret_access_key", EntityType.AWS_SECRET_ACCESS_KEY, CANDIDATE, new ContextWords(List.of(
        "aws", "secret", "secret_access_key", "secretaccesskey", "aws_secret_access_key", "secret key")), true);
  }

  @Override
  public TextGate gate() {
    return TextGate.tokenRun(40);
  }

  @Override
  protected boolean mayContain(TextFeatures features) {
    return features.maxTokenRun() >= 40;
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    String key = match.group();
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
      digit |= c >= '0' && c <= '9';
    }
    return upper && lower && digit ? new Score(0.4, "40 mixed base64 characters") : null;
  }
}
