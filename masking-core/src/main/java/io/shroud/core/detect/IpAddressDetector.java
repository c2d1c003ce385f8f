package io.shroud.core.detect;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IPv4 and IPv6 addresses, parsed rather than only matched. */
public final class IpAddressDetector extends RegexDetector {
  private static final String V4 = "(?:\\d{1,3}\\.){3}\\d{1,3}";
  private static final String V6 = "(?:[0-9A-Fa-f]{0,4}:){2,7}(?:" + V4 + "|[0-9A-Fa-f]{0,4})";
  private static final Pattern CANDIDATE = Pattern.compile(
      "(?<![\\w.:])(?:(" + V4 + ")|(" + V6 + "))(?![\\w:]|\\.\\d)");

  public IpAddressDetector() {
    super("ip_address", EntityType.IP_ADDRESS, CANDIDATE,
        List.of("ip", "ipv4", "ipv6", "address", "host", "client", "remote", "server"));
  }

  @Override
  protected boolean mayContain(String text) {
    return text.indexOf('.') >= 0 || text.indexOf(':') >= 0;
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    if (match.group(1) != null) {
      return validV4(match.group(1)) ? new Score(0.6, "valid IPv4 address") : null;
    }
    return validV6(match.group(2)) ? new Score(0.65, "valid IPv6 address") : null;
  }

  static boolean validV4(String candidate) {
    String[] parts = candidate.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
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
    int groupsNeeded = 8;
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
    String[] groups;
    if (doubleColon >= 0) {
      String head = address.substring(0, doubleColon);
      String tail = address.substring(doubleColon + 2);
      int count = countGroups(head) + countGroups(tail);
      if (count < 0 || count > groupsNeeded - 1) {
        return false;
      }
      return true;
    }
    groups = address.split(":", -1);
    if (groups.length != groupsNeeded) {
      return false;
    }
    for (String group : groups) {
      if (group.isEmpty() || group.length() > 4) {
        return false;
      }
    }
    return true;
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
