package io.shroud.core.detect;

import java.util.List;
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
  protected boolean mayContain(TextFeatures features) {
    return features.has(':') || features.has('-') || features.has('.');
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    String hex = match.group().replaceAll("[:.-]", "").toUpperCase(java.util.Locale.ROOT);
    if (hex.equals("000000000000") || hex.equals("FFFFFFFFFFFF")) {
      return null;
    }
    return match.group(1) != null ? new Score(0.6, "six hex pairs") : new Score(0.55, "dotted hex groups");
  }
}
