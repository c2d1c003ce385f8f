package io.shroud.core.detect.credential;

import io.shroud.core.detect.DetectionContext;
import io.shroud.core.detect.Detector;
import io.shroud.core.detect.EntityType;
import io.shroud.core.detect.Finding;
import io.shroud.core.detect.TextFeatures;
import io.shroud.core.detect.TextGate;
import java.util.List;

/**
 * Private keys in PEM, OpenSSH and PGP armour: a {@code -----BEGIN ... PRIVATE KEY-----} (or {@code
 * PGP PRIVATE KEY BLOCK}) line up to its matching END line. An unclosed block (a truncated paste)
 * still leaks key material, so it is reported from BEGIN to the end of its base64 body. Linear time:
 * each END search starts after the previous one and is reused while it lies ahead.
 */
public final class PrivateKeyDetector implements Detector {
  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";
  private static final int MAX_LABEL = 64;
  private static final int MAX_BLOCK = 64 * 1024;

  @Override
  public String id() {
    return "private_key";
  }

  @Override
  public EntityType entityType() {
    return EntityType.PRIVATE_KEY;
  }

  @Override
  public TextGate gate() {
    return TextGate.anyOf('-').withLetters(10);
  }

  @Override
  public void detect(String text, TextFeatures features, DetectionContext context, List<Finding> out) {
    if (!features.has('-') || features.upper() < 10) {
      return;
    }
    int nextEnd = -2; // -2: not searched yet; -1: no END after the last search position
    int from = 0;
    while (true) {
      int begin = text.indexOf(BEGIN, from);
      if (begin < 0) {
        return;
      }
      int labelStart = begin + BEGIN.length();
      int labelEnd = text.indexOf(DASHES, labelStart);
      if (labelEnd < 0) {
        return;
      }
      if (labelEnd - labelStart > MAX_LABEL || !isPrivateKeyLabel(text, labelStart, labelEnd)) {
        from = labelStart;
        continue;
      }
      int bodyStart = labelEnd + DASHES.length();
      if (nextEnd != -1 && nextEnd < bodyStart) {
        nextEnd = text.indexOf(END, bodyStart);
      }
      int blockEnd;
      double score;
      String reason;
      if (nextEnd >= 0 && nextEnd - begin <= MAX_BLOCK) {
        int close = text.indexOf(DASHES, nextEnd + END.length());
        blockEnd = close >= 0 && close - nextEnd <= MAX_LABEL + END.length() ? close + DASHES.length() : nextEnd + END.length();
        score = 0.95;
        reason = "private key block with BEGIN and END lines";
      } else {
        blockEnd = endOfBase64Body(text, bodyStart);
        score = 0.85;
        reason = "unclosed private key block";
      }
      out.add(new Finding(EntityType.PRIVATE_KEY, begin, blockEnd, score, id(), reason));
      from = Math.max(blockEnd, labelStart);
    }
  }

  private static boolean isPrivateKeyLabel(String text, int start, int end) {
    String label = text.substring(start, end);
    return label.endsWith("PRIVATE KEY") || label.equals("PGP PRIVATE KEY BLOCK");
  }

  /** End of the armour body: base64 characters, armour headers and line breaks, bounded. */
  private static int endOfBase64Body(String text, int from) {
    int limit = Math.min(text.length(), from + MAX_BLOCK);
    int i = from;
    while (i < limit) {
      char c = text.charAt(i);
      boolean body = Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '=' || c == '\n' || c == '\r'
          || c == ':' || c == ' ' || c == ',' || c == '-';
      if (!body || text.startsWith(BEGIN, i)) {
        break;
      }
      i++;
    }
    return Math.max(i, from);
  }
}
