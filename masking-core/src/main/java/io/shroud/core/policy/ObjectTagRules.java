package io.shroud.core.policy;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * S3's object tag rules and the tags Shroud reserves. S3 allows at most 10 tags per object, keys of 1 to
 * 128 and values of 0 to 256 Unicode characters made of letters, digits, white space and
 * {@code + - = . _ : / @}; the {@code aws:} prefix is AWS's. Shroud adds {@code shroud:run-id},
 * {@code shroud:policy-sha256} and a {@code Classification} to every object it writes, and owns the
 * {@code shroud:} prefix.
 */
public final class ObjectTagRules {
  public static final int MAX_TAGS_PER_OBJECT = 10;
  public static final int MAX_KEY_LENGTH = 128;
  public static final int MAX_VALUE_LENGTH = 256;
  public static final String CLASSIFICATION = "Classification";
  public static final String RUN_ID = "shroud:run-id";
  public static final String POLICY_SHA256 = "shroud:policy-sha256";
  public static final String SANITIZED_BY = "shroud:sanitized-by";
  /** Tags Shroud always adds besides Classification. */
  public static final int SHROUD_TAGS = 2;
  /** AWS's documented tag character set. */
  private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

  private ObjectTagRules() {}

  /** What is wrong with a tag key a policy sets, or empty. */
  public static Optional<String> keyProblem(String key) {
    int length = key.codePointCount(0, key.length());
    if (length == 0 || length > MAX_KEY_LENGTH) {
      return Optional.of("a tag key has 1 to " + MAX_KEY_LENGTH + " characters, this one " + length);
    }
    if (!ALLOWED.matcher(key).matches()) {
      return Optional.of("a tag key may hold letters, digits, spaces and + - = . _ : / @ only");
    }
    String lower = key.toLowerCase(Locale.ROOT);
    if (lower.startsWith("aws:")) {
      return Optional.of("the aws: prefix is reserved for AWS");
    }
    if (lower.startsWith("shroud:")) {
      return Optional.of("the shroud: prefix is reserved for the tags Shroud adds (" + RUN_ID + ", " + POLICY_SHA256
          + ", " + SANITIZED_BY + ")");
    }
    if (lower.equals(CLASSIFICATION.toLowerCase(Locale.ROOT)) && !key.equals(CLASSIFICATION)) {
      return Optional.of("tag keys are case-sensitive and the classification tag is '" + CLASSIFICATION
          + "' (the key bucket and reader policies test)");
    }
    return Optional.empty();
  }

  /** What is wrong with a tag value, or empty. */
  public static Optional<String> valueProblem(String value) {
    int length = value.codePointCount(0, value.length());
    if (length > MAX_VALUE_LENGTH) {
      return Optional.of("a tag value has at most " + MAX_VALUE_LENGTH + " characters, this one " + length);
    }
    if (!ALLOWED.matcher(value).matches()) {
      return Optional.of("a tag value may hold letters, digits, spaces and + - = . _ : / @ only");
    }
    return Optional.empty();
  }
}
