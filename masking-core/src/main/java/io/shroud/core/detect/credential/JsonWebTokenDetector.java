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
 * JSON Web Tokens: three base64url parts joined by dots whose header decodes to a JSON object with an
 * "alg" member. Found by searching for the literal "eyJ" (base64 of '{"'), not by a regex tried at
 * every position.
 */
public final class JsonWebTokenDetector implements Detector {
  private static final int MAX_PART = 16 * 1024;

  @Override
  public String id() {
    return "json_web_token";
  }

  @Override
  public EntityType entityType() {
    return EntityType.JSON_WEB_TOKEN;
  }

  @Override
  public TextGate gate() {
    return TextGate.anyOf('.');
  }

  @Override
  public void detect(String text, TextFeatures features, DetectionContext context, List<Finding> out) {
    if (!features.has('.') || features.length() < 20) {
      return;
    }
    int from = 0;
    while (true) {
      int start = text.indexOf("eyJ", from);
      if (start < 0) {
        return;
      }
      from = start + 3;
      if (start > 0 && isBase64Url(text.charAt(start - 1))) {
        continue;
      }
      int headerEnd = runEnd(text, start);
      if (headerEnd >= text.length() || text.charAt(headerEnd) != '.') {
        from = headerEnd;
        continue;
      }
      int payloadEnd = runEnd(text, headerEnd + 1);
      if (payloadEnd == headerEnd + 1 || payloadEnd >= text.length() || text.charAt(payloadEnd) != '.') {
        from = payloadEnd;
        continue;
      }
      int signatureEnd = runEnd(text, payloadEnd + 1);
      if (headerDeclaresAlgorithm(text, start, headerEnd)) {
        out.add(new Finding(EntityType.JSON_WEB_TOKEN, start, signatureEnd, 0.9, id(),
            "three base64url parts, header with alg"));
        from = signatureEnd;
      } else {
        from = headerEnd;
      }
    }
  }

  private static int runEnd(String text, int from) {
    int limit = Math.min(text.length(), from + MAX_PART);
    int i = from;
    while (i < limit && isBase64Url(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isBase64Url(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  }

  private static boolean headerDeclaresAlgorithm(String text, int start, int end) {
    if (end - start > 2048) {
      return false;
    }
    try {
      String header = new String(Base64.getUrlDecoder().decode(stripPadding(text.substring(start, end))),
          StandardCharsets.UTF_8).trim();
      return header.startsWith("{") && header.endsWith("}") && header.contains("\"alg\"");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String stripPadding(String part) {
    // The decoder rejects an impossible length (one leftover character); such a part is not base64.
    return part.length() % 4 == 1 ? part.substring(0, part.length() - 1) : part;
  }
}
