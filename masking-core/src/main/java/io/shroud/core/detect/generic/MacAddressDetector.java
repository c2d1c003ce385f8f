package io.shroud.core.detect.generic;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MAC addresses: six hex pairs joined by one kind of separator (':' or '-'), or Cisco's three dotted
 * groups of four. The all-zero and broadcast addresses identify no device and are not reported.
 */
public final class MacAddressDetector extends RegexDetector {
  private static final Pattern CANDIDATE = Pattern.compile(
      "(?<![\\w:.-])(?:[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\\1){4}[0-9A-Fa-f]{2}"
          + "|[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4})(?![\\w:-]|\\.\\w)");

  public MacAddressDetector() {
    super("mac_address", EntityType.MAC_ADDRESS, CANDIDATE,
        List.of("mac", "hardware", "ethernet", "wifi", "wi-fi", "bssid", "device", "physical"));
  }

  @Override
  public TextGate gate() {
    return TextGate.anyOf(':', '-', '.');
  }

  @Override
  protected boolean mayContain(TextFeatures features) {
    if (features.colons() >= 5) {
      return true;
    }
    String text = features.text();
    // Hyphenated "00-1A-2B-..." (hex pairs between three separators) or Cisco "0012.3456.789A".
    if (features.has('-')) {
      for (int i = text.indexOf('-', 2); i >= 0 && i + 6 < text.length(); i = text.indexOf('-', i + 1)) {
        if (text.charAt(i + 3) == '-' && text.charAt(i + 6) == '-' && hexRun(text, i - 2, 2)
            && hexRun(text, i + 1, 2) && hexRun(text, i + 4, 2)) {
          return true;
        }
      }
    }
    if (features.has('.')) {
      for (int i = text.indexOf('.', 4); i >= 0 && i + 5 < text.length(); i = text.indexOf('.', i + 1)) {
        if (text.charAt(i + 5) == '.' && hexRun(text, i - 4, 4) && hexRun(text, i + 1, 4)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hexRun(String text, int from, int length) {
    for (int i = from; i < from + length; i++) {
      if (!hex(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    String hex = match.group().replaceAll("[:.-]", "").toUpperCase(Locale.ROOT);
    if (hex.equals("000000000000") || hex.equals("FFFFFFFFFFFF")) {
      return null;
    }
    return match.group(1) != null ? new Score(0.6, "six hex pairs") : new Score(0.55, "dotted hex groups");
  }
}
