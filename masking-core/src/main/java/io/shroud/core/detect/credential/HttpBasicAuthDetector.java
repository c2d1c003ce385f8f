package io.shroud.core.detect.credential;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.Detector;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * HTTP Basic credentials: {@code Authorization: Basic <base64>} where the base64 decodes to printable
 * {@code user:password}. The span is the credential, so the header name survives masking.
 */
public final class HttpBasicAuthDetector implements Detector {
  private static final String MARKER = "basic";
  private static final int MAX_TOKEN = 1024;

  @Override
  public String id() {
    return "http_basic_auth";
  }

  @Override
  public EntityType entityType() {
    return EntityType.HTTP_BASIC_AUTH;
  }

  @Override
  public TextGate gate() {
    return TextGate.anyOf(':', '=');
  }

  @Override
  public void detect(String text, TextFeatures features, DetectionContext context, List<Finding> out) {
    if (features.length() < 20 || !(features.has(':') || features.has('='))) {
      return;
    }
    String lower = features.lowerText();
    int from = 0;
    while (true) {
      int at = lower.indexOf(MARKER, from);
      if (at < 0) {
        return;
      }
      from = at + MARKER.length();
      if (!afterAuthorizationHeader(lower, at)) {
        continue;
      }
      int tokenStart = from;
      while (tokenStart < text.length() && tokenStart - from < 4 && text.charAt(tokenStart) == ' ') {
        tokenStart++;
      }
      if (tokenStart == from) {
        continue;
      }
      int tokenEnd = tokenStart;
      int limit = Math.min(text.length(), tokenStart + MAX_TOKEN);
      while (tokenEnd < limit && isBase64(text.charAt(tokenEnd))) {
        tokenEnd++;
      }
      while (tokenEnd < text.length() && tokenEnd - tokenStart < MAX_TOKEN + 2 && text.charAt(tokenEnd) == '=') {
        tokenEnd++;
      }
      if (tokenEnd - tokenStart >= 4 && decodesToCredentials(text.substring(tokenStart, tokenEnd))) {
        out.add(new Finding(EntityType.HTTP_BASIC_AUTH, tokenStart, tokenEnd, 0.9, id(),
            "Authorization Basic header with user:password"));
        from = tokenEnd;
      }
    }
  }

  /** Whether "authorization" followed by ':' or '=' ends shortly before the "basic" at {@code at}. */
  private static boolean afterAuthorizationHeader(String lower, int at) {
    int header = lower.lastIndexOf("authorization", at);
    if (header < 0 || at - header > 24) {
      return false;
    }
    for (int i = header + "authorization".length(); i < at; i++) {
      char c = lower.charAt(i);
      if (c != ' ' && c != ':' && c != '=' && c != '"' && c != '\'') {
        return false;
      }
    }
    return true;
  }

  private static boolean isBase64(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
  }

  private static boolean decodesToCredentials(String token) {
    try {
      byte[] bytes = Base64.getDecoder().decode(token);
      String decoded = new String(bytes, StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon < 1) {
        return false;
      }
      for (int i = 0; i < decoded.length(); i++) {
        if (Character.isISOControl(decoded.charAt(i)) || decoded.charAt(i) == '\uFFFD') {
          return false;
        }
      }
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
