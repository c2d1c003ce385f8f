package io.shroud.core.detect.generic;

import io.shroud.core.detect.ContextWords;
import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.RegexDetector;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs and web addresses: {@code http(s)://} or {@code ftp://} URLs whose host is a dotted domain or
 * an IP address; {@code www.} addresses; and bare domains ({@code example.co.uk/path}) whose
 * lower-case top-level domain is a common generic one or a country code. The bare-domain list
 * leaves out country codes that are everyday file extensions (.sh, .py, .md, .rs, .pl, .so, .cc),
 * so {@code deploy.sh} and {@code README.md} are not web addresses.
 */
public final class UrlDetector extends RegexDetector {
  private static final String CHARS = "[^\\s<>\"'`{}|\\\\^\\[\\]]";
  private static final Pattern CANDIDATE = Pattern.compile(
      "(?<![\\w.@/-])(?:(?i:https?|ftp)://" + CHARS + "{1,2048}"
          + "|(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?\\.){1,8}[A-Za-z]{2,24}(?::\\d{2,5})?(?:/" + CHARS + "{0,2048})?)");
  /** Country codes that are everyday file extensions (deploy.sh, app.py, README.md, main.rs, ...). */
  private static final Set<String> FILE_EXTENSION_CCTLDS = Set.of(
      "sh", "py", "md", "rs", "pl", "so", "ps", "pm", "ml", "mm", "cc");
  private static final Set<String> GENERIC_TLDS = Set.of(
      "com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "io", "co", "ai", "app", "dev", "me", "tv",
      "uk", "eu", "asia", "online", "site", "store", "tech", "xyz", "shop", "blog", "cloud", "news", "live", "pro",
      "mobi", "name", "email", "club", "agency", "website", "space", "travel", "health", "bank", "insurance");
  private static final Set<String> BARE_TLDS = bareTlds();
  public UrlDetector() {
    super("url", EntityType.URL, CANDIDATE,
        new ContextWords(List.of("url", "link", "website", "site", "web", "domain", "homepage", "visit")), false);
  }

  @Override
  public TextGate gate() {
    return TextGate.anyOf('.').withLetters(4);
  }

  @Override
  protected boolean mayContain(TextFeatures features) {
    if (!features.has('.') || features.lower() + features.upper() < 4) {
      return false;
    }
    // Every candidate has a dot between two letters or digits ("example.com", "www.x", "://a.b").
    return nextHostDot(features.text(), 1) >= 0;
  }

  /**
   * The first dot at or after {@code from} (at least 1) between a letter or digit and a letter, or -1.
   * A text may start with a dot (".NET docs at example.org"): the search goes on past it.
   */
  private static int nextHostDot(String text, int from) {
    for (int i = text.indexOf('.', from); i > 0 && i + 1 < text.length(); i = text.indexOf('.', i + 1)) {
      if (Character.isLetterOrDigit(text.charAt(i - 1)) && Character.isLetter(text.charAt(i + 1))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * From the start of the first to the end of the last whitespace-delimited token holding a dot
   * between a letter or digit and a letter, or a "://": no candidate spans whitespace, and each holds
   * one of the two (a host's dot, or its scheme). Most texts that get here hold one e-mail address or
   * domain, and the pattern then tries one token instead of every word.
   */
  @Override
  protected int[] searchWindow(TextFeatures features) {
    String text = features.text();
    int first = Integer.MAX_VALUE;
    int last = -1;
    for (int i = nextHostDot(text, 1); i >= 0; i = nextHostDot(text, i + 1)) {
      first = Math.min(first, i);
      last = i;
    }
    int scheme = text.indexOf("://");
    if (scheme >= 0) {
      first = Math.min(first, scheme);
      last = Math.max(last, text.lastIndexOf("://"));
    }
    if (last < 0) {
      return null;
    }
    int from = first;
    while (from > 0 && !isSpace(text.charAt(from - 1))) {
      from--;
    }
    int to = last;
    while (to < text.length() && !isSpace(text.charAt(to))) {
      to++;
    }
    return new int[] {from, to};
  }

  /** The characters {@code \s} stands for in the candidate pattern (no Unicode classes). */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  @Override
  protected Score evaluate(Matcher match, String text, DetectionContext context) {
    int start = match.start();
    int end = trimTrailingPunctuation(text, start, match.end());
    char first = text.charAt(start);
    if (end < text.length() && text.charAt(end) == '@') {
      return null; // the local part of an e-mail address
    }
    int scheme = text.indexOf("://", start);
    if (scheme >= 0 && scheme < end && (first == 'h' || first == 'H' || first == 'f' || first == 'F')) {
      String host = hostOf(text, scheme + 3, end);
      if (host.startsWith("[") || IpAddressDetector.validV4(host) || validDomain(host, false)) {
        return new Score(0.6, "URL with scheme and valid host", start, end);
      }
      return null;
    }
    String host = hostOf(text, start, end);
    if (host.regionMatches(true, 0, "www.", 0, 4) && validDomain(host, true)) {
      return new Score(0.55, "www address", start, end);
    }
    return validDomain(host, true) ? new Score(0.5, "domain with a common top-level domain", start, end) : null;
  }

  private static int trimTrailingPunctuation(String text, int start, int end) {
    while (end > start && ".,;:!?)]}'\"".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return end;
  }

  /** The host part in [from, to): up to the first '/', '?', '#' or ':' port, minus user info. */
  private static String hostOf(String text, int from, int to) {
    int end = from;
    while (end < to && "/?#".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    String authority = text.substring(from, end);
    int at = authority.lastIndexOf('@');
    String host = at >= 0 ? authority.substring(at + 1) : authority;
    if (host.startsWith("[")) {
      return host;
    }
    int colon = host.indexOf(':');
    return colon >= 0 ? host.substring(0, colon) : host;
  }

  private static boolean validDomain(String host, boolean bare) {
    String[] labels = host.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
        return false;
      }
    }
    String tld = labels[labels.length - 1];
    for (int i = 0; i < tld.length(); i++) {
      if (!Character.isLetter(tld.charAt(i))) {
        return tld.startsWith("xn--");
      }
    }
    if (!bare) {
      return tld.length() >= 2;
    }
    // A bare domain must look deliberate: a lower-case common TLD and a real name before it.
    String name = labels[labels.length - 2];
    return BARE_TLDS.contains(tld) && name.length() >= 2 && name.chars().anyMatch(Character::isLetter);
  }

  private static Set<String> bareTlds() {
    Set<String> tlds = new HashSet<>(GENERIC_TLDS);
    for (String country : Locale.getISOCountries()) {
      String cc = country.toLowerCase(Locale.ROOT);
      if (!FILE_EXTENSION_CCTLDS.contains(cc)) {
        tlds.add(cc);
      }
    }
    return Set.copyOf(tlds);
  }
}
