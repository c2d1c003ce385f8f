package io.shroud.core.detect.generic;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** E-mail addresses whose domain is well formed (labels of 1-63 characters, alphabetic TLD). */
public final class EmailDetector extends RegexDetector {
  // Local part and domain are bounded; the domain is checked label by label in evaluate().
  static final Pattern CANDIDATE = Pattern.compile(
      "(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\\.){1,8}(?:[A-Za-z]{2,24}|xn--[a-z0-9]{1,59})(?![A-Za-z0-9-])");

  public EmailDetector() {
    super("email", EntityType.EMAIL, CANDIDATE, List.of("email", "e-mail", "mail", "contact"));
  }

  @Override
  public TextGate gate() {
    return TextGate.anyOf('@');
  }

  @Override
  protected boolean mayContain(TextFeatures features) {
    return features.has('@');
  }

  @Override
  protected int[] searchWindow(TextFeatures features) {
    String text = features.text();
    int at = text.indexOf('@');
    // A local part holds only local-part characters, at most 64 of them: no address starts before the
    // run of such characters that ends at the first '@' (addresses around later '@'s start after it).
    int start = at;
    while (start > 0 && at - start < 65 && isLocalPart(text.charAt(start - 1))) {
      start--;
    }
    return new int[] {start, Math.min(text.length(), text.lastIndexOf('@') + 260)};
  }

  /** An address starts before its '@': none starts after the last one. */
  @Override
  protected int lastMatchStart(TextFeatures features) {
    return features.text().lastIndexOf('@');
  }

  private static boolean isLocalPart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
        || c == '%' || c == '+' || c == '-';
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    String candidate = match.group();
    int at = candidate.indexOf('@');
    String local = candidate.substring(0, at);
    if (local.endsWith(".") || local.contains("..")) {
      return null;
    }
    return wellFormedDomain(candidate, at + 1) ? new Score(0.9, "well-formed address and domain") : null;
  }

  /**
   * Every dot-separated label of the domain starting at {@code from} is 1 to 63 characters and neither
   * starts nor ends with a hyphen (checked in place: a split would allocate a list and a string per label).
   */
  static boolean wellFormedDomain(String candidate, int from) {
    int start = from;
    for (int i = from; i <= candidate.length(); i++) {
      if (i < candidate.length() && candidate.charAt(i) != '.') {
        continue;
      }
      int length = i - start;
      if (length == 0 || length > 63 || candidate.charAt(start) == '-' || candidate.charAt(i - 1) == '-') {
        return false;
      }
      start = i + 1;
    }
    return true;
  }
}
