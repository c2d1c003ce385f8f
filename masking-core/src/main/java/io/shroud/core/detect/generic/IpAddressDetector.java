package io.shroud.core.detect.generic;

import io.shroud.core.detect.ContextWords;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import io.shroud.core.detect.check.Checksums;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPv4 and IPv6 addresses, parsed rather than only matched, with an optional CIDR prefix length or
 * IPv6 zone id included in the span. A four-part dotted number right after "version", "build" or
 * "v" is a version string, not an address. Bare 4-part numbers that parse as addresses are reported
 * as addresses ("1.2.3.4" is a common example IP); the unspecified address "::" is not reported.
 */
public final class IpAddressDetector extends RegexDetector {
  private static final String V4 = "(?:\\d{1,3}\\.){3}\\d{1,3}";
  private static final String V6 = "(?:[0-9A-Fa-f]{0,4}:){2,7}(?:" + V4 + "|[0-9A-Fa-f]{0,4})";
  // A v4 address may follow a colon ("ip:10.0.0.1", the tail of "x::ffff:1.2.3.4"); a v6 may not.
  private static final Pattern CANDIDATE = Pattern.compile(
      "(?:(?<![\\w.])(" + V4 + ")|(?<![\\w.:])(" + V6 + "))(?![\\w:]|\\.\\d)");
  private static final ContextWords CONTEXT = new ContextWords(
      List.of("ip", "ipv4", "ipv6", "address", "host", "client", "remote", "server"),
      List.of("version", "ver", "v", "build", "release", "firmware", "oid", "versions"));

  public IpAddressDetector() {
    super("ip_address", EntityType.IP_ADDRESS, CANDIDATE, CONTEXT, false);
  }

  /** IPv4 needs dots, IPv6 colons. */
  @Override
  public TextGate gate() {
    return TextGate.anyOf('.', ':');
  }

  @Override
  protected boolean mayContain(TextFeatures features) {
    if (mayHoldV6(features)) {
      return true;
    }
    if (!features.has('.') || features.digits() < 4) {
      return false;
    }
    int[] clusters = features.numericClusters();
    String text = features.text();
    for (int c = 0; c < clusters.length; c += 3) {
      int dots = 0;
      for (int i = clusters[c]; i < clusters[c + 1]; i++) {
        if (text.charAt(i) == '.') {
          dots++;
        }
      }
      if (dots >= 3 && clusters[c + 2] >= 4) {
        return true;
      }
    }
    return false;
  }

  /** Without IPv6 anchors only the numeric clusters (dotted quads) need searching. */
  @Override
  protected int minClusterDigits(TextFeatures features) {
    return mayHoldV6(features) ? 0 : 4;
  }

  @Override
  protected int clusterMarginBefore() {
    return 0;
  }

  @Override
  protected int clusterMarginAfter() {
    return 0;
  }

  /** An IPv6 address has "::" or at least two colons between hex digits ("12:30" has one). */
  private static boolean mayHoldV6(TextFeatures features) {
    if (features.colons() < 2) {
      return false;
    }
    String text = features.text();
    int anchors = 0;
    for (int i = text.indexOf(':'); i >= 0 && i + 1 < text.length(); i = text.indexOf(':', i + 1)) {
      if (text.charAt(i + 1) == ':') {
        return true;
      }
      if (i > 0 && hex(text.charAt(i - 1)) && hex(text.charAt(i + 1)) && ++anchors >= 2) {
        return true;
      }
    }
    return false;
  }

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    if (match.group(1) != null) {
      if (!validV4(match.group(1))) {
        return null;
      }
      return new Score(0.6, "valid IPv4 address", match.start(), extendPrefix(text, match.end(), 32));
    }
    String v6 = match.group(2);
    if (!validV6(v6)) {
      return null;
    }
    if (v6.equals("::")) {
      return new Score(0.1, "unspecified IPv6 address");
    }
    int end = match.end();
    if (end < text.length() && text.charAt(end) == '%') {
      int zoneEnd = end + 1;
      while (zoneEnd < text.length() && zoneEnd - end <= 16 && Character.isLetterOrDigit(text.charAt(zoneEnd))) {
        zoneEnd++;
      }
      end = zoneEnd > end + 1 ? zoneEnd : end;
    }
    return new Score(0.65, "valid IPv6 address", match.start(), extendPrefix(text, end, 128));
  }

  /** Extends the span over a "/prefix" CIDR suffix when the prefix length is valid. */
  private static int extendPrefix(String text, int end, int maxPrefix) {
    if (end >= text.length() || text.charAt(end) != '/') {
      return end;
    }
    int i = end + 1;
    int value = 0;
    while (i < text.length() && i - end <= 3 && Character.isDigit(text.charAt(i))) {
      value = value * 10 + (text.charAt(i) - '0');
      i++;
    }
    boolean digitsEnd = i >= text.length() || !Character.isLetterOrDigit(text.charAt(i));
    return i > end + 1 && digitsEnd && value <= maxPrefix ? i : end;
  }

  static boolean validV4(String candidate) {
    String[] parts = candidate.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')
          || !Checksums.allDigits(part)) {
        return false;
      }
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  static boolean validV6(String candidate) {
    String address = candidate;
    int lastColon = address.lastIndexOf(':');
    if (address.indexOf('.', lastColon) >= 0) {
      if (!validV4(address.substring(lastColon + 1))) {
        return false;
      }
      address = address.substring(0, lastColon + 1) + "0:0";
    }
    int doubleColon = address.indexOf("::");
    if (doubleColon >= 0 && address.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    if (doubleColon >= 0) {
      int head = countGroups(address.substring(0, doubleColon));
      int tail = countGroups(address.substring(doubleColon + 2));
      return head >= 0 && tail >= 0 && head + tail <= 7;
    }
    return countGroups(address) == 8;
  }

  /** Number of hex groups in a colon-separated run, or -1 when a group is empty or too long. */
  private static int countGroups(String run) {
    if (run.isEmpty()) {
      return 0;
    }
    String[] groups = run.split(":", -1);
    for (String group : groups) {
      if (group.isEmpty() || group.length() > 4) {
        return -1;
      }
    }
    return groups.length;
  }
}
